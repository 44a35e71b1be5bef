package org.correspondencegateway.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.correspondencegateway.GatewayCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/**
 * An IT provider tries the gateway's checks on saved mail before switching them on: a folder of .eml
 * files, an mbox archive, for people or for machines.
 */
class CheckCommandTest {
    private static final Path MESSAGES = Path.of("src/test/resources/messages");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aFolderOfEmlFilesGivesATableAndASummary() {
        int exit = check(MESSAGES.toString(), "--no-progress");

        assertThat(exit).isEqualTo(CheckCommand.NOTHING_FOUND);
        assertThat(out.toString())
            .contains("| # | Message")
            .contains("outlook-reply.eml").contains("j.hughes@prioryvale-tc.example (officer)")
            .contains("1 To councillor, 1 Cc councillor")
            .contains("5 messages checked in");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void anMboxArchiveGivesJsonWithEveryMessage() throws Exception {
        Path mbox = dir.resolve("archive.mbox");
        StringBuilder archive = new StringBuilder();
        List<Path> files = new ArrayList<>();
        try (var list = Files.list(MESSAGES)) {
            list.sorted().forEach(files::add);
        }
        for (Path file : files) {
            archive.append("From MAILER-DAEMON Mon Nov 23 09:00:00 2026\n")
                .append(Files.readString(file, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replaceAll("(?m)^From ", ">From "))
                .append("\n");
        }
        Files.writeString(mbox, archive, StandardCharsets.ISO_8859_1);

        int exit = check(mbox.toString(), "--json");

        assertThat(exit).isEqualTo(CheckCommand.NOTHING_FOUND);
        JsonNode reports = new ObjectMapper().readTree(out.toString());
        assertThat(reports).hasSize(files.size());
        assertThat(reports.get(0).get("message").asText()).endsWith("archive.mbox #1");
        JsonNode gmail = reports.get(0);
        assertThat(gmail.get("subject").asText()).isEqualTo("Fwd: Parking on Church Street");
        assertThat(gmail.get("from").get("role").asText()).isEqualTo("councillor");
        assertThat(gmail.get("from").get("id").asText()).isEqualTo("r-reid");
        assertThat(gmail.get("recipients").get(0).get("party").get("name").asText()).isEqualTo("Sadia Akhtar");
    }

    @Test
    void anExplicitEnvelopeRevealsTheBlindCopy() throws Exception {
        int exit = check(MESSAGES.resolve("outlook-reply.eml").toString(), "--json", "--from", "j.hughes@prioryvale-tc.example",
            "--to", "cllr.okonkwo@prioryvale-tc.example,cllr.reid@prioryvale-tc.example,cllr.price@prioryvale-tc.example");

        assertThat(exit).as("the blind copy is a silent copy").isEqualTo(CheckCommand.FINDINGS);
        JsonNode recipients = new ObjectMapper().readTree(out.toString()).get(0).get("recipients");
        assertThat(recipients).hasSize(3);
        assertThat(recipients.get(2).get("addressedAs").asText()).isEqualTo("blind copy");
        assertThat(recipients.get(2).get("party").get("id").asText()).isEqualTo("h-price");
    }

    @Test
    void findingsAreShownWithTheirEvidenceAndTheExitCodeSaysSo() throws Exception {
        int exit = check(MESSAGES.resolve("outlook-reply.eml").toString(), "--no-progress", "--from", "j.hughes@prioryvale-tc.example",
            "--to", "cllr.okonkwo@prioryvale-tc.example,cllr.reid@prioryvale-tc.example,cllr.price@prioryvale-tc.example");

        assertThat(exit).isEqualTo(CheckCommand.FINDINGS);
        assertThat(out.toString())
            .contains("| silent-copy")
            .contains("MEDIUM silent-copy: Jo Hughes, Deputy Town Clerk <j.hughes@prioryvale-tc.example> copied Councillor Hannah Price")
            .contains("\"cllr.price@prioryvale-tc.example\" (blind copy (in the envelope only))")
            .contains("protocol: Dunstable Town Council's protocol, CORRESPONDENCE, first paragraph (004_67db9816b9dd2982.txt)")
            .contains("what to do: Add \"CC Councillor Hannah Price\" at the foot of the email")
            .contains("1 finding in 1 message");
    }

    @Test
    void aMissingPathOrABrokenDirectoryIsAClearError() throws Exception {
        assertThat(check(dir.resolve("nowhere").toString())).isEqualTo(CheckCommand.CONFIGURATION_PROBLEM);
        assertThat(err.toString()).contains("nowhere: no such file or folder");

        Path broken = dir.resolve("directory.yaml");
        Files.writeString(broken, "council: X\ndomains: [x.example]\npeople:\n  - id: a\n    role: mayor\n");
        assertThat(check("--directory", broken.toString(), MESSAGES.toString())).isEqualTo(CheckCommand.CONFIGURATION_PROBLEM);
        assertThat(err.toString()).contains("directory.yaml line 5: people[1].role: 'mayor' is not a role");
    }

    @Test
    void aFileThatIsNotAMessageIsReportedAndTheRestAreChecked() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("mixed"));
        Files.copy(MESSAGES.resolve("thunderbird-reply.eml"), folder.resolve("a.eml"));
        Files.write(folder.resolve("b.eml"), new byte[] {0, 1, 2, 3, (byte) 0xff});

        int exit = check(folder.toString(), "--no-progress");

        assertThat(out.toString()).contains("a.eml").contains("b.eml").contains("2 messages checked");
        assertThat(exit).isIn(CheckCommand.NOTHING_FOUND, CheckCommand.UNREADABLE);
    }

    private int check(String... args) {
        CommandLine command = new CommandLine(new GatewayCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        return command.execute(all);
    }
}

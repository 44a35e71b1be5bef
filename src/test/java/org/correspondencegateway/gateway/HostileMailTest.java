package org.correspondencegateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

import javax.mail.MessagingException;

import org.correspondencegateway.testing.Documents;
import org.correspondencegateway.testing.Gateways;
import org.correspondencegateway.testing.MailBuilder;
import org.correspondencegateway.testing.Mailboxes;
import org.correspondencegateway.testing.ReviewQueue;
import org.correspondencegateway.testing.WebAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Mail written to break mail software, sent through a running gateway by a real SMTP client: a zip
 * bomb, multiparts nested a thousand deep, ten thousand recipients, 50 MB, line breaks smuggled into
 * names. Each message ends delivered, held for the Clerk, or refused at the SMTP door with an error the
 * sending client sees; none lands in the error repository. (CPython's hostile corpus:
 * {@link HostileCorpusDeliveryTest}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileMailTest {
    private static final String OFFICER = "j.hughes@prioryvale-tc.example";
    private static final String RESIDENT = "m.patel@resident.example";

    @RegisterExtension
    GreenMailExtension councilMailServer = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort())
        .withPerMethodLifecycle(false);

    @TempDir
    static Path data;

    private EmbeddedGateway gateway;
    private ReviewQueue clerk;
    private WebAdmin webAdmin;
    private Mailboxes mailboxes;

    @BeforeAll
    void startTheGateway() throws Exception {
        gateway = Gateways.start(data, Optional.of(GatewaySettings.NextHop.plain("127.0.0.1", councilMailServer.getSmtp().getPort())));
        webAdmin = Gateways.webAdmin(gateway);
        clerk = new ReviewQueue(webAdmin);
        mailboxes = new Mailboxes(councilMailServer);
    }

    @AfterAll
    void nothingWentToTheErrorRepository() throws Exception {
        try {
            assertThat(webAdmin.mailKeys("var/mail/error")).as("mail the gateway failed to process").isEmpty();
        } finally {
            gateway.close();
        }
    }

    @Test
    void aZipBombIsHeldAsUnreadable() throws Exception {
        String id = "zip-bomb@hostile.test";
        send(MailBuilder.mail().messageId(id).from(OFFICER).to(RESIDENT).subject("Minutes")
            .text("The minutes are attached.").attach("minutes.zip", "application/zip", Documents.zipBomb(300L * 1024 * 1024)));

        JsonNode held = clerk.awaitEntry("held", id);
        assertThat(held.get("outcome").asText()).isEqualTo("unchecked=held");
        assertThat(held.at("/record/uncheckable").toString()).contains("minutes.zip was stopped by a safety limit");
    }

    @Test
    void multipartsNestedAThousandDeepAreHeldAsNotFullyRead() throws Exception {
        String id = "nested@hostile.test";
        StringBuilder raw = new StringBuilder("From: Jo Hughes <" + OFFICER + ">\r\nTo: " + RESIDENT + "\r\nSubject: Nested\r\n"
            + "Message-ID: <" + id + ">\r\nMIME-Version: 1.0\r\n");
        int depth = 1000;
        for (int i = 0; i < depth; i++) {
            raw.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i).append("\r\n");
        }
        raw.append("Content-Type: text/plain\r\n\r\nCONFIDENTIAL - Personnel Committee only.\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            raw.append("--b").append(i).append("--\r\n");
        }
        Gateways.smtp(gateway).send(OFFICER, List.of(RESIDENT), raw.toString());

        JsonNode held = clerk.awaitEntry("held", id);
        assertThat(held.get("outcome").asText()).contains("unchecked=held");
        assertThat(held.at("/record/uncheckable").toString()).contains("nested more than 50 deep");
    }

    /** Last: ten thousand mailboxes make every later look at the peer slow. */
    @Test
    @Order(9)
    void tenThousandRecipientsAreEachDeliveredOnce() throws Exception {
        String id = "newsletter@hostile.test";
        List<String> residents = IntStream.range(0, 10_000).mapToObj(i -> "resident" + i + "@residents.example").toList();
        Gateways.smtp(gateway).send(OFFICER, residents, new String(MailBuilder.mail().messageId(id).from(OFFICER)
            .to("newsletter@prioryvale-tc.example").subject("Priory Vale news, winter")
            .text("The Christmas market opens on the green on 5 December.").bytes(), StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> mailboxes.mail(id).size() >= 10_000);
        List<String> recipients = mailboxes.mail(id).stream().map(Mailboxes.Copy::recipient).toList();
        assertThat(recipients).hasSize(10_000).doesNotHaveDuplicates().containsAll(residents);
    }

    @Test
    void aMessageUnderTheSizeLimitIsTakenAndOneOverItIsRefusedAtTheDoor() throws Exception {
        String id = "large@hostile.test";
        byte[] archive = new byte[36 * 1024 * 1024];
        new Random(8).nextBytes(archive);
        byte[] large = MailBuilder.mail().messageId(id).from(OFFICER).to(RESIDENT).subject("The scans")
            .text("The scanned files are attached.").attach("scans.bin", "application/octet-stream", archive).bytes();
        assertThat(large.length).as("just under the 50 MB limit").isBetween(45 * 1024 * 1024, 50 * 1024 * 1024);
        Gateways.smtp(gateway).send(OFFICER, List.of(RESIDENT), large);
        JsonNode held = clerk.awaitEntry("held", id);
        assertThat(held.get("outcome").asText()).isEqualTo("unchecked=held");
        assertThat(held.at("/record/uncheckable").toString()).contains("over the 25.0 MB limit");

        ByteArrayOutputStream overLimit = new ByteArrayOutputStream();
        overLimit.write(("Message-ID: <too-large@hostile.test>\r\nFrom: " + OFFICER + "\r\nTo: " + RESIDENT + "\r\nSubject: Too large\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 56 * 1024; i++) {
            overLimit.write(("x".repeat(1022) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        assertThatThrownBy(() -> Gateways.smtp(gateway).send(OFFICER, List.of(RESIDENT), overLimit.toByteArray()))
            .isInstanceOf(MessagingException.class).hasMessageContaining("552");
    }

    @Test
    void aLineBreakSmuggledIntoANameOrSubjectAddsNoHeaderToTheNotices() throws Exception {
        String id = "injection@hostile.test";
        String councillor = "cllr.reid@prioryvale-tc.example";
        String raw = "From: =?UTF-8?Q?Jo_Hughes=0D=0ABcc:_" + councillor + "?= <" + OFFICER + ">\r\n"
            + "To: Mrs Patel <" + RESIDENT + ">\r\n"
            + "Subject: =?UTF-8?Q?Allotments=0D=0ABcc:_" + councillor + "=0D=0A=0D=0AInjected_body?=\r\n"
            + "Message-ID: <" + id + ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
            + "Dear Mrs Patel,\r\n\r\nCONFIDENTIAL - Personnel Committee only.\r\n\r\nJo Hughes\r\n";
        Gateways.smtp(gateway).send(OFFICER, List.of(RESIDENT), raw);

        clerk.awaitEntry("held", id);
        List<Mailboxes.Copy> notices = mailboxes.awaitNotices(id, 2);
        assertThat(notices).extracting(Mailboxes.Copy::recipient).containsExactlyInAnyOrder(OFFICER, "townclerk@prioryvale-tc.example");
        for (Mailboxes.Copy notice : notices) {
            assertThat(notice.raw().fieldsAsSent()).noneMatch(field -> field.name().equalsIgnoreCase("Bcc"));
            assertThat(notice.message().getSubject()).doesNotContain("\r").doesNotContain("\n");
        }
        assertThat(mailboxes.copies()).extracting(Mailboxes.Copy::recipient).doesNotContain(councillor);
    }

    private void send(MailBuilder mail) throws Exception {
        Gateways.smtp(gateway).send(OFFICER, List.of(RESIDENT), mail.bytes());
    }
}

package org.correspondencegateway.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import org.correspondencegateway.message.Correspondence;
import org.correspondencegateway.message.Envelope;
import org.correspondencegateway.testing.MailBuilder;
import org.correspondencegateway.testing.Readers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A councillor writes to an officer and copies a colleague; days later the officer's reply arrives
 * without the history. The gateway's memory still knows whom the councillor copied.
 */
class FileCorrespondenceMemoryTest {
    @TempDir
    Path dir;

    @Test
    void aReplyFindsTheOriginalItAnswersAcrossARestart() throws Exception {
        Path file = dir.resolve("correspondence.jsonl");
        try (FileCorrespondenceMemory memory = FileCorrespondenceMemory.open(file, 1000)) {
            Correspondence councillorsEmail = Readers.read("thunderbird-reply.eml", "cllr.whitlock@prioryvale-tc.example",
                List.of("townclerk@prioryvale-tc.example", "cllr.price@prioryvale-tc.example"));
            memory.remember(councillorsEmail.remembered(Instant.parse("2026-11-23T10:02:44Z")).orElseThrow());
        }

        try (FileCorrespondenceMemory restarted = FileCorrespondenceMemory.open(file, 1000)) {
            RememberedMessage original = restarted.recall("<8f0d2c1a-6b3e-4e1f-9a7d-2c5b8e9f0a1b@prioryvale-tc.example>").orElseThrow();

            assertThat(original.sender().person()).hasValue("t-whitlock");
            assertThat(original.sender().role()).isEqualTo("COUNCILLOR");
            assertThat(original.recipients()).extracting(RememberedMessage.Participant::personId, RememberedMessage.Participant::visibility)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("s-akhtar", "TO"), org.assertj.core.groups.Tuple.tuple("h-price", "SILENT"));

            Correspondence reply = Readers.reader(restarted).read(new java.io.ByteArrayInputStream(MailBuilder.mail()
                    .from("townclerk@prioryvale-tc.example").to("cllr.whitlock@prioryvale-tc.example")
                    .subject("RE: Hall hire charges").text("Thank you, Councillor.")
                    .inReplyTo("8f0d2c1a-6b3e-4e1f-9a7d-2c5b8e9f0a1b@prioryvale-tc.example").bytes()),
                Envelope.of("townclerk@prioryvale-tc.example", List.of("cllr.whitlock@prioryvale-tc.example")));
            assertThat(reply.thread().original()).hasValueSatisfying(o -> assertThat(o.recipients())
                .anySatisfy(r -> assertThat(r.person()).hasValue("h-price")));
        }
    }

    @Test
    void staysWithinItsBoundAndSkipsADamagedLine() throws Exception {
        Path file = dir.resolve("correspondence.jsonl");
        try (FileCorrespondenceMemory memory = FileCorrespondenceMemory.open(file, 10)) {
            for (int i = 0; i < 35; i++) {
                memory.remember(message("m" + i));
            }
            assertThat(memory.size()).isLessThanOrEqualTo(10);
            assertThat(memory.recall("m34")).isPresent();
        }
        assertThat(Files.readAllLines(file)).as("compacted as it grew").hasSizeLessThan(20);
        Files.writeString(file, "{\"messageId\":\"torn", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (FileCorrespondenceMemory reopened = FileCorrespondenceMemory.open(file, 10)) {
            assertThat(reopened.recall("m34")).isPresent();
            assertThat(reopened.recall("m0")).isEmpty();
        }
    }

    private static RememberedMessage message(String id) {
        return new RememberedMessage(id, Instant.parse("2026-11-23T10:00:00Z"),
            new RememberedMessage.Participant("cllr.reid@prioryvale-tc.example", "COUNCILLOR", "r-reid", "FROM"),
            List.of(new RememberedMessage.Participant("townclerk@prioryvale-tc.example", "OFFICER", "s-akhtar", "TO")));
    }
}

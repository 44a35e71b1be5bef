package org.correspondencegateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The audit log keeps every event, in order, across restarts, and never tears a line. */
class JsonLinesAuditLogTest {
    @TempDir
    Path directory;

    @Test
    void aDecisionIsReadBackAfterTheGatewayRestarts() throws Exception {
        Path file = directory.resolve("audit.jsonl");
        new JsonLinesAuditLog(file).record(held("Mail-1"));
        new JsonLinesAuditLog(file).record(new AuditEvent(Instant.parse("2026-11-23T10:05:00Z"), "rejected", "Mail-1",
            Optional.of("m-1@prioryvale-tc.example"), "Allotments", Optional.of("j.hughes@prioryvale-tc.example"),
            List.of("m.patel@resident.example"), Optional.empty(), Optional.of("s-akhtar"), Optional.of("Not to residents.")));

        AuditLog reopened = new JsonLinesAuditLog(file);

        assertThat(reopened.forMail("Mail-1")).extracting(AuditEvent::event).containsExactly("held", "rejected");
        AuditEvent rejected = reopened.latest(1).get(0);
        assertThat(rejected.actor()).contains("s-akhtar");
        assertThat(rejected.reason()).contains("Not to residents.");
        assertThat(rejected.time()).isEqualTo(Instant.parse("2026-11-23T10:05:00Z"));
    }

    @Test
    void eventsFromManyThreadsAreEachOneWholeLine() throws Exception {
        Path file = directory.resolve("audit.jsonl");
        JsonLinesAuditLog log = new JsonLinesAuditLog(file);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String key = "Mail-" + i;
            writes.add(threads.submit(() -> log.record(held(key))));
        }
        for (Future<?> write : writes) {
            write.get();
        }
        threads.shutdown();

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(400);
        ObjectMapper json = new ObjectMapper();
        assertThat(lines.stream().map(line -> {
            try {
                return json.readTree(line).get("mailKey").asText();
            } catch (Exception e) {
                throw new AssertionError("a torn line: " + line, e);
            }
        }).distinct()).hasSize(400);
    }

    @Test
    void aLineTornByACrashIsSkippedAndTheRestIsKept() throws Exception {
        Path file = directory.resolve("audit.jsonl");
        new JsonLinesAuditLog(file).record(held("Mail-1"));
        Files.writeString(file, "{\"time\":\"2026-11-23T10:0", StandardOpenOption.APPEND);

        JsonLinesAuditLog log = new JsonLinesAuditLog(file);
        log.record(held("Mail-2"));

        assertThat(log.latest(10)).extracting(AuditEvent::mailKey).containsExactly("Mail-2", "Mail-1");
    }

    private static AuditEvent held(String key) {
        return new AuditEvent(Instant.parse("2026-11-23T10:00:00Z"), "held", key, Optional.of("m-1@prioryvale-tc.example"), "Allotments",
            Optional.of("j.hughes@prioryvale-tc.example"), List.of("m.patel@resident.example"),
            Optional.of("confidential-to-third-party=held"), Optional.empty(), Optional.empty());
    }
}

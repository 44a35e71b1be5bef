package org.correspondencegateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.correspondencegateway.testing.Gateways;
import org.correspondencegateway.testing.RawSmtpSink;
import org.correspondencegateway.testing.ReviewQueue;
import org.correspondencegateway.testing.WebAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CPython's email test messages (../shared/corpus/cpython-email), written to break MIME parsers, sent
 * through a running gateway by a real SMTP client, one officer to one resident each. Every one ends
 * delivered once or held once; none is lost, none lands in the error repository. The next hop takes
 * bytes without parsing them ({@link RawSmtpSink}), as a real MTA does.
 */
class HostileCorpusDeliveryTest {
    private static final Path CORPUS = Path.of(System.getProperty("corpus.dir", "../shared/corpus/cpython-email"));
    private static final String OFFICER = "j.hughes@prioryvale-tc.example";
    private static final String RESIDENT = "m.patel@resident.example";

    @TempDir
    Path data;

    @Test
    void everyMessageOfTheHostileCorpusIsDeliveredOrHeldOnce() throws Exception {
        List<Path> corpus;
        try (Stream<Path> files = Files.list(CORPUS)) {
            corpus = files.filter(p -> p.getFileName().toString().matches("msg_.*\\.txt")).sorted().toList();
        }
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(48);

        try (RawSmtpSink councilMailServer = new RawSmtpSink();
             EmbeddedGateway gateway = Gateways.start(data, Optional.of(GatewaySettings.NextHop.plain("127.0.0.1", councilMailServer.port())))) {
            WebAdmin webAdmin = Gateways.webAdmin(gateway);
            ReviewQueue clerk = new ReviewQueue(webAdmin);
            List<String> ids = new ArrayList<>();
            for (Path file : corpus) {
                String id = "corpus-" + file.getFileName().toString().replace(".txt", "") + "@hostile.test";
                ids.add(id);
                Gateways.smtp(gateway).send(OFFICER, List.of(RESIDENT), withMessageId(Files.readAllBytes(file), id));
            }

            await().atMost(Duration.ofSeconds(120)).until(() -> {
                Set<String> held = clerk.heldMessageIds();
                return ids.stream().allMatch(id -> copies(councilMailServer, id) > 0 || held.contains(id));
            });
            await().pollDelay(Duration.ofSeconds(1)).until(() -> true);

            Set<String> held = clerk.heldMessageIds();
            Map<String, List<String>> byOutcome = new TreeMap<>();
            for (String id : ids) {
                long copies = copies(councilMailServer, id);
                String outcome = held.contains(id) ? (copies > 0 ? "held and delivered" : "held") : copies == 1 ? "delivered" : "delivered " + copies + " times";
                byOutcome.computeIfAbsent(outcome, k -> new ArrayList<>()).add(id.substring(7, 13));
            }
            System.out.printf(Locale.ROOT, "hostile corpus through the gateway: %d messages; %s%n", ids.size(), byOutcome);
            assertThat(byOutcome.keySet()).as("each delivered once or held once").isSubsetOf("delivered", "held");
            assertThat(webAdmin.mailKeys("var/mail/error")).as("mail the gateway failed to process").isEmpty();
        }
    }

    private static long copies(RawSmtpSink sink, String id) {
        return sink.received().stream().filter(r -> r.raw().contains("<" + id + ">") && !r.recipients().isEmpty()
            && r.recipients().get(0).contains(RESIDENT)).count();
    }

    /** The message with its own Message-ID fields replaced by {@code id}, its bytes otherwise as they were. */
    private static byte[] withMessageId(byte[] raw, String id) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\n\n");
        String header = end < 0 ? text : text.substring(0, end + 1);
        String rest = end < 0 ? "" : text.substring(end + 1);
        header = header.replaceAll("(?im)^Message-ID:.*\\n([ \\t].*\\n)*", "");
        return ("Message-ID: <" + id + ">\n" + header + rest).getBytes(StandardCharsets.ISO_8859_1);
    }}

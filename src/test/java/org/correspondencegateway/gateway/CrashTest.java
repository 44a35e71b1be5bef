package org.correspondencegateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.correspondencegateway.testing.DeliverySink;
import org.correspondencegateway.testing.GatewayProcess;
import org.correspondencegateway.testing.ReviewQueue;
import org.correspondencegateway.testing.WebAdmin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The gateway is killed (kill -9: no shutdown, no flush) in the middle of its work, then started again
 * on the same data directory. Every message whose SMTP transaction ended in 250 must afterwards be
 * delivered to the council's mail server or be waiting in the held queue; copies that arrive twice are
 * counted and reported. The gateway runs in a JVM of its own, as in production.
 *
 * <p>Nothing may be lost. A duplicate is possible, as with every mail server that acknowledges only after
 * the work is done: a message the gateway had handed on (to the next hop, or from the spool to the
 * outgoing queue, or from the held queue to the spool) but not yet marked done when it was killed is
 * handed on again after the restart. Only messages in flight at the kill can be duplicated, so their
 * number is bounded by the gateway's concurrency: {@value #SPOOL_THREADS} spool threads and
 * {@value #DELIVERY_THREADS} delivery threads (mailets/mailetcontainer.xml).
 */
class CrashTest {
    private static final int SPOOL_THREADS = 20;
    private static final int DELIVERY_THREADS = 4;
    private static final String OFFICER = "j.hughes@prioryvale-tc.example";
    private static final String RESIDENT = "m.patel@resident.example";

    @TempDir
    Path home;

    private DeliverySink councilMailServer;

    @BeforeEach
    void startCouncilMailServer() {
        councilMailServer = new DeliverySink();
    }

    @AfterEach
    void stopCouncilMailServer() {
        councilMailServer.close();
    }

    @Test
    void mailAcceptedBeforeAKillIsDeliveredOrHeldAfterTheRestart() throws Exception {
        int total = 600;
        Set<Integer> accepted = ConcurrentHashMap.newKeySet();
        try (GatewayProcess gateway = start()) {
            AtomicInteger next = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(2);
            List<Future<?>> sending = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                sending.add(clients.submit(() -> send(gateway.smtpPort(), next, total, accepted)));
            }
            // kill it while it is busy: after 150 messages were accepted, at once
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> accepted.size() >= 150);
            gateway.kill();
            for (Future<?> client : sending) {
                client.get();
            }
            clients.shutdown();
        }
        int deliveredBeforeRestart = councilMailServer.distinctMessages();

        try (GatewayProcess restarted = start()) {
            ReviewQueue clerk = new ReviewQueue(new WebAdmin("127.0.0.1", restarted.webAdminPort()));
            Set<Integer> expectedHeld = new HashSet<>();
            Set<Integer> expectedDelivered = new HashSet<>();
            accepted.forEach(i -> (isConfidential(i) ? expectedHeld : expectedDelivered).add(i));

            await().atMost(Duration.ofSeconds(120)).until(() -> expectedDelivered.stream()
                .allMatch(i -> councilMailServer.copiesOf(sequence(i)) > 0) && held(clerk).containsAll(expectedHeld));

            Set<Integer> heldNow = held(clerk);
            List<Integer> lost = new ArrayList<>();
            List<Integer> duplicated = new ArrayList<>();
            for (int i : accepted) {
                long copies = councilMailServer.copiesOf(sequence(i));
                boolean heldOnce = heldNow.contains(i) && copies == 0;
                if (copies == 0 && !heldOnce) {
                    lost.add(i);
                }
                if (copies > 1 || (isConfidential(i) && copies > 0)) {
                    duplicated.add(i);
                }
            }
            int unacknowledgedButArrived = (int) java.util.stream.IntStream.range(0, total)
                .filter(i -> !accepted.contains(i) && (councilMailServer.copiesOf(sequence(i)) > 0 || heldNow.contains(i))).count();
            // Where each duplicate came from: checked twice = the spool handed it on again (killed after the
            // check, before the spool's acknowledgement); checked once = the outgoing queue gave it to the next hop
            // again (killed after the next hop's 250, before the queue's acknowledgement).
            Map<String, Long> checks = checksPerMessageId(home.resolve("var/correspondence-gateway/audit.jsonl"));
            long spoolWindow = duplicated.stream().filter(i -> checks.getOrDefault("<crash-" + i + "@prioryvale-tc.example>", 0L) > 1).count();
            System.out.printf(Locale.ROOT, "kill -9 mid-run: %d accepted (%d to be held), %d delivered before the kill; after the restart: "
                    + "%d lost, %d duplicated %s (%d checked twice: spool -> outgoing; %d checked once: outgoing -> next hop), "
                    + "%d arrived though the client never saw its 250%n",
                accepted.size(), expectedHeld.size(), deliveredBeforeRestart, lost.size(), duplicated.size(), duplicated, spoolWindow,
                duplicated.size() - spoolWindow, unacknowledgedButArrived);
            assertThat(lost).as("accepted, then neither delivered nor held").isEmpty();
            assertThat(duplicated).as("delivered twice, or held and delivered: only what was in flight at the kill")
                .hasSizeLessThanOrEqualTo(SPOOL_THREADS + DELIVERY_THREADS);
        }
    }

    @Test
    void heldMailSurvivesAKillAndIsReleasedOnce() throws Exception {
        Set<Integer> accepted = ConcurrentHashMap.newKeySet();
        try (GatewayProcess gateway = start()) {
            for (int i = 0; i < 50; i += 10) {
                sendOne(gateway.smtpPort(), i);
                accepted.add(i);
            }
            ReviewQueue clerk = new ReviewQueue(new WebAdmin("127.0.0.1", gateway.webAdminPort()));
            await().atMost(Duration.ofSeconds(60)).until(() -> held(clerk).containsAll(accepted));
            gateway.kill();
        }

        try (GatewayProcess restarted = start()) {
            ReviewQueue clerk = new ReviewQueue(new WebAdmin("127.0.0.1", restarted.webAdminPort()));
            assertThat(held(clerk)).containsExactlyInAnyOrderElementsOf(accepted);
            for (JsonNode entry : clerk.list("held")) {
                assertThat(clerk.release(entry.get("key").asText(), "s-akhtar").status()).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.stream().allMatch(i -> councilMailServer.copiesOf(sequence(i)) > 0));
            Thread.sleep(1000);
            for (int i : accepted) {
                assertThat(councilMailServer.copiesOf(sequence(i))).as("copies of " + i).isEqualTo(1);
            }
            assertThat(held(clerk)).isEmpty();
        }
    }

    @Test
    void aKillWhileTheClerkReleasesLosesNothing() throws Exception {
        List<Integer> confidential = new ArrayList<>();
        for (int i = 0; i < 400; i += 10) {
            confidential.add(i);
        }
        AtomicInteger released = new AtomicInteger();
        try (GatewayProcess gateway = start()) {
            for (int i : confidential) {
                sendOne(gateway.smtpPort(), i);
            }
            ReviewQueue clerk = new ReviewQueue(new WebAdmin("127.0.0.1", gateway.webAdminPort()));
            await().atMost(Duration.ofSeconds(60)).until(() -> held(clerk).containsAll(confidential));
            ExecutorService reviewer = Executors.newSingleThreadExecutor();
            Future<?> releasing = reviewer.submit(() -> {
                for (JsonNode entry : clerk.list("held")) {
                    if (clerk.release(entry.get("key").asText(), "s-akhtar").status() == 200) {
                        released.incrementAndGet();
                    }
                }
                return null;
            });
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(2)).until(() -> released.get() >= 15);
            gateway.kill();
            try {
                releasing.get();
            } catch (java.util.concurrent.ExecutionException expected) {
                // the connection to the killed gateway broke mid-release
            }
            reviewer.shutdown();
        }

        try (GatewayProcess restarted = start()) {
            ReviewQueue clerk = new ReviewQueue(new WebAdmin("127.0.0.1", restarted.webAdminPort()));
            // what was released before the kill arrives; what was not is still held, and the Clerk releases it now
            for (JsonNode entry : clerk.list("held")) {
                clerk.release(entry.get("key").asText(), "s-akhtar");
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> confidential.stream().allMatch(i -> councilMailServer.copiesOf(sequence(i)) > 0));
            Thread.sleep(1000);
            long duplicated = confidential.stream().filter(i -> councilMailServer.copiesOf(sequence(i)) > 1).count();
            System.out.printf(Locale.ROOT, "kill -9 during releases: %d of %d released before the kill; after the restart all %d delivered, "
                + "%d twice%n", released.get(), confidential.size(), confidential.size(), duplicated);
            assertThat(held(clerk)).isEmpty();
            // in flight at the kill: the one release the Clerk was making, and what the delivery threads were sending
            assertThat(duplicated).isLessThanOrEqualTo(1 + DELIVERY_THREADS);
        }
    }

    /** How many check outcomes the audit log records per Message-ID. */
    private static Map<String, Long> checksPerMessageId(Path auditLog) throws java.io.IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Map<String, Long> checks = new java.util.HashMap<>();
        for (String line : java.nio.file.Files.readAllLines(auditLog)) {
            com.fasterxml.jackson.databind.JsonNode event = json.readTree(line);
            if (org.correspondencegateway.audit.AuditEvent.CHECK_OUTCOMES.contains(event.path("event").asText())) {
                checks.merge(event.path("messageId").asText(), 1L, Long::sum);
            }
        }
        return checks;
    }

    private GatewayProcess start() throws Exception {
        return GatewayProcess.relayingTo(councilMailServer.port(), home, List.of("-Xmx512m"));
    }

    /** Sends messages until {@code total} are taken or the gateway goes away; notes each one answered 250. */
    private static Void send(int port, AtomicInteger next, int total, Set<Integer> accepted) {
        Session session = session(port);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            int i;
            while ((i = next.getAndIncrement()) < total) {
                transport.sendMessage(message(session, i), new InternetAddress[] {new InternetAddress(RESIDENT)});
                accepted.add(i);
            }
        } catch (MessagingException e) {
            // the gateway was killed: the message in flight was not acknowledged
        }
        return null;
    }

    private static void sendOne(int port, int i) throws MessagingException {
        Session session = session(port);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message(session, i), new InternetAddress[] {new InternetAddress(RESIDENT)});
        }
    }

    private static Session session(int port) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        properties.setProperty("mail.smtp.localhost", "officer-pc.prioryvale-tc.example");
        properties.setProperty("mail.smtp.connectiontimeout", "5000");
        properties.setProperty("mail.smtp.timeout", "30000");
        return Session.getInstance(properties);
    }

    /** Every tenth message is marked confidential and goes to a resident, so the gateway holds it. */
    private static boolean isConfidential(int i) {
        return i % 10 == 0;
    }

    private static MimeMessage message(Session session, int i) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<crash-" + i + "@prioryvale-tc.example>");
            }
        };
        message.setFrom(new InternetAddress("Jo Hughes <" + OFFICER + ">"));
        message.setRecipients(MimeMessage.RecipientType.TO, RESIDENT);
        message.setSubject(isConfidential(i) ? "The committee's note" : "Re: Overhanging trees on Priory Road");
        message.setText("Dear Mrs Patel,\r\n\r\n" + (isConfidential(i) ? "CONFIDENTIAL - Personnel Committee only.\r\n\r\n" : "")
            + "The tree officer will visit Priory Road next week.\r\n\r\nJo Hughes\r\nDeputy Town Clerk\r\n", "us-ascii");
        message.setHeader(DeliverySink.SEQUENCE_HEADER, sequence(i));
        message.saveChanges();
        return message;
    }

    private static String sequence(int i) {
        return "crash-" + i;
    }

    /** The sequence numbers of the held messages. */
    private static Set<Integer> held(ReviewQueue clerk) throws Exception {
        Set<Integer> held = new HashSet<>();
        for (String id : clerk.heldMessageIds()) {
            if (id.startsWith("crash-")) {
                held.add(Integer.parseInt(id.substring("crash-".length(), id.indexOf('@'))));
            }
        }
        return held;
    }
}

package org.correspondencegateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.correspondencegateway.testing.DeliverySink;
import org.correspondencegateway.testing.FaultyParser;
import org.correspondencegateway.testing.GatewayHome;
import org.correspondencegateway.testing.Gateways;
import org.correspondencegateway.testing.Letters;
import org.correspondencegateway.testing.MailBuilder;
import org.correspondencegateway.testing.Mailboxes;
import org.correspondencegateway.testing.RawSmtpSink;
import org.correspondencegateway.testing.ReviewQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Things break while the gateway works: an attachment's reader throws, runs out of memory or never
 * finishes; the Town Clerk saves a broken directory; the council's mail server goes away, refuses for a
 * while, or rejects a recipient. Each ends in a
 * clear outcome the Clerk can see, never in a lost message and never in mail delivered unchecked.
 */
class FaultsTest {
    private static final String OFFICER = "j.hughes@prioryvale-tc.example";
    private static final String RESIDENT = "m.patel@resident.example";

    @RegisterExtension
    static GreenMailExtension councilMailServer = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

    @TempDir
    Path home;
    @TempDir
    Path data;

    @ParameterizedTest(name = "the reader {0}s")
    @CsvSource(delimiter = '|', textBlock = """
        throw  | throw    | could not be read
        crash  | crash    | could not be read
        memory | memory   | needed more memory than the gateway has
        hang   | hang 20  | took longer than 2 seconds to read
        """)
    void anAttachmentWhoseReaderFailsIsHeldForTheClerk(String fault, String instruction, String explanation) throws Exception {
        GatewayHome council = GatewayHome.copyOfProject(home).withPolicySetting("attachments", "reading-seconds", "2");
        Mailboxes mailboxes = new Mailboxes(councilMailServer);
        try (EmbeddedGateway gateway = Gateways.start(council, data, nextHop(councilMailServer.getSmtp().getPort()))) {
            ReviewQueue clerk = new ReviewQueue(Gateways.webAdmin(gateway));
            String faulty = "fault-" + fault + "@prioryvale-tc.example";
            send(gateway, MailBuilder.mail().messageId(faulty).from(OFFICER).to(RESIDENT).subject("The survey you asked for")
                .text("Dear Mrs Patel,\n\nThe tree survey is attached.\n\nJo Hughes")
                .attach("survey." + "fault", FaultyParser.TYPE, FaultyParser.attachment(instruction)));

            JsonNode held = clerk.awaitEntry("held", faulty);
            assertThat(held.get("outcome").asText()).isEqualTo("unchecked=held");
            assertThat(held.at("/record/uncheckable").toString()).contains("survey.fault").contains(explanation);
            assertThat(clerk.auditOfMessage(faulty)).extracting(e -> e.get("event").asText()).containsExactly("held");

            // the gateway goes on working: the next message, with nothing wrong, is delivered
            String fine = "after-" + fault + "@prioryvale-tc.example";
            send(gateway, MailBuilder.mail().messageId(fine).from(OFFICER).to(RESIDENT).subject("Overhanging trees")
                .text("Dear Mrs Patel,\n\nThe tree officer will visit next week.\n\nJo Hughes"));
            mailboxes.awaitMail(fine, 1);
            assertThat(mailboxes.mail(faulty)).as("never delivered unchecked").isEmpty();
        }
    }

    @Test
    void aBrokenDirectoryEditKeepsTheLastGoodDirectoryAndTheClerkIsTold() throws Exception {
        GatewayHome council = GatewayHome.copyOfProject(home);
        String good = Files.readString(council.directoryFile());
        try (EmbeddedGateway gateway = Gateways.start(council, data, nextHop(councilMailServer.getSmtp().getPort()))) {
            ReviewQueue clerk = new ReviewQueue(Gateways.webAdmin(gateway));
            assertThat(clerk.status().get("directoryProblem").isNull()).isTrue();

            // the Clerk's edit loses a closing bracket
            assertThat(good).contains("titles: [Town Clerk, Chief Executive]");
            Files.writeString(council.directoryFile(), good.replace("titles: [Town Clerk, Chief Executive]", "titles: [Town Clerk, Chief Executive"));
            JsonNode status = await().atMost(Duration.ofSeconds(20)).until(clerk::status, s -> !s.get("directoryProblem").isNull());
            assertThat(status.get("directoryProblem").asText()).contains("directory.yaml").containsPattern("line \\d+");

            // the officer is still known from the last good directory: confidential mail to a resident is held
            Letters.Letter letter = Letters.letter("letters/confidential-to-resident.eml");
            Gateways.smtp(gateway).send(OFFICER, List.of(RESIDENT), letter.raw());
            assertThat(clerk.awaitEntry("held", letter.messageId()).get("outcome").asText()).isEqualTo("confidential-to-third-party=held");

            Files.writeString(council.directoryFile(), good + "\n");
            await().atMost(Duration.ofSeconds(20)).until(clerk::status, s -> s.get("directoryProblem").isNull());
        }
    }

    @Test
    void mailWaitsAndIsRetriedWhileTheCouncilsMailServerIsDown() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        GatewayHome council = GatewayHome.copyOfProject(home)
            .withMailets(FaultsTest::retryEveryTwoSeconds);
        try (EmbeddedGateway gateway = Gateways.start(council, data, nextHop(port))) {
            ReviewQueue clerk = new ReviewQueue(Gateways.webAdmin(gateway));
            String waiting = "waiting@prioryvale-tc.example";
            send(gateway, MailBuilder.mail().messageId(waiting).from(OFFICER).to(RESIDENT).subject("Overhanging trees")
                .text("Dear Mrs Patel,\n\nThe tree officer will visit next week.\n\nJo Hughes"));

            // nothing listens on the next hop's port: the message waits in the outgoing queue, and the Clerk sees it
            await().atMost(Duration.ofSeconds(30)).until(() -> clerk.status().get("waitingToBeSent").asLong() == 1);
            Thread.sleep(5000);
            assertThat(clerk.status().get("waitingToBeSent").asLong()).as("still waiting after retries").isEqualTo(1);

            // the council's mail server comes back: the next retry delivers it, once
            try (DeliverySink cameBack = new DeliverySink(port)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> cameBack.copies() == 1);
                await().atMost(Duration.ofSeconds(10)).until(() -> clerk.status().get("waitingToBeSent").asLong() == 0);
                assertThat(cameBack.copies()).isEqualTo(1);
            }
        }
    }

    @Test
    void aCouncilMailServerThatRefusesForAWhileGetsTheMailOnARetry() throws Exception {
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        GatewayHome council = GatewayHome.copyOfProject(home).withMailets(FaultsTest::retryEveryTwoSeconds);
        try (RawSmtpSink councilMailServer = new RawSmtpSink(recipient -> attempts.incrementAndGet() <= 2
                 ? Optional.of("451 4.3.0 Mailbox temporarily unavailable, try again later") : Optional.empty());
             EmbeddedGateway gateway = Gateways.start(council, data, nextHop(councilMailServer.port()))) {
            ReviewQueue clerk = new ReviewQueue(Gateways.webAdmin(gateway));
            send(gateway, MailBuilder.mail().messageId("refused-for-a-while@prioryvale-tc.example").from(OFFICER).to(RESIDENT)
                .subject("Overhanging trees").text("Dear Mrs Patel,\n\nThe tree officer will visit next week.\n\nJo Hughes"));

            await().atMost(Duration.ofSeconds(30)).until(() -> councilMailServer.received().size() == 1);
            assertThat(attempts.get()).as("two refusals, then accepted").isEqualTo(3);
            await().atMost(Duration.ofSeconds(10)).until(() -> clerk.status().get("waitingToBeSent").asLong() == 0);
            Thread.sleep(3000);
            assertThat(councilMailServer.received()).hasSize(1);
        }
    }

    @Test
    void aRecipientTheCouncilMailServerRejectsIsBouncedToTheSender() throws Exception {
        try (RawSmtpSink councilMailServer = new RawSmtpSink(recipient -> recipient.contains("nobody@")
                 ? Optional.of("550 5.1.1 <nobody@resident.example>: no such user") : Optional.empty());
             EmbeddedGateway gateway = Gateways.start(GatewayHome.copyOfProject(home), data, nextHop(councilMailServer.port()))) {
            Gateways.smtp(gateway).send(OFFICER, List.of("nobody@resident.example"), new String(MailBuilder.mail()
                .messageId("to-nobody@prioryvale-tc.example").from(OFFICER).to("nobody@resident.example").subject("Overhanging trees")
                .text("Dear resident,\n\nThe tree officer will visit next week.\n\nJo Hughes").bytes(), StandardCharsets.UTF_8));

            // the sender is told, through the same mail server, with the server's reason
            RawSmtpSink.Received bounce = await().atMost(Duration.ofSeconds(30)).until(
                () -> councilMailServer.received().stream().filter(r -> r.recipients().toString().contains(OFFICER)).findFirst(),
                Optional::isPresent).orElseThrow();
            assertThat(bounce.raw()).contains("to-nobody@prioryvale-tc.example").contains("550 5.1.1");
            assertThat(councilMailServer.received()).hasSize(1);
        }
    }

    private static String retryEveryTwoSeconds(String chain) {
        return chain.replace("<delayTime>2*1 minute, 4*15 minutes, 22*2 hours</delayTime>", "<delayTime>27*2 seconds</delayTime>");
    }

    private static Optional<GatewaySettings.NextHop> nextHop(int port) {
        return Optional.of(GatewaySettings.NextHop.plain("127.0.0.1", port));
    }

    private static void send(EmbeddedGateway gateway, MailBuilder mail) throws Exception {
        Gateways.smtp(gateway).send(OFFICER, List.of(RESIDENT), new String(mail.bytes(), StandardCharsets.UTF_8));
    }
}

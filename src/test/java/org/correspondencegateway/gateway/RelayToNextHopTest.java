package org.correspondencegateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.correspondencegateway.testing.Gateways;
import org.correspondencegateway.testing.RawMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * An officer's mail client hands a message to the gateway over SMTP; the gateway relays it through
 * James's RemoteDelivery to the council's mail server (GreenMail here), untouched but for trace headers.
 */
class RelayToNextHopTest {
    private static final String OFFICER = "j.hughes@dunstable-tc.example";
    private static final String RESIDENT = "m.patel@resident.example";
    private static final String COUNCILLOR = "cllr.okonkwo@dunstable-tc.example";
    private static final String BLIND_COPY = "cllr.reid@councillor-mail.example";

    private static final String MESSAGE = String.join("\r\n",
        "Message-ID: <20261123101500.4411@dunstable-tc.example>",
        "Date: Mon, 23 Nov 2026 10:15:00 +0000",
        "From: Jo Hughes <" + OFFICER + ">",
        "To: Mrs M Patel <" + RESIDENT + ">",
        "Cc: Councillor Okonkwo <" + COUNCILLOR + ">",
        "Subject: Re: Overhanging trees on Priory Road",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=\"us-ascii\"",
        "Content-Transfer-Encoding: 7bit",
        "",
        "Dear Mrs Patel,",
        "",
        "Thank you for your email. The tree officer will visit Priory Road next week.",
        "",
        "Kind regards,",
        "Jo Hughes",
        "Deputy Town Clerk",
        "");

    @RegisterExtension
    static GreenMailExtension councilMailServer = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

    @TempDir
    Path data;

    private EmbeddedGateway gateway;

    @BeforeEach
    void startGateway() throws Exception {
        int nextHopPort = councilMailServer.getSmtp().getPort();
        gateway = Gateways.start(data, Optional.of(GatewaySettings.NextHop.plain("127.0.0.1", nextHopPort)));
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void relaysOneCopyPerEnvelopeRecipientUnchangedButForTraceHeaders() throws Exception {
        Gateways.smtp(gateway).send(OFFICER, List.of(RESIDENT, COUNCILLOR, BLIND_COPY), MESSAGE);

        awaitMessages(3);
        assertThat(councilMailServer.getReceivedMessages()).hasSize(3);
        for (String recipient : List.of(RESIDENT, COUNCILLOR, BLIND_COPY)) {
            assertThat(mailboxOf(recipient)).as(recipient + "'s mailbox").hasSize(1);
        }

        RawMessage sent = RawMessage.parse(MESSAGE);
        for (var received : councilMailServer.getReceivedMessages()) {
            RawMessage arrived = RawMessage.parse(GreenMailUtil.getWholeMessage(received));
            assertUnchangedButForTrace(arrived, sent);
            assertThat(arrived.has("Received")).as("the gateway adds its trace").isTrue();
            assertThat(arrived.has("Bcc")).isFalse();
        }
    }

    /**
     * The gateway adds its trace and its outcome field, X-Protocol-Check; MIME-Version may move (see
     * {@link RawMessage#fieldsAsSent()}). GreenMail keeps the message without its last line break,
     * which SMTP sends as part of the end-of-data sequence.
     */
    private static void assertUnchangedButForTrace(RawMessage arrived, RawMessage sent) {
        assertThat(arrived.value("X-Protocol-Check")).as("the gateway's outcome").contains("passed");
        assertThat(arrived.fieldsAsSent()).containsExactlyElementsOf(sent.fieldsAsSent());
        assertThat(arrived.headers()).contains(new RawMessage.Field("MIME-Version", "1.0"));
        assertThat(arrived.body()).isEqualTo(sent.body().substring(0, sent.body().length() - 1));
    }

    @Test
    void removesAStrayBccHeaderThatWouldRevealTheBlindCopy() throws Exception {
        String withBccHeader = MESSAGE.replace("Subject:", "Bcc: " + BLIND_COPY + "\r\nSubject:");

        Gateways.smtp(gateway).send(OFFICER, List.of(RESIDENT, BLIND_COPY), withBccHeader);

        awaitMessages(2);
        assertThat(mailboxOf(RESIDENT)).hasSize(1);
        assertThat(mailboxOf(BLIND_COPY)).hasSize(1);
        for (var received : councilMailServer.getReceivedMessages()) {
            RawMessage arrived = RawMessage.parse(GreenMailUtil.getWholeMessage(received));
            assertThat(arrived.has("Bcc")).isFalse();
            assertUnchangedButForTrace(arrived, RawMessage.parse(MESSAGE));
        }
    }

    private static List<?> mailboxOf(String address) {
        return councilMailServer.findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(address), message -> true).toList();
    }

    /** GreenMail's own waitForIncomingEmail misses mail that arrived before it was called; poll instead. */
    private static void awaitMessages(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> councilMailServer.getReceivedMessages().length >= count);
        // a moment more, so that a duplicate, were there one, would be counted
        await().pollDelay(Duration.ofMillis(500)).until(() -> true);
    }
}

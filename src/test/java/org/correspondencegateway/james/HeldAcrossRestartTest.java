package org.correspondencegateway.james;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.correspondencegateway.gateway.EmbeddedGateway;
import org.correspondencegateway.gateway.GatewaySettings;
import org.correspondencegateway.testing.Gateways;
import org.correspondencegateway.testing.Letters;
import org.correspondencegateway.testing.Letters.Letter;
import org.correspondencegateway.testing.Mailboxes;
import org.correspondencegateway.testing.Mailboxes.Copy;
import org.correspondencegateway.testing.ReviewQueue;
import org.correspondencegateway.testing.WebAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The gateway is restarted (an update, a reboot) while a message waits for the Town Clerk: the
 * message and its audit trail are still there afterwards, and the Clerk's release delivers it once.
 */
class HeldAcrossRestartTest {
    @RegisterExtension
    static GreenMailExtension councilMailServer = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

    @TempDir
    Path data;

    @Test
    void aMessageHeldBeforeARestartIsReleasedOnceAfterIt() throws Exception {
        Optional<GatewaySettings.NextHop> council = Optional.of(GatewaySettings.NextHop.plain("127.0.0.1", councilMailServer.getSmtp().getPort()));
        Mailboxes mailboxes = new Mailboxes(councilMailServer);
        Letter letter = Letters.letter("letters/confidential-to-resident.eml");
        String key;
        try (EmbeddedGateway gateway = Gateways.start(data, council)) {
            Gateways.smtp(gateway).send("j.hughes@prioryvale-tc.example", List.of("m.patel@resident.example"), letter.raw());
            key = new ReviewQueue(Gateways.webAdmin(gateway)).awaitHeld(letter.messageId());
            mailboxes.awaitNotices(letter.messageId(), 2);
        }

        try (EmbeddedGateway restarted = Gateways.start(data, council)) {
            ReviewQueue clerk = new ReviewQueue(Gateways.webAdmin(restarted));
            assertThat(clerk.awaitHeld(letter.messageId())).isEqualTo(key);

            WebAdmin.Answer released = clerk.decide("held", key, "release",
                Map.of("reviewer", "s-akhtar", "note", "Checked with the committee chair: fine to send."));

            assertThat(released.status()).isEqualTo(200);
            List<Copy> delivered = mailboxes.awaitMail(letter.messageId(), 1);
            assertThat(delivered).hasSize(1);
            assertThat(delivered.get(0).outcome()).contains("confidential-to-third-party=released");
            assertThat(clerk.auditOfMail(key)).extracting(e -> e.get("event").asText() + " " + e.path("actor").asText("-")
                + " " + e.path("reason").asText("-"))
                .containsExactly("held - -", "released s-akhtar Checked with the committee chair: fine to send.");
        }
    }
}

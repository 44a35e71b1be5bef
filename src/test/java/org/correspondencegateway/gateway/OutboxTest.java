package org.correspondencegateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.correspondencegateway.testing.Gateways;
import org.correspondencegateway.testing.RawMessage;
import org.correspondencegateway.testing.WebAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With no next hop configured (the embedded default) a newcomer sees what would have gone out: it waits
 * in the outbox repository, on disk, through restarts, and webadmin shows it.
 */
class OutboxTest {
    private static final String OUTBOX = "var/mail/outbox";

    private static final String MESSAGE = String.join("\r\n",
        "Message-ID: <outbox-1@dunstable-tc.example>",
        "Date: Mon, 23 Nov 2026 11:00:00 +0000",
        "From: Town Clerk <clerk@dunstable-tc.example>",
        "To: Internal Auditor <audit@auditors.example>",
        "Subject: Year-end return",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=\"us-ascii\"",
        "",
        "Please find the year-end figures to follow.",
        "");

    @TempDir
    Path data;

    @Test
    void mailWithoutANextHopIsKeptInTheOutboxAndSurvivesARestart() throws Exception {
        String key;
        try (EmbeddedGateway gateway = Gateways.start(data, Optional.empty())) {
            Gateways.smtp(gateway).send("clerk@dunstable-tc.example", List.of("audit@auditors.example"), MESSAGE);

            WebAdmin webAdmin = Gateways.webAdmin(gateway);
            await().atMost(Duration.ofSeconds(30)).until(() -> webAdmin.mailKeys(OUTBOX).size() == 1);
            key = webAdmin.mailKeys(OUTBOX).get(0);
        }

        try (EmbeddedGateway restarted = Gateways.start(data, Optional.empty())) {
            WebAdmin webAdmin = Gateways.webAdmin(restarted);
            assertThat(webAdmin.repositories()).contains(OUTBOX);
            assertThat(webAdmin.mailKeys(OUTBOX)).containsExactly(key);
            RawMessage kept = RawMessage.parse(webAdmin.rawMail(OUTBOX, key));
            assertThat(kept.fieldsAsSent()).isEqualTo(RawMessage.parse(MESSAGE).fieldsAsSent());
            assertThat(kept.value("MIME-Version")).contains("1.0");
            assertThat(kept.value("X-Protocol-Check")).contains("passed");
            assertThat(kept.body()).isEqualTo(RawMessage.parse(MESSAGE).body());
        }
    }
}

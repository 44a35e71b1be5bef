package org.correspondencegateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javax.mail.MessagingException;

import org.correspondencegateway.testing.Gateways;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/** Only the networks listed in {@code smtp.relay-networks} may send mail through the gateway. */
class RelayNetworksTest {
    @RegisterExtension
    static GreenMailExtension councilMailServer = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

    @Test
    void aClientOutsideTheRelayNetworksIsRefusedAtRcpt(@TempDir Path data) throws Exception {
        GatewaySettings settings = Gateways.settings(data,
            Optional.of(GatewaySettings.NextHop.plain("127.0.0.1", councilMailServer.getSmtp().getPort())));
        GatewaySettings onlyTheOfficeNetwork = settings.withSmtp(new GatewaySettings.Smtp(
            settings.smtp().bind(), 0, List.of("192.0.2.0/24"), settings.smtp().maxMessageSizeMb()));

        try (EmbeddedGateway gateway = EmbeddedGateway.start(onlyTheOfficeNetwork)) {
            assertThatThrownBy(() -> Gateways.smtp(gateway).send("someone@outside.example", List.of("m.patel@resident.example"),
                "Subject: relay?\r\n\r\nbody\r\n"))
                .isInstanceOf(MessagingException.class)
                .hasStackTraceContaining("550 5.7.1 Requested action not taken: relaying denied");
        }
        assertThat(councilMailServer.getReceivedMessages()).isEmpty();
    }
}

package org.correspondencegateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.correspondencegateway.config.ConfigurationProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain in mailets/ is James's own format; the embedded gateway only points its delivery somewhere. */
class MailetChainTest {
    private static final Path SHIPPED = Path.of("mailets/mailetcontainer.xml");

    @Test
    void theShippedChainChecksThenActsThenDelivers() throws Exception {
        MailetChain chain = MailetChain.read(SHIPPED);

        assertThat(chain.processors()).containsSubsequence("root", "protocol-check", "protocol-actions", "transport", "relay");
        assertThat(chain.processors()).contains("protocol-released", "protocol-second-release", "error", "bounces");
    }

    @Test
    void withANextHopRemoteDeliveryIsPointedAtIt() throws Exception {
        String xml = MailetChain.read(SHIPPED).forEmbeddedGateway(Optional.of(new GatewaySettings.NextHop(
            "smtp.dunstable-tc.example", 587, true, Optional.of(new GatewaySettings.Credentials("gw", "pw")))));

        assertThat(xml).contains("class=\"RemoteDelivery\"")
            .contains("<gateway>smtp.dunstable-tc.example</gateway>")
            .contains("<gatewayPort>587</gatewayPort>")
            .contains("<startTLS>true</startTLS>")
            .contains("<gatewayUsername>gw</gatewayUsername>")
            .doesNotContain("<repositoryPath>" + MailRepositories.OUTBOX);
    }

    @Test
    void withoutANextHopMailGoesToTheOutboxInstead() throws Exception {
        String xml = MailetChain.read(SHIPPED).forEmbeddedGateway(Optional.empty());

        assertThat(xml).doesNotContain("class=\"RemoteDelivery\"")
            .contains("<repositoryPath>" + MailRepositories.OUTBOX + "</repositoryPath>");
    }

    @Test
    void malformedXmlIsReportedWithItsLine(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("mailetcontainer.xml");
        Files.writeString(broken, "<mailetcontainer>\n  <processors>\n    <processor state=\"root\">\n  </processors>\n</mailetcontainer>\n");

        assertThatThrownBy(() -> MailetChain.read(broken))
            .isInstanceOf(ConfigurationProblem.class)
            .hasMessageContaining("mailetcontainer.xml line 4: not well-formed XML");
    }

    @Test
    void aChainWithoutARelayProcessorIsRefused(@TempDir Path dir) throws Exception {
        Path noRelay = dir.resolve("mailetcontainer.xml");
        Files.writeString(noRelay, "<mailetcontainer><processors><processor state=\"root\"/></processors></mailetcontainer>");

        assertThatThrownBy(() -> MailetChain.read(noRelay))
            .hasMessageContaining("there is no <processor state=\"relay\">");
    }

    @Test
    void externalEntitiesAreNotRead(@TempDir Path dir) throws Exception {
        Path hostile = dir.resolve("mailetcontainer.xml");
        Files.writeString(hostile, "<!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><mailetcontainer>&x;</mailetcontainer>");

        assertThatThrownBy(() -> MailetChain.read(hostile)).isInstanceOf(ConfigurationProblem.class)
            .hasMessageContaining("DOCTYPE");
    }
}

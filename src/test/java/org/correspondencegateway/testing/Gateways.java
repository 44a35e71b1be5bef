package org.correspondencegateway.testing;

import java.nio.file.Path;
import java.util.Optional;

import org.correspondencegateway.gateway.EmbeddedGateway;
import org.correspondencegateway.gateway.GatewaySettings;
import org.correspondencegateway.gateway.GatewaySettingsFile;

/**
 * Embedded gateways for tests: the project's own {@code conf/gateway.yaml} and
 * {@code mailets/mailetcontainer.xml}, with a data directory of the test's and free ports.
 */
public final class Gateways {
    private Gateways() {
    }

    /** The project's settings (Maven runs tests from the project directory), on free ports. */
    public static GatewaySettings settings(Path dataDirectory, Optional<GatewaySettings.NextHop> nextHop) throws Exception {
        return settings(Path.of(""), dataDirectory, nextHop);
    }

    /** The settings of the gateway at {@code home}, on free ports. */
    public static GatewaySettings settings(Path home, Path dataDirectory, Optional<GatewaySettings.NextHop> nextHop) throws Exception {
        GatewaySettings settings = GatewaySettingsFile.load(home);
        return settings.withDataDirectory(dataDirectory)
            .withNextHop(nextHop)
            .withSmtp(settings.smtp().withPort(0))
            .withWebAdmin(settings.webAdmin().withPort(0));
    }

    public static EmbeddedGateway start(Path dataDirectory, Optional<GatewaySettings.NextHop> nextHop) throws Exception {
        return EmbeddedGateway.start(settings(dataDirectory, nextHop));
    }

    /** A gateway with the conf/ and mailets/ of {@code home}. */
    public static EmbeddedGateway start(GatewayHome home, Path dataDirectory, Optional<GatewaySettings.NextHop> nextHop) throws Exception {
        return EmbeddedGateway.start(settings(home.path(), dataDirectory, nextHop));
    }

    public static SmtpClient smtp(EmbeddedGateway gateway) {
        return SmtpClient.to(gateway.settings().smtp().bind(), gateway.smtpPort());
    }

    public static WebAdmin webAdmin(EmbeddedGateway gateway) {
        return new WebAdmin(gateway.settings().webAdmin().bind(), gateway.webAdminPort());
    }
}

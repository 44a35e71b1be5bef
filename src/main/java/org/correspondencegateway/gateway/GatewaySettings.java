package org.correspondencegateway.gateway;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The embedded gateway's settings, as read from {@code conf/gateway.yaml} by {@link GatewaySettingsFile}.
 *
 * @param home the gateway's home: the directory holding {@code conf/} and {@code mailets/}
 * @param dataDirectory where mail repositories, logs and James's generated configuration live
 * @param hostname the name given in SMTP greetings and in the postmaster's address
 * @param smtp where the gateway accepts mail
 * @param webAdmin where James's webadmin API listens
 * @param nextHop where checked mail is delivered; absent means "write it to the outbox repository"
 * @param consoleUrl where the Clerk's console is, for the links in the Clerk's notifications
 */
public record GatewaySettings(Path home, Path dataDirectory, String hostname, Smtp smtp, WebAdmin webAdmin,
                              Optional<NextHop> nextHop, String consoleUrl) {

    /** The chain James runs: {@code mailets/mailetcontainer.xml} under the home. */
    public Path chainFile() {
        return home.resolve("mailets").resolve("mailetcontainer.xml");
    }

    public GatewaySettings withDataDirectory(Path directory) {
        return new GatewaySettings(home, directory, hostname, smtp, webAdmin, nextHop, consoleUrl);
    }

    public GatewaySettings withNextHop(Optional<NextHop> hop) {
        return new GatewaySettings(home, dataDirectory, hostname, smtp, webAdmin, hop, consoleUrl);
    }

    public GatewaySettings withSmtp(Smtp newSmtp) {
        return new GatewaySettings(home, dataDirectory, hostname, newSmtp, webAdmin, nextHop, consoleUrl);
    }

    public GatewaySettings withWebAdmin(WebAdmin newWebAdmin) {
        return new GatewaySettings(home, dataDirectory, hostname, smtp, newWebAdmin, nextHop, consoleUrl);
    }

    public GatewaySettings withConsoleUrl(String url) {
        return new GatewaySettings(home, dataDirectory, hostname, smtp, webAdmin, nextHop, url);
    }

    /**
     * @param bind the IP address to listen on
     * @param port the TCP port; 0 picks a free one (for tests)
     * @param relayNetworks the networks (CIDR) that may relay without authenticating
     * @param maxMessageSizeMb the largest message accepted, in megabytes; 0 means no limit
     */
    public record Smtp(String bind, int port, List<String> relayNetworks, int maxMessageSizeMb) {
        public Smtp {
            relayNetworks = List.copyOf(relayNetworks);
        }

        public Smtp withPort(int newPort) {
            return new Smtp(bind, newPort, relayNetworks, maxMessageSizeMb);
        }
    }

    /**
     * @param bind the IP address to listen on
     * @param port the TCP port; 0 picks a free one (for tests)
     * @param jwtPublicKey a PEM public key file: when present, webadmin answers only requests carrying a
     *                     JSON Web Token signed by its private key with the claim {@code admin: true}
     *                     (James's own {@code jwt.enabled}); the console then needs the token
     */
    public record WebAdmin(String bind, int port, Optional<Path> jwtPublicKey) {
        public WebAdmin(String bind, int port) {
            this(bind, port, Optional.empty());
        }

        public WebAdmin withPort(int newPort) {
            return new WebAdmin(bind, newPort, jwtPublicKey);
        }
    }

    /**
     * The council's own mail server or smart host.
     *
     * @param host its host name or IP address
     * @param port its SMTP port
     * @param startTls whether to require STARTTLS before sending
     * @param credentials the SMTP AUTH login, when it asks for one
     */
    public record NextHop(String host, int port, boolean startTls, Optional<Credentials> credentials) {
        /** A plain SMTP next hop without TLS or login (a test peer, or a relay on the same network). */
        public static NextHop plain(String host, int port) {
            return new NextHop(host, port, false, Optional.empty());
        }

        @Override
        public String toString() {
            return host + ":" + port + (startTls ? " (STARTTLS)" : "")
                + credentials.map(c -> " as " + c.username()).orElse("");
        }
    }

    /** An SMTP AUTH login. The password never appears in {@link #toString()}. */
    public record Credentials(String username, String password) {
        public Credentials {
            Objects.requireNonNull(username);
            Objects.requireNonNull(password);
        }

        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=(hidden)]";
        }
    }
}

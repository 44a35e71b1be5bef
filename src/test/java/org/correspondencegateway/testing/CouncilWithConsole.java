package org.correspondencegateway.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.correspondencegateway.console.ClerksConsole;
import org.correspondencegateway.console.ConsoleSettings;
import org.correspondencegateway.console.ConsoleSettingsFile;
import org.correspondencegateway.console.PasswordFile;
import org.correspondencegateway.directory.LiveDirectory;
import org.correspondencegateway.gateway.EmbeddedGateway;
import org.correspondencegateway.gateway.GatewaySettings;

/**
 * A council's gateway with the Clerk's console beside it, as {@code run} starts them: the console on a
 * free port reaching the gateway through its webadmin address. The Town Clerk (s-akhtar) and the Deputy
 * (j-hughes), reviewers, and the Mayor (b-okonkwo, a viewer in the shipped directory) have passwords;
 * three failed sign-ins lock a name.
 */
public final class CouncilWithConsole implements AutoCloseable {
    public static final String CLERK = "s-akhtar";
    public static final String CLERK_PASSWORD = "allotments and minutes";
    public static final String DEPUTY = "j-hughes";
    public static final String DEPUTY_PASSWORD = "deputy clerk's own words";
    public static final String MAYOR = "b-okonkwo";
    public static final String MAYOR_PASSWORD = "chain of office 1974";

    private final EmbeddedGateway gateway;
    private final ClerksConsole console;

    private CouncilWithConsole(EmbeddedGateway gateway, ClerksConsole console) {
        this.gateway = gateway;
        this.console = console;
    }

    /** Starts both on a copy of the project's conf/ in {@code home}, delivering to the council's mail server at {@code nextHopPort}. */
    public static CouncilWithConsole start(Path home, Path data, int nextHopPort) throws Exception {
        GatewayHome council = GatewayHome.copyOfProject(home);
        // a port chosen now, so that the links in the Clerk's notifications name it, as with the shipped 8080
        Files.writeString(council.path().resolve("conf/console.yaml"), "port: " + freePort() + "\nlock-out:\n  failures: 3\n  minutes: 15\n");
        GatewaySettings gatewaySettings = Gateways.settings(council.path(), data, Optional.of(GatewaySettings.NextHop.plain("127.0.0.1", nextHopPort)));
        ConsoleSettings consoleSettings = ConsoleSettingsFile.load(gatewaySettings);
        EmbeddedGateway gateway = EmbeddedGateway.start(gatewaySettings.withConsoleUrl(consoleSettings.address().toString()));
        ConsoleSettings settings = consoleSettings.withWebAdmin(URI.create("http://127.0.0.1:" + gateway.webAdminPort()));
        PasswordFile passwords = new PasswordFile(settings.passwordFile());
        passwords.set(CLERK, CLERK_PASSWORD.toCharArray());
        passwords.set(DEPUTY, DEPUTY_PASSWORD.toCharArray());
        passwords.set(MAYOR, MAYOR_PASSWORD.toCharArray());
        return new CouncilWithConsole(gateway, ClerksConsole.start(settings, LiveDirectory.load(settings.directoryFile())));
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public String consoleUrl() {
        return console.url();
    }

    public ReviewQueue reviewQueue() {
        return new ReviewQueue(Gateways.webAdmin(gateway));
    }

    /** Sends {@code letter} through the gateway and returns the held mail's key once it is held. */
    public String sendHeld(Letters.Letter letter, String from, List<String> to) throws Exception {
        Gateways.smtp(gateway).send(from, to, letter.raw());
        return reviewQueue().awaitHeld(letter.messageId());
    }

    @Override
    public void close() {
        console.close();
        gateway.close();
    }
}

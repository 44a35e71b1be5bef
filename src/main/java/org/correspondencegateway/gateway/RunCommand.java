package org.correspondencegateway.gateway;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import java.util.Optional;

import org.correspondencegateway.config.ConfigurationProblem;
import org.correspondencegateway.console.ClerksConsole;
import org.correspondencegateway.console.ConsoleSettings;
import org.correspondencegateway.console.ConsoleSettingsFile;
import org.correspondencegateway.directory.LiveDirectory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run}: starts the embedded gateway and keeps it running until the JVM is asked to stop (Ctrl-C,
 * or a TERM signal from a service manager), then stops James cleanly.
 *
 * <p>Exit codes: 0 after a clean stop, 2 for a configuration problem, 1 when James cannot start.
 */
@Command(name = "run", description = "Start the gateway on its embedded James server, with the Clerk's console; Ctrl-C stops both.")
public final class RunCommand implements Callable<Integer> {
    static final int CONFIGURATION_PROBLEM = 2;
    static final int START_FAILURE = 1;

    @Option(names = "--home", description = "the directory holding conf/ and mailets/ (default: the current directory)")
    private Path home = Path.of(".");

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        GatewaySettings settings;
        ConsoleSettings consoleSettings;
        try {
            settings = GatewaySettingsFile.load(home);
            consoleSettings = ConsoleSettingsFile.load(settings);
            settings = settings.withConsoleUrl(consoleSettings.address().toString());
        } catch (ConfigurationProblem problem) {
            return cannotStart(CONFIGURATION_PROBLEM, problem.getMessage());
        }
        // logback.xml writes the full log here; set before the first logger is created.
        System.setProperty("gateway.log.directory", settings.dataDirectory().resolve("log").toString());

        EmbeddedGateway gateway;
        try {
            gateway = EmbeddedGateway.start(settings);
        } catch (ConfigurationProblem problem) {
            return cannotStart(CONFIGURATION_PROBLEM, problem.getMessage());
        } catch (GatewayStartFailure failure) {
            return cannotStart(START_FAILURE, failure.getMessage());
        }

        ClerksConsole console;
        try {
            // the console reaches held mail through webadmin, like a console beside a remote James
            console = ClerksConsole.start(consoleSettings.withWebAdmin(
                java.net.URI.create("http://" + settings.webAdmin().bind() + ":" + gateway.webAdminPort())),
                LiveDirectory.load(consoleSettings.directoryFile()));
        } catch (ConfigurationProblem problem) {
            gateway.close();
            return cannotStart(CONFIGURATION_PROBLEM, problem.getMessage());
        } catch (RuntimeException e) {
            gateway.close();
            return cannotStart(START_FAILURE, "the Clerk's console cannot listen on " + consoleSettings.listensOn() + ": "
                + Optional.ofNullable(e.getCause()).orElse(e).getMessage());
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.close();
            gateway.close();
            spec.commandLine().getOut().println("Correspondence Gateway stopped.");
            spec.commandLine().getOut().flush();
            stopped.countDown();
        }, "gateway-shutdown"));
        spec.commandLine().getOut().println(banner(gateway, console.url()));
        spec.commandLine().getOut().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int cannotStart(int exitCode, String reason) {
        spec.commandLine().getErr().println("Correspondence Gateway cannot start: " + reason);
        spec.commandLine().getErr().flush();
        return exitCode;
    }

    static String banner(EmbeddedGateway gateway, String consoleUrl) {
        GatewaySettings settings = gateway.settings();
        String delivery = settings.nextHop()
            .map(hop -> "delivering to " + hop)
            .orElse("no next hop: outgoing mail is kept in the outbox repository");
        return "Correspondence Gateway is running: SMTP " + settings.smtp().bind() + ":" + gateway.smtpPort()
            + ", webadmin http://" + settings.webAdmin().bind() + ":" + gateway.webAdminPort()
            + ", Clerk's console " + consoleUrl
            + ", data in " + gateway.dataDirectory() + " (" + delivery + "). Ctrl-C stops it.";
    }
}

package org.correspondencegateway.console;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.correspondencegateway.config.ConfigurationProblem;
import org.correspondencegateway.directory.LiveDirectory;
import org.correspondencegateway.gateway.GatewaySettingsFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code console}: the Clerk's console on its own, for a James server that runs elsewhere (the webadmin
 * address in {@code conf/console.yaml}). {@code run} starts the console beside the embedded gateway anyway.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
    description = "Start only the Clerk's console, for a gateway whose webadmin address is in conf/console.yaml.")
public final class ConsoleCommand implements Callable<Integer> {
    @Option(names = "--home", description = "the directory holding conf/ (default: the current directory)")
    private Path home = Path.of(".");

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ConsoleSettings settings;
        LiveDirectory directory;
        try {
            settings = ConsoleSettingsFile.load(GatewaySettingsFile.load(home));
            directory = LiveDirectory.load(settings.directoryFile());
        } catch (ConfigurationProblem problem) {
            spec.commandLine().getErr().println("The Clerk's console cannot start: " + problem.getMessage());
            return 2;
        }
        ClerksConsole console = ClerksConsole.start(settings, directory);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.close();
            stopped.countDown();
        }, "console-shutdown"));
        spec.commandLine().getOut().println("The Clerk's console is running: " + console.url() + ", reviewing the gateway at "
            + settings.webAdmin() + ". Ctrl-C stops it.");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}

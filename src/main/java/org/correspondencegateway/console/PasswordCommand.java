package org.correspondencegateway.console;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.correspondencegateway.config.ConfigurationProblem;
import org.correspondencegateway.directory.DirectoryFile;
import org.correspondencegateway.gateway.GatewaySettingsFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code password ID}: sets the console password of a reviewer or viewer the directory names. Asks for it
 * twice at the terminal (nothing is echoed); with {@code --stdin} reads one line from standard input, for
 * scripts; with {@code --generate} makes one up and prints it once. The password is stored hashed (Argon2id) in the console's password file, never in git.
 *
 * <p>Exit codes: 0 set, 2 refused (unknown id, too short, not the same twice, configuration problem).
 */
@Command(name = "password", mixinStandardHelpOptions = true,
    description = "Set the Clerk's console password of someone the directory names as a reviewer or viewer.")
public final class PasswordCommand implements Callable<Integer> {
    private static final int REFUSED = 2;

    @Parameters(paramLabel = "ID", description = "their directory id, e.g. s-akhtar")
    private String id;

    @Option(names = "--home", description = "the directory holding conf/ (default: the current directory)")
    private Path home = Path.of(".");

    @Option(names = "--stdin", description = "read the password from standard input (one line) instead of asking")
    private boolean stdin;

    @Option(names = "--generate", description = "make up a strong password and print it once, to hand to them")
    private boolean generate;

    @Spec
    private CommandSpec spec;

    private String shown = "";

    @Override
    public Integer call() throws IOException {
        ConsoleSettings settings;
        Optional<ConsoleUser> user;
        try {
            settings = ConsoleSettingsFile.load(GatewaySettingsFile.load(home));
            user = ConsoleUser.of(DirectoryFile.load(settings.directoryFile()), id);
        } catch (ConfigurationProblem problem) {
            return refuse(problem.getMessage());
        }
        if (user.isEmpty()) {
            return refuse(id + " is not a reviewer or viewer in " + settings.directoryFile()
                + "; mark them 'clerk: true', 'reviewer: true' or 'viewer: true' there first");
        }
        Optional<char[]> password = generate ? Optional.of(generated()) : stdin ? fromStandardInput() : fromTerminal(user.get());
        if (password.isEmpty()) {
            return REFUSED;
        }
        try {
            if (password.get().length < PasswordFile.SHORTEST) {
                return refuse("a console password needs at least " + PasswordFile.SHORTEST + " characters (a few words make a good one)");
            }
            new PasswordFile(settings.passwordFile()).set(id, password.get());
        } finally {
            Arrays.fill(password.get(), '\0');
        }
        spec.commandLine().getOut().println("The console password of " + user.get().name() + " (" + id + ", "
            + user.get().role().label() + ") is set. It counts from their next sign-in.");
        if (generate) {
            spec.commandLine().getOut().println("Their new password (shown this once; give it to them privately): " + shown);
        }
        return 0;
    }

    private Optional<char[]> fromTerminal(ConsoleUser user) {
        Console console = System.console();
        if (console == null) {
            refuse("no terminal to ask at; pipe the password in with --stdin");
            return Optional.empty();
        }
        char[] first = console.readPassword("New console password for %s: ", user.name());
        char[] second = console.readPassword("The same again: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            refuse("the two passwords were not the same; nothing was changed");
            return Optional.empty();
        }
        Arrays.fill(second, '\0');
        return Optional.of(first);
    }

    /** 20 characters from 31 letters and digits that cannot be mistaken for each other: about 99 bits. */
    private char[] generated() {
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        shown = password.toString();
        return shown.toCharArray();
    }

    private static Optional<char[]> fromStandardInput() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return Optional.ofNullable(in.readLine()).map(String::toCharArray);
    }

    private int refuse(String why) {
        spec.commandLine().getErr().println("The password was not set: " + why);
        return REFUSED;
    }
}

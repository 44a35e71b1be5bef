package org.correspondencegateway;

import org.correspondencegateway.check.CheckCommand;
import org.correspondencegateway.console.ConsoleCommand;
import org.correspondencegateway.console.PasswordCommand;
import org.correspondencegateway.gateway.RunCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code correspondence-gateway}: the gateway's command line.
 *
 * <ul>
 *   <li>{@code run} starts the embedded gateway (James with the protocol chain) until Ctrl-C.</li>
 *   <li>{@code check} runs the protocol checks on saved mail, outside the mail server.</li>
 *   <li>{@code password} sets someone's password for the Clerk's console.</li>
 *   <li>{@code console} starts the Clerk's console alone, for a James server elsewhere.</li>
 * </ul>
 */
@Command(name = "correspondence-gateway", mixinStandardHelpOptions = true,
    description = "Enforces councils' member/officer protocols on email.",
    subcommands = {RunCommand.class, CheckCommand.class, PasswordCommand.class, ConsoleCommand.class,
        CommandLine.HelpCommand.class})
public final class GatewayCommand {

    public static void main(String[] args) {
        int exitCode = new CommandLine(new GatewayCommand()).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}

package org.correspondencegateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.correspondencegateway.GatewayCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@code run} with a broken configuration stops before James starts, with one line on stderr that names
 * the file, the line and the problem.
 */
class RunCommandTest {
    @TempDir
    Path home;

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void aGatewayHome() throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.createDirectories(home.resolve("mailets"));
        Files.copy(Path.of("mailets/mailetcontainer.xml"), home.resolve("mailets/mailetcontainer.xml"));
    }

    @Test
    void aMalformedSettingsFileStopsStartUpWithOneLine() throws Exception {
        Files.writeString(home.resolve("conf/gateway.yaml"), "smtp:\n  port: 2525\n   bind: 127.0.0.1\n");

        int exit = run();

        assertThat(exit).isEqualTo(RunCommand.CONFIGURATION_PROBLEM);
        assertThat(err.toString()).hasLineCount(1)
            .startsWith("Correspondence Gateway cannot start: " + home.resolve("conf/gateway.yaml").toAbsolutePath() + " line 3: not valid YAML");
        assertThat(out.toString()).isEmpty();
        assertThat(home.resolve("var")).doesNotExist();
    }

    @Test
    void aBadPortStopsStartUpWithOneLine() throws Exception {
        Files.writeString(home.resolve("conf/gateway.yaml"), "smtp:\n  port: 99999\n");

        assertThat(run()).isEqualTo(RunCommand.CONFIGURATION_PROBLEM);
        assertThat(err.toString()).hasLineCount(1).contains("conf/gateway.yaml line 2: smtp.port: 99999 is not a TCP port");
    }

    @Test
    void aMalformedChainStopsStartUpWithOneLine() throws Exception {
        Files.writeString(home.resolve("conf/gateway.yaml"), "data-directory: data\n");
        Files.writeString(home.resolve("mailets/mailetcontainer.xml"), "<mailetcontainer>\n<processors>\n</mailetcontainer>\n");

        assertThat(run()).isEqualTo(RunCommand.CONFIGURATION_PROBLEM);
        assertThat(err.toString()).hasLineCount(1).contains("mailets/mailetcontainer.xml line 3: not well-formed XML");
    }

    @Test
    void aPortInUseStopsStartUpWithOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Files.writeString(home.resolve("conf/gateway.yaml"), "smtp:\n  port: " + taken.getLocalPort() + "\n");

            assertThat(run()).isEqualTo(RunCommand.START_FAILURE);
            assertThat(err.toString()).hasLineCount(1)
                .contains("cannot listen for SMTP on 127.0.0.1:" + taken.getLocalPort())
                .contains("change smtp.port in conf/gateway.yaml");
        }
    }

    private int run() {
        CommandLine commandLine = new CommandLine(new GatewayCommand());
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(out, true));
        return commandLine.execute("run", "--home", home.toString());
    }
}

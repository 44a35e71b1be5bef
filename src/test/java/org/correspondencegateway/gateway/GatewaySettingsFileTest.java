package org.correspondencegateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.correspondencegateway.config.ConfigurationProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An IT provider edits conf/gateway.yaml; every mistake is named with its line. */
class GatewaySettingsFileTest {
    @TempDir
    Path home;

    @Test
    void theShippedFileGivesTheEmbeddedDefaults() throws Exception {
        GatewaySettings settings = GatewaySettingsFile.load(Path.of(""));

        assertThat(settings.smtp()).isEqualTo(new GatewaySettings.Smtp("127.0.0.1", 2525, List.of("127.0.0.0/8"), 50));
        assertThat(settings.webAdmin()).isEqualTo(new GatewaySettings.WebAdmin("127.0.0.1", 8000));
        assertThat(settings.nextHop()).isEmpty();
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("").toAbsolutePath().resolve("var"));
        assertThat(settings.chainFile()).isEqualTo(Path.of("").toAbsolutePath().resolve("mailets/mailetcontainer.xml"));
    }

    @Test
    void anEmptyFileMeansEveryDefault() throws Exception {
        write("");

        GatewaySettings settings = GatewaySettingsFile.load(home);

        assertThat(settings.smtp().port()).isEqualTo(2525);
        assertThat(settings.dataDirectory()).isEqualTo(home.toAbsolutePath().resolve("var"));
    }

    @Test
    void readsANextHopWithStartTlsAndALoginWhosePasswordStaysOutOfLogs() throws Exception {
        Files.writeString(home.resolve("next-hop.password"), "s3cret\n");
        write("""
            next-hop:
              host: smtp.dunstable-tc.example
              port: 587
              starttls: yes
              username: gateway@dunstable-tc.example
              password-file: next-hop.password
            """);

        GatewaySettings.NextHop hop = GatewaySettingsFile.load(home).nextHop().orElseThrow();

        assertThat(hop.host()).isEqualTo("smtp.dunstable-tc.example");
        assertThat(hop.port()).isEqualTo(587);
        assertThat(hop.startTls()).isTrue();
        assertThat(hop.credentials()).hasValueSatisfying(c -> assertThat(c.password()).isEqualTo("s3cret"));
        assertThat(hop.toString() + hop.credentials().orElseThrow()).doesNotContain("s3cret");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
        smtp:\\n  port: 70000                   | 2 | smtp.port: 70000 is not a TCP port (1 to 65535, or 0 for any free port)
        smtp:\\n  port: twenty-five             | 2 | smtp.port: 'twenty-five' is not a TCP port
        smtp:\\n  bind: mail.council.example    | 2 | smtp.bind: 'mail.council.example' is not an IPv4 address
        smtp:\\n  relay-networks: [10.0.0.0/99] | 2 | smtp.relay-networks[1]: '10.0.0.0/99' has a bad prefix length (0 to 32)
        smtp:\\n  prot: 25                      | 2 | smtp.prot: unknown setting; known here: bind, max-message-size-mb, port, relay-networks
        webadmin:\\n  port: 2525                | 2 | webadmin.port: 2525 is both smtp.port and webadmin.port
        next-hop:\\n  port: 25                  | 1 | next-hop.host is required
        next-hop:\\n  host: a\\n  starttls: maybe | 3 | next-hop.starttls: 'maybe' is not true or false
        next-hop:\\n  host: a\\n  username: u   | 1 | next-hop: give both username and password-file, or neither
        smtp:\\n  port: 25\\nsmtp:\\n  port: 26 | 3 | smtp is given twice (also on line 1)
        smtp: [1, 2                             | 1 | not valid YAML
        hostname: not a host!                   | 1 | hostname: 'not a host!' is not a host name
        """)
    void aMistakeIsReportedWithItsLine(String yaml, int line, String expected) throws Exception {
        write(yaml.replace("\\n", "\n"));

        assertThatThrownBy(() -> GatewaySettingsFile.load(home))
            .isInstanceOf(ConfigurationProblem.class)
            .hasMessageStartingWith(home.resolve("conf/gateway.yaml").toAbsolutePath() + " line " + line + ": ")
            .hasMessageContaining(expected)
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aMissingPasswordFileIsNamed() throws Exception {
        write("next-hop:\n  host: smtp.example\n  username: u\n  password-file: missing.password\n");

        assertThatThrownBy(() -> GatewaySettingsFile.load(home))
            .hasMessageContaining("line 4: next-hop.password-file: ")
            .hasMessageContaining("missing.password cannot be read");
    }

    @Test
    void aWebAdminKeyThatIsNotAPublicKeyIsNamed() throws Exception {
        Files.writeString(home.resolve("webadmin-jwt.pub"), "-----BEGIN PRIVATE KEY-----\nMIIE...\n");
        write("webadmin:\n  port: 8000\n  jwt-public-key: webadmin-jwt.pub\n");

        assertThatThrownBy(() -> GatewaySettingsFile.load(home))
            .hasMessageContaining("line 3: webadmin.jwt-public-key: ")
            .hasMessageContaining("webadmin-jwt.pub is not a PEM public key");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> GatewaySettingsFile.load(home))
            .isInstanceOf(ConfigurationProblem.class)
            .hasMessageEndingWith("conf/gateway.yaml: no such file");
    }

    @Test
    void aFileThatIsNotUtf8IsNamed() throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.write(home.resolve("conf/gateway.yaml"), new byte[] {'s', 'm', 't', 'p', ':', ' ', (byte) 0xff, (byte) 0xfe});

        assertThatThrownBy(() -> GatewaySettingsFile.load(home)).hasMessageContaining("is not UTF-8 text");
    }

    private void write(String yaml) throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/gateway.yaml"), yaml);
    }
}

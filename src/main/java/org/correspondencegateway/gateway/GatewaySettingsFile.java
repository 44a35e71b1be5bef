package org.correspondencegateway.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.correspondencegateway.config.ConfigurationProblem;
import org.correspondencegateway.config.YamlSection;
import org.correspondencegateway.config.YamlValue;

import com.google.common.net.InetAddresses;

/**
 * Reads {@code conf/gateway.yaml}, the embedded server's settings, and checks every value before James
 * sees it, so that a mistake stops start-up with one line naming the file, the line and the problem.
 *
 * <p>Listening addresses must be IPv4 literals: start-up never waits on DNS, and James's {@code <bind>}
 * takes IPv4 only. Relative paths are read from the
 * gateway's home (the directory holding {@code conf/}), not from wherever the command was started.
 */
public final class GatewaySettingsFile {
    /** The settings file, relative to the gateway's home. */
    public static final Path RELATIVE_PATH = Path.of("conf", "gateway.yaml");

    /** Where the console listens unless conf/console.yaml says otherwise. */
    public static final String DEFAULT_CONSOLE_URL = "http://127.0.0.1:8080";
    private static final int ANY_PORT = 0;
    private static final String PORT = "a TCP port (1 to 65535, or 0 for any free port)";
    private static final Pattern HOSTNAME = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private GatewaySettingsFile() {
    }

    /** Reads {@code home/conf/gateway.yaml}. */
    public static GatewaySettings load(Path home) throws ConfigurationProblem {
        return read(home.toAbsolutePath().normalize(), YamlSection.read(home.resolve(RELATIVE_PATH)));
    }

    /** Reads settings from {@code root}, a parsed settings file, for the gateway at {@code home}. */
    static GatewaySettings read(Path home, YamlSection root) throws ConfigurationProblem {
        root.allowOnly("data-directory", "hostname", "smtp", "webadmin", "next-hop");

        Path data = home.resolve(root.value("data-directory", YamlValue::asText, "var")).normalize();
        String hostname = root.value("hostname", GatewaySettingsFile::hostname, "gateway.localhost");

        YamlSection smtp = section(root, "smtp").allowOnly("bind", "port", "relay-networks", "max-message-size-mb");
        List<String> relayNetworks = new ArrayList<>();
        for (YamlValue network : smtp.values("relay-networks")) {
            relayNetworks.add(network(network));
        }
        if (relayNetworks.isEmpty() && smtp.keys().contains("relay-networks")) {
            throw smtp.problem("smtp.relay-networks: list at least one network, e.g. 127.0.0.0/8");
        }
        GatewaySettings.Smtp smtpSettings = new GatewaySettings.Smtp(
            smtp.value("bind", YamlValue::asIpv4Address, "127.0.0.1"),
            smtp.value("port", v -> v.asInt(ANY_PORT, 65535, PORT), 2525),
            relayNetworks.isEmpty() ? List.of("127.0.0.0/8") : relayNetworks,
            smtp.value("max-message-size-mb", v -> v.asInt(0, 2047, "a size in megabytes (0 to 2047)"), 50));

        YamlSection webadmin = section(root, "webadmin").allowOnly("bind", "port", "jwt-public-key");
        Optional<Path> jwtPublicKey = Optional.empty();
        Optional<YamlValue> key = webadmin.value("jwt-public-key");
        if (key.isPresent()) {
            jwtPublicKey = Optional.of(publicKey(home, key.get()));
        }
        GatewaySettings.WebAdmin webAdminSettings = new GatewaySettings.WebAdmin(
            webadmin.value("bind", YamlValue::asIpv4Address, "127.0.0.1"),
            webadmin.value("port", v -> v.asInt(ANY_PORT, 65535, PORT), 8000), jwtPublicKey);
        if (smtpSettings.port() != ANY_PORT && smtpSettings.port() == webAdminSettings.port()) {
            Optional<YamlValue> clash = webadmin.value("port");
            throw (clash.isPresent() ? clash.get() : smtp.required("port"))
                .problem(smtpSettings.port() + " is both smtp.port and webadmin.port; give each its own port");
        }

        Optional<GatewaySettings.NextHop> nextHop = Optional.empty();
        Optional<YamlSection> hop = root.section("next-hop");
        if (hop.isPresent()) {
            nextHop = Optional.of(nextHop(home, hop.get()));
        }
        return new GatewaySettings(home, data, hostname, smtpSettings, webAdminSettings, nextHop, DEFAULT_CONSOLE_URL);
    }

    private static GatewaySettings.NextHop nextHop(Path home, YamlSection hop) throws ConfigurationProblem {
        hop.allowOnly("host", "port", "starttls", "username", "password-file");
        String host = hostOrAddress(hop.required("host"));
        int port = hop.value("port", v -> v.asInt(1, 65535, "a TCP port (1 to 65535)"), 25);
        boolean startTls = hop.value("starttls", YamlValue::asBoolean, false);
        Optional<GatewaySettings.Credentials> credentials = Optional.empty();
        if (hop.value("username").isPresent() != hop.value("password-file").isPresent()) {
            throw hop.problem("next-hop: give both username and password-file, or neither");
        }
        if (hop.value("username").isPresent()) {
            YamlValue passwordFile = hop.required("password-file");
            credentials = Optional.of(new GatewaySettings.Credentials(hop.required("username").asText(),
                passwordFile.asSecretFile(home)));
        }
        return new GatewaySettings.NextHop(host, port, startTls, credentials);
    }

    private static YamlSection section(YamlSection root, String key) throws ConfigurationProblem {
        Optional<YamlSection> section = root.section(key);
        if (section.isPresent()) {
            return section.get();
        }
        return YamlSection.parse(root.file(), "{}");
    }

    private static String hostname(YamlValue value) throws ConfigurationProblem {
        String text = value.asText();
        if (!HOSTNAME.matcher(text).matches()) {
            throw value.problem("'" + text + "' is not a host name");
        }
        return text;
    }

    private static String hostOrAddress(YamlValue value) throws ConfigurationProblem {
        String text = value.asText();
        return InetAddresses.isInetAddress(text) ? text : hostname(value);
    }

    private static String network(YamlValue value) throws ConfigurationProblem {
        String text = value.asText();
        String[] parts = text.split("/", -1);
        if (parts.length > 2 || !InetAddresses.isInetAddress(parts[0])) {
            throw value.problem("'" + text + "' is not a network; write it as address/prefix, e.g. 192.168.1.0/24");
        }
        if (parts.length == 2) {
            int maximum = InetAddresses.forString(parts[0]) instanceof java.net.Inet4Address ? 32 : 128;
            boolean prefix = parts[1].matches("\\d{1,3}") && Integer.parseInt(parts[1]) <= maximum;
            boolean mask = InetAddresses.isInetAddress(parts[1]);
            if (!prefix && !mask) {
                throw value.problem("'" + text + "' has a bad prefix length (0 to " + maximum + ")");
            }
        }
        return text;
    }

    /** A PEM public key file, read from {@code home} when relative, checked now rather than by James at start-up. */
    private static Path publicKey(Path home, YamlValue value) throws ConfigurationProblem {
        Path file = home.resolve(value.asText()).toAbsolutePath().normalize();
        try {
            if (!Files.readString(file, StandardCharsets.UTF_8).contains("-----BEGIN PUBLIC KEY-----")) {
                throw value.problem(file + " is not a PEM public key (it should begin -----BEGIN PUBLIC KEY-----)");
            }
        } catch (IOException e) {
            throw value.problem(file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return file;
    }
}

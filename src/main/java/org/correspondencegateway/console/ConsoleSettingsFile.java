package org.correspondencegateway.console;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.correspondencegateway.config.ConfigurationProblem;
import org.correspondencegateway.config.YamlSection;
import org.correspondencegateway.config.YamlValue;
import org.correspondencegateway.gateway.GatewaySettings;

/**
 * Reads {@code conf/console.yaml}. Every setting is optional: without the file the console listens on
 * 127.0.0.1:8080 and reaches the embedded gateway's webadmin named in {@code conf/gateway.yaml}.
 * A mistake stops start-up with one line naming the file, the line and the problem.
 */
public final class ConsoleSettingsFile {
    /** The settings file, relative to the gateway's home. */
    public static final Path RELATIVE_PATH = Path.of("conf", "console.yaml");

    private ConsoleSettingsFile() {
    }

    /** Reads the console's settings for the gateway whose settings are {@code gateway}. */
    public static ConsoleSettings load(GatewaySettings gateway) throws ConfigurationProblem {
        Path file = gateway.home().resolve(RELATIVE_PATH);
        YamlSection root = Files.exists(file) ? YamlSection.read(file) : YamlSection.parse(file, "{}");
        root.allowOnly("bind", "port", "address", "webadmin", "session-minutes", "lock-out", "password-file", "state-directory");
        String bind = root.value("bind", YamlValue::asIpv4Address, "127.0.0.1");
        int port = root.value("port", v -> v.asInt(0, 65535, "a TCP port (1 to 65535, or 0 for any free port)"), 8080);
        URI address = root.value("address", ConsoleSettingsFile::url, URI.create("http://" + bind + ":" + port));

        URI webAdmin = URI.create("http://" + gateway.webAdmin().bind() + ":" + gateway.webAdmin().port());
        Optional<String> token = Optional.empty();
        Optional<YamlSection> remote = root.section("webadmin");
        if (remote.isPresent()) {
            remote.get().allowOnly("url", "token-file");
            webAdmin = remote.get().value("url", ConsoleSettingsFile::url, webAdmin);
            Optional<YamlValue> tokenFile = remote.get().value("token-file");
            if (tokenFile.isPresent()) {
                token = Optional.of(tokenFile.get().asSecretFile(gateway.home()));
            }
        }
        int minutes = root.value("session-minutes", v -> v.asInt(1, 24 * 60, "a number of minutes (1 to 1440)"), 30);
        ConsoleSettings.LockOut lockOut = new ConsoleSettings.LockOut(5, Duration.ofMinutes(15));
        Optional<YamlSection> lock = root.section("lock-out");
        if (lock.isPresent()) {
            lock.get().allowOnly("failures", "minutes");
            lockOut = new ConsoleSettings.LockOut(lock.get().value("failures", v -> v.asInt(1, 100, "a number of failures (1 to 100)"), 5),
                Duration.ofMinutes(lock.get().value("minutes", v -> v.asInt(1, 24 * 60, "a number of minutes (1 to 1440)"), 15)));
        }
        Path state = gateway.home().resolve(root.value("state-directory", YamlValue::asText,
            gateway.dataDirectory().resolve("console").toString())).normalize();
        Path passwords = gateway.home().resolve(root.value("password-file", YamlValue::asText, state.resolve("passwords").toString())).normalize();
        return new ConsoleSettings(bind, port, address, webAdmin, token, gateway.home().resolve("conf").resolve("directory.yaml"), passwords,
            state, Duration.ofMinutes(minutes), lockOut);
    }

    private static URI url(YamlValue value) throws ConfigurationProblem {
        String text = value.asText().replaceAll("/+$", "");
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw value.problem("'" + text + "' is not a web address; write it as http://host:port or https://host:port");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw value.problem("'" + text + "' is not an address: " + e.getReason());
        }
    }
}

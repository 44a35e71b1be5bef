package org.correspondencegateway.config;

import java.io.IOException;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.google.common.net.InetAddresses;

/**
 * One scalar from a YAML configuration file, with where it came from, so that a value that makes no
 * sense can be reported at its line.
 *
 * @param file the file it was read from
 * @param path its dotted path from the document's root, e.g. {@code smtp.port}
 * @param line its 1-based line
 * @param text the scalar as written (without quotes)
 */
public record YamlValue(Path file, String path, int line, String text) {

    /** Turns a value into a setting, or says what is wrong with it. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(YamlValue value) throws ConfigurationProblem;
    }

    /** The value as an integer in {@code [min, max]}. */
    public int asInt(int min, int max, String what) throws ConfigurationProblem {
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw problem("'" + text + "' is not " + what);
        }
        if (value < min || value > max) {
            throw problem(value + " is not " + what);
        }
        return value;
    }

    /** The value as a yes/no switch: true/false, yes/no, on/off. */
    public boolean asBoolean() throws ConfigurationProblem {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw problem("'" + text + "' is not true or false");
        };
    }

    /** The value, which must not be blank. */
    public String asText() throws ConfigurationProblem {
        if (text.isBlank()) {
            throw problem("must not be empty");
        }
        return text.trim();
    }

    /** The value as an IPv4 address literal: start-up never waits on DNS. */
    public String asIpv4Address() throws ConfigurationProblem {
        String address = asText();
        if (!InetAddresses.isInetAddress(address) || !(InetAddresses.forString(address) instanceof Inet4Address)) {
            throw problem("'" + address + "' is not an IPv4 address; use one such as 127.0.0.1 (start-up does not look names up)");
        }
        return address;
    }

    /**
     * The first line of the file this value names (a password or a token kept out of the configuration),
     * read from {@code home} when the name is relative.
     */
    public String asSecretFile(Path home) throws ConfigurationProblem {
        Path secretFile = home.resolve(asText());
        try {
            String secret = Files.readString(secretFile, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw problem(secretFile + " is empty");
            }
            return secret;
        } catch (IOException e) {
            throw problem(secretFile + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A problem with this value: {@code file line N: path: message}. */
    public ConfigurationProblem problem(String message) {
        return ConfigurationProblem.at(file, line, path + ": " + message);
    }
}

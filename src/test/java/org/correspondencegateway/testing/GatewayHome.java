package org.correspondencegateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A gateway home for one test: a copy of the project's {@code conf/} and {@code mailets/}, which the
 * test may change (a council choosing other actions in its policy) without touching the project's.
 */
public record GatewayHome(Path path) {

    /** Copies the project's conf/ and mailets/ into {@code directory}. */
    public static GatewayHome copyOfProject(Path directory) {
        for (String folder : List.of("conf", "mailets")) {
            Path source = Path.of(folder);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path target = directory.resolve(source.relativize(file).toString().isEmpty() ? folder
                        : folder + "/" + source.relativize(file));
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new GatewayHome(directory);
    }

    /** Sets the action for {@code rule} in this home's conf/policy.yaml, as a Clerk would edit it. */
    public GatewayHome withAction(String rule, String action) {
        return withPolicySetting(rule, "action", action);
    }

    /** Sets {@code key} in {@code section} of this home's conf/policy.yaml (a key the shipped file has). */
    public GatewayHome withPolicySetting(String section, String key, String value) {
        Path policy = path.resolve("conf/policy.yaml");
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(policy, StandardCharsets.UTF_8));
            int start = lines.indexOf(section + ":");
            if (start < 0) {
                throw new IllegalArgumentException("no section " + section + " in " + policy);
            }
            for (int i = start + 1; i < lines.size() && !lines.get(i).matches("[a-z].*"); i++) {
                if (lines.get(i).startsWith("  " + key + ":")) {
                    lines.set(i, "  " + key + ": " + value);
                    Files.write(policy, lines, StandardCharsets.UTF_8);
                    return this;
                }
            }
            throw new IllegalArgumentException("no " + key + " in section " + section);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Edits this home's mailets/mailetcontainer.xml, as an IT provider would. */
    public GatewayHome withMailets(UnaryOperator<String> edit) {
        Path chain = path.resolve("mailets/mailetcontainer.xml");
        try {
            String before = Files.readString(chain, StandardCharsets.UTF_8);
            String after = edit.apply(before);
            if (after.equals(before)) {
                throw new IllegalArgumentException("the edit changed nothing in " + chain);
            }
            Files.writeString(chain, after, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directoryFile() {
        return path.resolve("conf/directory.yaml");
    }
}

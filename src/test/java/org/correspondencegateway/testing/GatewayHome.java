package org.correspondencegateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        Path policy = path.resolve("conf/policy.yaml");
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(policy, StandardCharsets.UTF_8));
            int section = lines.indexOf(rule + ":");
            if (section < 0) {
                throw new IllegalArgumentException("no section " + rule + " in " + policy);
            }
            for (int i = section + 1; i < lines.size(); i++) {
                if (lines.get(i).startsWith("  action:")) {
                    lines.set(i, "  action: " + action);
                    Files.write(policy, lines, StandardCharsets.UTF_8);
                    return this;
                }
            }
            throw new IllegalArgumentException("no action in section " + rule);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

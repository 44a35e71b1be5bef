package org.correspondencegateway.config;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A configuration file that cannot be used as it stands: unreadable, malformed, or holding a value
 * that makes no sense. {@link #getMessage()} is one line naming the file, the line where known, and
 * the problem, written for the person who edits the file (an IT provider or a Town Clerk), e.g.
 * {@code conf/gateway.yaml line 4: smtp.port: 70000 is not a TCP port (1 to 65535)}.
 */
public final class ConfigurationProblem extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String problem;

    private ConfigurationProblem(Path file, int line, String problem, Throwable cause) {
        super(describe(file, line, problem), cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** A problem at a known line (1-based) of {@code file}. */
    public static ConfigurationProblem at(Path file, int line, String problem) {
        return new ConfigurationProblem(file, line, problem, null);
    }

    /** A problem with {@code file} as a whole (missing, unreadable). */
    public static ConfigurationProblem in(Path file, String problem) {
        return new ConfigurationProblem(file, 0, problem, null);
    }

    /** A problem with {@code file} as a whole, caused by {@code cause}. */
    public static ConfigurationProblem in(Path file, String problem, Throwable cause) {
        return new ConfigurationProblem(file, 0, problem, cause);
    }

    public Path file() {
        return file;
    }

    /** The 1-based line the problem is on, when the file could be read far enough to know it. */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }

    /** The problem alone, without the file and line. */
    public String problem() {
        return problem;
    }

    /** The problem's location as {@code file line N}, or the file alone. */
    public String location() {
        return line > 0 ? shown(file) + " line " + line : shown(file);
    }

    private static String describe(Path file, int line, String problem) {
        return (line > 0 ? shown(file) + " line " + line : shown(file)) + ": " + problem;
    }

    /** Files under the working directory are shown relative to it, as the person typed them. */
    static String shown(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return Optional.of(absolute).filter(p -> p.startsWith(here)).map(here::relativize).orElse(absolute).toString();
    }
}

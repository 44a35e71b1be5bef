package org.correspondencegateway.directory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

import org.correspondencegateway.config.ConfigurationProblem;
import org.correspondencegateway.config.YamlSection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory as the Town Clerk keeps it: re-read when its file changes, so an edit takes effect
 * without a restart.
 *
 * <p>{@link #current()} looks at the file's size and modification time at most once every
 * {@code checkEvery}; when they change it reads the file, and only when its content has changed does it
 * parse it. A broken edit is rejected: the last good directory stays in force, the problem is logged as
 * an error naming the file and line (once per broken version), and {@link #problem()} reports it, for
 * the Clerk's console. A later good edit clears it.
 *
 * <p>Thread-safe: many threads may call {@link #current()}; one of them re-reads at a time.
 */
public final class LiveDirectory implements Supplier<Directory> {
    private static final Logger LOGGER = LoggerFactory.getLogger(LiveDirectory.class);

    private final Path file;
    private final Duration checkEvery;
    private final Clock clock;
    private volatile State state;
    private volatile Instant nextCheck;

    /**
     * @param directory the directory in force
     * @param loadedAt when it was read
     * @param attributes the file's size and modification time then
     * @param digest the SHA-256 of the file's content then
     * @param problem what is wrong with a newer version of the file, if it is broken
     */
    private record State(Directory directory, Instant loadedAt, String attributes, byte[] digest,
                         Optional<ConfigurationProblem> problem) {
    }

    private LiveDirectory(Path file, Duration checkEvery, Clock clock, State state) {
        this.file = file;
        this.checkEvery = checkEvery;
        this.clock = clock;
        this.state = state;
        this.nextCheck = clock.instant().plus(checkEvery);
    }

    /** Reads {@code file}, which must be good: a gateway does not start on a broken directory. */
    public static LiveDirectory load(Path file, Duration checkEvery, Clock clock) throws ConfigurationProblem {
        byte[] content = read(file);
        Directory directory = DirectoryFile.read(YamlSection.parse(file, content));
        return new LiveDirectory(file, checkEvery, clock,
            new State(directory, clock.instant(), attributes(file), sha256(content), Optional.empty()));
    }

    public static LiveDirectory load(Path file) throws ConfigurationProblem {
        return load(file, Duration.ofSeconds(2), Clock.systemUTC());
    }

    /** The directory in force, re-read first if the file has changed since the last look. */
    public Directory current() {
        Instant now = clock.instant();
        if (now.isAfter(nextCheck)) {
            refresh(now);
        }
        return state.directory();
    }

    @Override
    public Directory get() {
        return current();
    }

    /** What is wrong with the file on disk, while its last good version stays in force. */
    public Optional<ConfigurationProblem> problem() {
        return state.problem();
    }

    /** When the directory in force was read. */
    public Instant loadedAt() {
        return state.loadedAt();
    }

    public Path file() {
        return file;
    }

    private synchronized void refresh(Instant now) {
        if (!now.isAfter(nextCheck)) {
            return;
        }
        nextCheck = now.plus(checkEvery);
        State current = state;
        String attributes;
        try {
            attributes = attributes(file);
        } catch (ConfigurationProblem problem) {
            reject(current, problem, null);
            return;
        }
        if (attributes.equals(current.attributes())) {
            return;
        }
        byte[] content;
        try {
            content = read(file);
        } catch (ConfigurationProblem problem) {
            reject(current, problem, null);
            return;
        }
        byte[] digest = sha256(content);
        if (Arrays.equals(digest, current.digest())) {
            state = new State(current.directory(), current.loadedAt(), attributes, digest, current.problem());
            return;
        }
        try {
            Directory fresh = DirectoryFile.read(YamlSection.parse(file, content));
            state = new State(fresh, now, attributes, digest, Optional.empty());
            LOGGER.info("Directory {} re-read: {} people", file, fresh.people().size());
        } catch (ConfigurationProblem problem) {
            reject(current, problem, new Rejected(attributes, digest));
        }
    }

    private record Rejected(String attributes, byte[] digest) {
    }

    private void reject(State current, ConfigurationProblem problem, Rejected rejected) {
        boolean alreadyReported = current.problem().map(p -> p.getMessage().equals(problem.getMessage())).orElse(false);
        if (!alreadyReported) {
            LOGGER.error("The directory was edited and cannot be used: {}. The directory read at {} stays in force until the file is put right.",
                problem.getMessage(), current.loadedAt());
        }
        // Remember the broken version's attributes, so it is not parsed (and reported) again until it changes.
        state = new State(current.directory(), current.loadedAt(),
            rejected == null ? current.attributes() : rejected.attributes(),
            rejected == null ? current.digest() : rejected.digest(), Optional.of(problem));
    }

    private static byte[] read(Path file) throws ConfigurationProblem {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw ConfigurationProblem.in(file, "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    private static String attributes(Path file) throws ConfigurationProblem {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.size() + "@" + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            throw ConfigurationProblem.in(file, "cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

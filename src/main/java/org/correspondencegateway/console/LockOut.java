package org.correspondencegateway.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.correspondencegateway.files.DurableFiles;

/**
 * Failed sign-ins per name: after {@code failures} in a row the name is locked for {@code lasting} (from
 * the last failure), whatever password is then given. A good sign-in clears the count. Counted per name,
 * not per address, so that guessing one person's password from many machines is stopped too.
 *
 * <p>The counts are files in a directory every console of the council can share (one per name, named
 * after its SHA-256, holding the count and the time of the last failure), so a restart does not forgive
 * a guesser and two consoles count together. A count is changed under the file's lock, so failures at
 * two consoles at once are both counted. Counts older than {@code lasting} are cleared away.
 */
public final class LockOut {
    private final Path directory;
    private final int failures;
    private final Duration lasting;
    private final Clock clock;

    public LockOut(Path directory, ConsoleSettings.LockOut settings, Clock clock) {
        this.directory = directory;
        this.failures = settings.failures();
        this.lasting = settings.lasting();
        this.clock = clock;
    }

    /** A name's failed sign-ins in a row, and when the last was. */
    private record Count(int failures, Instant last) {
        static final Count NONE = new Count(0, Instant.EPOCH);

        static Count parse(String text) {
            String[] fields = text.strip().split(" ");
            try {
                return fields.length == 2 ? new Count(Integer.parseInt(fields[0]), Instant.parse(fields[1])) : NONE;
            } catch (NumberFormatException | DateTimeParseException e) {
                return NONE;
            }
        }

        String text() {
            return failures + " " + last + "\n";
        }
    }

    public synchronized boolean isLocked(String name) {
        try (FileChannel channel = FileChannel.open(file(name), StandardOpenOption.READ); FileLock lock = lock(channel, true)) {
            return current(read(channel)).failures() >= failures;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("the console's failed sign-ins cannot be read in " + directory, e);
        }
    }

    /** Records a failure; true when this one locks the name. */
    public synchronized boolean failed(String name) {
        try {
            Files.createDirectories(directory);
            DurableFiles.deleteUnchangedSince(directory, clock.instant().minus(lasting.multipliedBy(2)));
            try (FileChannel channel = FileChannel.open(file(name), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE); FileLock lock = lock(channel, false)) {
                Count count = current(read(channel));
                Count next = new Count(count.failures() + 1, clock.instant());
                channel.truncate(0);
                channel.write(StandardCharsets.UTF_8.encode(next.text()), 0);
                channel.force(true);
                Files.setLastModifiedTime(file(name), FileTime.from(next.last()));
                return next.failures() >= failures;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the console's failed sign-ins cannot be written in " + directory, e);
        }
    }

    public void succeeded(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException("the console's failed sign-ins cannot be cleared in " + directory, e);
        }
    }

    /**
     * The file's lock, which keeps out other processes; another LockOut in this JVM over the same
     * directory (two consoles in one test) is told by an OverlappingFileLockException and waits its turn.
     */
    private static FileLock lock(FileChannel channel, boolean shared) throws IOException {
        while (true) {
            try {
                return channel.lock(0, Long.MAX_VALUE, shared);
            } catch (OverlappingFileLockException e) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while waiting for " + channel);
                }
            }
        }
    }

    private static Count read(FileChannel channel) throws IOException {
        ByteBuffer content = ByteBuffer.allocate((int) Math.min(channel.size(), 200));
        channel.read(content, 0);
        return Count.parse(new String(content.array(), 0, content.position(), StandardCharsets.UTF_8));
    }

    /** A count whose last failure is longer ago than the lock lasts is no count. */
    private Count current(Count count) {
        return Duration.between(count.last(), clock.instant()).compareTo(lasting) >= 0 ? Count.NONE : count;
    }

    private Path file(String name) {
        return directory.resolve(DurableFiles.nameFor(name));
    }
}

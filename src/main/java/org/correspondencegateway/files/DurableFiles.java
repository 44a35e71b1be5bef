package org.correspondencegateway.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Small files the gateway keeps for itself (passwords, sessions, claims, generated configuration),
 * written so that a reader, in this process or another sharing the directory, sees the old content or
 * the new one, never half of either, and so that what was written is on disk when the call returns.
 */
public final class DurableFiles {
    private DurableFiles() {
    }

    /** Who may read a file written by {@link #replace}. */
    public enum Readers {
        /** Whoever the directory lets in. */
        ANYONE,
        /** The owner only ({@code rw-------}), for secrets. */
        OWNER_ONLY
    }

    /**
     * Replaces {@code file}'s content with {@code content}: written to a new file beside it, forced to disk,
     * moved over the old one in one step, and the directory forced so that the move survives a power cut.
     * Creates the directory if needed.
     */
    public static void replace(Path file, String content, Readers readers) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
        try {
            if (readers == Readers.OWNER_ONLY) {
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's own permissions apply
                }
            }
            write(temporary, content);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        forceDirectory(directory);
    }

    /** Writes {@code content} to {@code file} (created or truncated) and forces it to disk. */
    public static void write(Path file, String content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(StandardCharsets.UTF_8.encode(content));
            channel.force(true);
        }
    }

    /**
     * Forces {@code directory}'s entries (files created, renamed, linked or deleted in it) to disk. Where
     * the platform cannot open a directory (Windows), the file system's own ordering is all there is.
     */
    public static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException e) {
            // a directory that cannot be opened for reading: nothing more can be asked of it
        }
    }

    /**
     * Deletes the files in {@code directory} last modified before {@code before}: ended sessions, old
     * counts, forgotten claims. A file another process deletes first is no matter; a missing directory has
     * nothing to delete.
     */
    public static void deleteUnchangedSince(Path directory, Instant before) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                        Files.deleteIfExists(file);
                    }
                } catch (NoSuchFileException e) {
                    // deleted by another node first
                }
            }
        }
    }

    /**
     * A file name for {@code key}, which may be of any characters and length (a James mail name, a
     * session id, a sign-in name): its SHA-256 in hexadecimal. It also keeps a secret key out of directory
     * listings.
     */
    public static String nameFor(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

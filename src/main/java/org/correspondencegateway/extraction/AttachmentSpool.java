package org.correspondencegateway.extraction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Reads an attachment's decoded stream once, computing its size and SHA-256 as it goes: up to
 * {@code memoryThreshold} bytes in memory, beyond that into a temporary file, and beyond
 * {@code maxBytes} nothing at all (the digest still covers every byte, so a repeated oversized file is
 * recognised).
 */
public final class AttachmentSpool {
    private final long memoryThreshold;
    private final long maxBytes;
    private final Path directory;

    public AttachmentSpool(long memoryThreshold, long maxBytes, Path directory) {
        this.memoryThreshold = memoryThreshold;
        this.maxBytes = maxBytes;
        this.directory = directory;
    }

    /** The limit above which content is not kept. */
    public long maxBytes() {
        return maxBytes;
    }

    public AttachmentContent spool(String name, String contentType, InputStream decoded) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        ByteArrayOutputStream memory = new ByteArrayOutputStream();
        Path file = null;
        OutputStream out = memory;
        long size = 0;
        try (InputStream in = new DigestInputStream(decoded, digest)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                size += read;
                if (size > maxBytes) {
                    if (out != null) {
                        out.close();
                        out = null;
                    }
                    continue;
                }
                if (file == null && size > memoryThreshold) {
                    Files.createDirectories(directory);
                    file = Files.createTempFile(directory, "attachment-", ".bin");
                    out = Files.newOutputStream(file);
                    memory.writeTo(out);
                    memory = null;
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException | RuntimeException e) {
            if (out != null) {
                out.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
            throw e;
        }
        if (out != null) {
            out.close();
        }
        String hex = HexFormat.of().formatHex(digest.digest());
        if (size > maxBytes) {
            if (file != null) {
                Files.deleteIfExists(file);
            }
            return new AttachmentContent(name, contentType, size, hex, Optional.empty(), Optional.empty());
        }
        return new AttachmentContent(name, contentType, size, hex,
            file == null ? Optional.of(memory.toByteArray()) : Optional.empty(), Optional.ofNullable(file));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

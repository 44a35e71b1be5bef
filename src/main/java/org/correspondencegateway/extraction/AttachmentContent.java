package org.correspondencegateway.extraction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An attachment's decoded bytes, read once: its size and SHA-256 known, its content held in memory
 * when small and in a temporary file when large, and dropped when closed. A content over the size limit
 * keeps only its size and digest.
 *
 * @param name the file name
 * @param contentType the declared MIME type
 * @param size the decoded size in bytes
 * @param sha256 the SHA-256 of the decoded bytes, hex
 * @param bytes the content when held in memory
 * @param file the content when spooled to disk
 */
public record AttachmentContent(String name, String contentType, long size, String sha256,
                                Optional<byte[]> bytes, Optional<Path> file) implements AutoCloseable {

    /** Whether the content is held (it is not when the attachment is over the size limit). */
    public boolean isHeld() {
        return bytes.isPresent() || file.isPresent();
    }

    /** A new stream over the content. */
    public InputStream open() throws IOException {
        if (bytes.isPresent()) {
            return new ByteArrayInputStream(bytes.get());
        }
        if (file.isPresent()) {
            return Files.newInputStream(file.get());
        }
        throw new IOException(name + " is over the size limit and was not kept");
    }

    @Override
    public void close() {
        file.ifPresent(path -> {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                path.toFile().deleteOnExit();
            }
        });
    }
}

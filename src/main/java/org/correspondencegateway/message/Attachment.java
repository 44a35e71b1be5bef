package org.correspondencegateway.message;

import org.correspondencegateway.extraction.Extraction;

/**
 * A file carried by a message, and what could be read of it.
 *
 * @param name its file name (or a name made up from its type when it has none)
 * @param contentType its declared MIME type
 * @param size its size in bytes, decoded
 * @param sha256 the SHA-256 of its decoded content, hex
 * @param extraction its text, or why it was not inspected
 */
public record Attachment(String name, String contentType, long size, String sha256, Extraction extraction) {
}

package org.correspondencegateway.extraction;

/**
 * Reads the text of attachments. Implementations never throw for a bad attachment: every outcome,
 * failure included, is an {@link Extraction}.
 */
@FunctionalInterface
public interface AttachmentTextExtractor {

    Extraction extract(AttachmentContent content);
}

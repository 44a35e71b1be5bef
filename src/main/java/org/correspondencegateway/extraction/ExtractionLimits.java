package org.correspondencegateway.extraction;

import java.time.Duration;

/**
 * The limits on reading one attachment.
 *
 * @param maxBytes attachments larger than this are not read
 * @param maxCharacters text beyond this many characters is not read (the extraction says it was cut)
 * @param timeout reading one attachment stops after this long
 * @param maxEmbeddingDepth archives and messages nested deeper than this are not opened
 */
public record ExtractionLimits(long maxBytes, int maxCharacters, Duration timeout, int maxEmbeddingDepth) {

    /**
     * 25 MB, two million characters, 30 seconds, 5 levels of nesting. Tika's own zip-bomb guard (more
     * than a hundred characters out per byte in, past a million characters) acts before the character
     * limit on compressed archives.
     */
    public static final ExtractionLimits DEFAULT = new ExtractionLimits(25L * 1024 * 1024, 2_000_000, Duration.ofSeconds(30), 5);
}

package org.correspondencegateway.extraction;

import java.util.List;
import java.util.Optional;

/**
 * What could be read of an attachment: its text, part by part, or an explicit "not inspected, because …".
 * A rule never sees an attachment silently skipped.
 */
public sealed interface Extraction {

    /**
     * The attachment's text.
     *
     * @param parts its text in reading order, split at pages, headers and footers, and archive entries
     * @param truncated whether the text stopped at the character limit, so the rest was not read
     */
    record Extracted(List<Part> parts, boolean truncated) implements Extraction {
        public Extracted {
            parts = List.copyOf(parts);
        }

        /** All the text, parts joined by blank lines. */
        public String text() {
            return String.join("\n\n", parts.stream().map(Part::text).toList());
        }

        public long characters() {
            return parts.stream().mapToLong(p -> p.text().length()).sum();
        }
    }

    /**
     * The attachment was not inspected.
     *
     * @param reason why, in a word
     * @param detail why, in a sentence for the Clerk
     */
    record NotInspected(Reason reason, String detail) implements Extraction {
    }

    /**
     * A piece of an attachment's text.
     *
     * @param within the file inside an archive or attached message this text comes from, if any
     * @param label where in the document: "page 2", "header", "footer"
     * @param text the text
     */
    record Part(Optional<String> within, Optional<String> label, String text) {
    }

    /** Why an attachment was not inspected. */
    enum Reason {
        /** Larger than the size limit. */
        TOO_LARGE(true),
        /** Reading it took longer than the time limit. */
        TIMED_OUT(true),
        /** Password-protected or encrypted. */
        ENCRYPTED(true),
        /** Damaged, or not what its type says. */
        CORRUPT(true),
        /** Stopped by a safety limit: a zip bomb, too deep a nesting of archives. */
        LIMIT_EXCEEDED(true),
        /** The reader failed for another reason (a parser fault, memory). */
        FAILED(true),
        /** A picture, audio or other file with no text to read (no OCR). Not a failure. */
        NO_TEXT(false);

        private final boolean failure;

        Reason(boolean failure) {
            this.failure = failure;
        }

        /**
         * Whether the attachment ought to have been readable: a message carrying it could not be fully
         * checked. A picture is not a failure; a password-protected PDF is.
         */
        public boolean isFailure() {
            return failure;
        }
    }
}

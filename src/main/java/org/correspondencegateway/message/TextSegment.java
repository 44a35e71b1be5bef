package org.correspondencegateway.message;

import java.util.Optional;

/**
 * A piece of a message's text and where it is, for rules to search and for findings to quote.
 *
 * @param location where the text is
 * @param text the text itself
 * @param attachment for attachment text and names: the attachment's name, with the archive or message
 *     it sits in ("minutes.pdf in papers.zip")
 * @param part a finer place: "page 2", "header", "footer", or a quoted message's "From: …" line
 */
public record TextSegment(Location location, String text, Optional<String> attachment, Optional<String> part) {

    public static TextSegment of(Location location, String text) {
        return new TextSegment(location, text, Optional.empty(), Optional.empty());
    }

    /** "attachment minutes.pdf, page 2", "quoted text (From: Cllr Okonkwo)", "subject". */
    public String describe() {
        StringBuilder where = new StringBuilder(location.label());
        attachment.ifPresent(name -> where.append(' ').append(name));
        part.ifPresent(p -> where.append(location == Location.QUOTED_TEXT ? " (" + p + ")" : ", " + p));
        return where.toString();
    }
}

package org.correspondencegateway.testing.corpus;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One labelled message of the development corpus, as written in {@code src/test/resources/corpus/*.yaml}.
 *
 * @param id a short id
 * @param expect the rules that should find something; empty for a negative
 * @param why what the case is about, in a sentence
 * @param client how it is rendered: outlook, gmail or thunderbird
 * @param from the sender's address (also the envelope sender)
 * @param to To recipients
 * @param cc Cc recipients
 * @param bcc envelope-only recipients
 * @param subject the subject
 * @param body the author's new text
 * @param signature the sender's signature (a fragment name or literal text)
 * @param disclaimer a disclaimer fragment to append, if any
 * @param quotes earlier messages quoted, nearest first
 * @param forward how the first quote is carried when forwarding: "inline", "attached", or empty for a reply
 * @param headers extra headers
 * @param attachments files attached
 * @param remembered messages the gateway saw before, for its memory of correspondence
 * @param inReplyTo the Message-ID this answers
 */
public record CorpusCase(String id, Set<String> expect, String why, String client, String from, List<String> to, List<String> cc,
                         List<String> bcc, String subject, String body, Optional<String> signature, Optional<String> disclaimer,
                         List<Quote> quotes, Optional<String> forward, Map<String, String> headers, List<File> attachments,
                         List<Remembered> remembered, Optional<String> inReplyTo) {

    /**
     * An earlier message quoted below the new text.
     *
     * @param from its author ("Name &lt;address&gt;")
     * @param to its To line
     * @param cc its Cc line
     * @param sent its date as the client writes it
     * @param subject its subject
     * @param body its text
     */
    public record Quote(String from, List<String> to, List<String> cc, String sent, String subject, String body) {
    }

    /**
     * An attached file: a PDF (pages), a Word document (header, paragraphs) or plain text.
     *
     * @param name its file name
     * @param pages a PDF's pages
     * @param header a Word document's page header
     * @param paragraphs a Word document's paragraphs, or a text file's lines
     */
    public record File(String name, List<String> pages, String header, List<String> paragraphs) {
    }

    /**
     * A message the gateway's memory holds.
     *
     * @param id its Message-ID
     * @param from its sender
     * @param to its To recipients
     * @param cc its Cc recipients
     * @param bcc its blind copies
     */
    public record Remembered(String id, String from, List<String> to, List<String> cc, List<String> bcc) {
    }
}

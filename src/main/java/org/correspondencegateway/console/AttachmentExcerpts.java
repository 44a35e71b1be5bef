package org.correspondencegateway.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.correspondencegateway.extraction.AttachmentContent;
import org.correspondencegateway.extraction.AttachmentTextExtractor;
import org.correspondencegateway.extraction.Extraction;
import org.correspondencegateway.message.Location;
import org.correspondencegateway.rules.FindingSummary;

/**
 * Where in an attachment the evidence is: for each finding's words found in an attachment's text (a PDF,
 * a Word file, ...), the lines around them from that attachment, with the words marked, so the Clerk
 * sees them in context without opening the file. The attachment's text is read again here with the
 * same extractor the gateway checks with (Tika, under the same limits), only for messages whose
 * evidence lies in an attachment.
 */
final class AttachmentExcerpts {
    /** Lines of context before and after the line with the evidence. */
    private static final int AROUND = 2;
    /** The longest excerpt shown, in characters. */
    private static final int LONGEST = 1_200;

    private final AttachmentTextExtractor extractor;

    AttachmentExcerpts(AttachmentTextExtractor extractor) {
        this.extractor = extractor;
    }

    /**
     * One excerpt.
     *
     * @param attachment the attachment's file name
     * @param markedHtml the lines, HTML-escaped, with the evidence in {@code <mark>}
     */
    record Excerpt(String attachment, String markedHtml) {
    }

    /** The excerpts for {@code evidence} in the attachments of {@code raw}; none when no evidence lies in an attachment. */
    List<Excerpt> of(byte[] raw, List<MessageView.AttachmentView> attachments, List<FindingSummary.EvidenceView> evidence) {
        List<String> words = evidence.stream().filter(e -> e.location().equals(Location.ATTACHMENT_TEXT.name()))
            .map(FindingSummary.EvidenceView::words).distinct().toList();
        List<Excerpt> excerpts = new ArrayList<>();
        if (words.isEmpty()) {
            return excerpts;
        }
        Map<Integer, String> texts = new HashMap<>();
        for (String wanted : words) {
            for (MessageView.AttachmentView attachment : attachments) {
                String text = texts.computeIfAbsent(attachment.index(), index -> text(raw, index));
                Optional<String> lines = around(text, wanted);
                if (lines.isPresent()) {
                    excerpts.add(new Excerpt(attachment.name(), Highlighter.mark(lines.get(), words)));
                    break;
                }
            }
        }
        return excerpts;
    }

    private String text(byte[] raw, int index) {
        return MessageView.attachment(raw, index).map(download -> {
            // no SHA-256: it only keys the gateway's cache of extracted text, which is not used here
            try (AttachmentContent content = new AttachmentContent(download.name(), "application/octet-stream", download.content().length,
                "", Optional.of(download.content()), Optional.empty())) {
                return extractor.extract(content) instanceof Extraction.Extracted extracted ? extracted.text() : "";
            }
        }).orElse("");
    }

    /** The lines of {@code text} around the first place {@code words} occur, as {@link Highlighter} finds them. */
    static Optional<String> around(String text, String words) {
        OptionalInt at = Highlighter.start(text, words);
        if (at.isEmpty()) {
            return Optional.empty();
        }
        int from = at.getAsInt();
        for (int lines = 0; lines <= AROUND && from > 0; lines++) {
            from = text.lastIndexOf('\n', from - 1) + 1;
            if (lines < AROUND && from > 0) {
                from--;
            }
        }
        int to = at.getAsInt() + words.length();
        for (int lines = 0; lines <= AROUND && to < text.length(); lines++) {
            int next = text.indexOf('\n', to + (lines == 0 ? 0 : 1));
            to = next < 0 ? text.length() : next;
        }
        String excerpt = text.substring(Math.max(0, from), Math.min(text.length(), to)).strip();
        return Optional.of(excerpt.length() > LONGEST ? excerpt.substring(0, LONGEST) + " …" : excerpt);
    }
}

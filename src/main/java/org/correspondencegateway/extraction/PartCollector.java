package org.correspondencegateway.extraction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the text Tika writes as XHTML into {@link Extraction.Part}s, split where a finding's evidence
 * wants to point: PDF pages ({@code div class="page"}), headers and footers where the parser marks them
 * ({@code div class="header|footer"}: Word 97 documents; Tika writes a DOCX's header as the first
 * paragraphs, unmarked), and files inside archives or attached messages ({@code div class="package-entry"}
 * or {@code "embedded"}, named by the {@code h1} that follows).
 * Stops with {@link CharacterLimitReached} after {@code maxCharacters}.
 *
 * <p>Not thread-safe: one per parse.
 */
final class PartCollector extends DefaultHandler {
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "td", "th");

    /** Thrown when the text reaches the character limit; the text so far is kept. */
    static final class CharacterLimitReached extends SAXException {
        private static final long serialVersionUID = 1L;

        CharacterLimitReached() {
            super("the character limit was reached");
        }
    }

    /**
     * An element that changes where text belongs.
     *
     * @param element the element's name and depth, to match its end
     * @param within for an archive entry or embedded file: its path ("papers.zip > minutes.docx")
     * @param label for a page, header or footer: "page 2", "header"
     */
    private record Frame(String element, Optional<String> within, Optional<String> label) {
        boolean isEntry() {
            return within.isPresent();
        }
    }

    private final int maxCharacters;
    private final List<Extraction.Part> parts = new ArrayList<>();
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Map<String, Integer> pages = new HashMap<>();
    private StringBuilder text = new StringBuilder();
    private boolean awaitingEntryName;
    private StringBuilder entryName;
    private int characters;
    private int depth;

    PartCollector(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    List<Extraction.Part> parts() {
        flush();
        return List.copyOf(parts);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        depth++;
        String element = localName.isEmpty() ? qName : localName;
        String cssClass = Optional.ofNullable(attributes.getValue("class")).orElse("");
        if (element.equals("div") && (cssClass.equals("package-entry") || cssClass.equals("embedded"))) {
            flush();
            String id = attributes.getValue("id");
            boolean named = id != null && !id.isBlank();
            frames.push(new Frame(element + "@" + depth, Optional.of(path(named ? id.strip() : "an embedded file")), Optional.empty()));
            awaitingEntryName = !named;
        } else if (element.equals("h1") && awaitingEntryName) {
            entryName = new StringBuilder();
        } else if (element.equals("div") && (cssClass.equals("page") || cssClass.equals("header") || cssClass.equals("footer"))) {
            flush();
            String label = cssClass.equals("page") ? "page " + pages.merge(within().orElse(""), 1, Integer::sum) : cssClass;
            frames.push(new Frame(element + "@" + depth, Optional.empty(), Optional.of(label)));
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String element = localName.isEmpty() ? qName : localName;
        String key = element + "@" + depth;
        depth--;
        if (entryName != null && element.equals("h1")) {
            Frame entry = frames.pop();
            String name = entryName.toString().strip();
            frames.push(new Frame(entry.element(), Optional.of(path(name.isEmpty() ? "an embedded file" : name)), Optional.empty()));
            entryName = null;
            awaitingEntryName = false;
            return;
        }
        if (!frames.isEmpty() && frames.peek().element().equals(key)) {
            flush();
            frames.pop();
            awaitingEntryName = false;
            return;
        }
        if (BLOCKS.contains(element)) {
            text.append('\n');
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (entryName != null) {
            entryName.append(ch, start, length);
            return;
        }
        int room = maxCharacters - characters;
        if (length > room) {
            text.append(ch, start, Math.max(room, 0));
            characters = maxCharacters;
            throw new CharacterLimitReached();
        }
        text.append(ch, start, length);
        characters += length;
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length);
    }

    /** The path of a new entry named {@code name} inside the current one. */
    private String path(String name) {
        return within().map(w -> w + " > " + name).orElse(name);
    }

    private Optional<String> within() {
        return frames.stream().filter(Frame::isEntry).findFirst().flatMap(Frame::within);
    }

    /** The innermost page, header or footer label, within the innermost entry. */
    private Optional<String> label() {
        for (Frame frame : frames) {
            if (frame.isEntry()) {
                return Optional.empty();
            }
            if (frame.label().isPresent()) {
                return frame.label();
            }
        }
        return Optional.empty();
    }

    private void flush() {
        String collected = text.toString().replaceAll("[ \\t\\x0B\\f\\r]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
        if (!collected.isEmpty()) {
            parts.add(new Extraction.Part(within(), label(), collected));
        }
        text = new StringBuilder();
    }
}

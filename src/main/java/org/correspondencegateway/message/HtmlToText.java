package org.correspondencegateway.message;

import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns an HTML mail body into plain text as a reader sees it, with jsoup doing the parsing: block
 * elements and line breaks become line ends, table cells are separated, scripts, styles and comments
 * are dropped, and quoted history keeps its shape: a {@code blockquote} (Gmail's, Thunderbird's,
 * Apple Mail's) becomes lines starting with {@code "> "}, so that replies read the same whichever
 * alternative a client sent.
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlToText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
        "table", "tr", "pre", "hr", "address", "section", "article", "header", "footer", "center", "dl", "dt", "dd", "form");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "noscript", "template", "object", "iframe");

    private HtmlToText() {
    }

    public static String convert(String html) {
        Document document = Jsoup.parse(html);
        StringBuilder out = new StringBuilder();
        render(document.body() == null ? document : document.body(), out, false);
        return tidy(out.toString());
    }

    private static void render(Node node, StringBuilder out, boolean preformatted) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                String words = preformatted ? text.getWholeText() : text.text();
                if (!preformatted && words.isBlank()) {
                    if (!text.getWholeText().isEmpty() && out.length() > 0 && !endsWithSpace(out)) {
                        out.append(' ');
                    }
                    continue;
                }
                if (!preformatted && Character.isWhitespace(text.getWholeText().charAt(0)) && out.length() > 0 && !endsWithSpace(out)) {
                    out.append(' ');
                }
                out.append(words);
                if (!preformatted && Character.isWhitespace(text.getWholeText().charAt(text.getWholeText().length() - 1))) {
                    out.append(' ');
                }
            } else if (child instanceof Element element) {
                renderElement(element, out, preformatted);
            }
        }
    }

    private static void renderElement(Element element, StringBuilder out, boolean preformatted) {
        String tag = element.normalName();
        if (SKIPPED.contains(tag) || isHidden(element)) {
            return;
        }
        switch (tag) {
            case "br" -> out.append('\n');
            case "blockquote" -> {
                newLine(out);
                StringBuilder inner = new StringBuilder();
                render(element, inner, preformatted);
                for (String line : tidy(inner.toString()).split("\n", -1)) {
                    out.append(line.isEmpty() ? ">" : "> " + line).append('\n');
                }
            }
            case "td", "th" -> {
                render(element, out, preformatted);
                out.append(' ');
            }
            case "img" -> {
                // pictures carry no text a rule should read; their alt text is often a file name
            }
            default -> {
                boolean block = BLOCKS.contains(tag);
                if (block) {
                    newLine(out);
                }
                render(element, out, preformatted || tag.equals("pre"));
                if (block) {
                    newLine(out);
                    if (tag.equals("p") && !element.hasClass("MsoNormal")) {
                        // a paragraph's margin reads as a blank line; Word's MsoNormal paragraphs have none
                        out.append('\n');
                    }
                }
            }
        }
    }

    /** Elements styled away, e.g. Outlook's hidden preview text. Only {@code display:none} counts. */
    private static boolean isHidden(Element element) {
        String style = element.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
        return style.contains("display:none") || element.hasAttr("hidden");
    }

    private static void newLine(StringBuilder out) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        if (end > 0 && out.charAt(end - 1) != '\n') {
            out.append('\n');
        }
    }

    private static boolean endsWithSpace(StringBuilder out) {
        char last = out.charAt(out.length() - 1);
        return last == ' ' || last == '\n';
    }

    /** Trailing spaces removed from lines, non-breaking spaces made plain, runs of blank lines shortened. */
    static String tidy(String text) {
        return text.replace('\u00a0', ' ')
            .replaceAll("(?m)[ \\t]+$", "")
            .replaceAll("(?m)^ +", "")
            .replaceAll("\\n{3,}", "\n\n")
            .strip();
    }
}

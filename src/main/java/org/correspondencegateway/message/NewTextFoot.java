package org.correspondencegateway.message;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Adds lines at the foot of the author's new text, above any quoted history: where "CC Councillor X"
 * goes when the gateway discloses a silent copy. Works on a text/plain body (above the first quote
 * boundary or "&gt;" line) and on a text/html body (before the first quote container: Gmail's
 * {@code gmail_quote}, a cited {@code blockquote}, Thunderbird's {@code moz-cite-prefix}, Outlook's
 * reply header; else at the end of the body).
 */
public final class NewTextFoot {
    private static final String QUOTE_CONTAINERS = String.join(", ",
        "div.gmail_quote", "blockquote[type=cite]", "div.moz-cite-prefix", "div.moz-forward-container", "div#appendonsend",
        "div#divRplyFwdMsg", "div#mail-editor-reference-message-container", "div.OutlookMessageHeader",
        "div[style*=border-top:solid #E1E1E1]", "div[style*=border-top: solid #E1E1E1]", "blockquote");

    private NewTextFoot() {
    }

    /** {@code text} with {@code lines} added after the new text, a blank line before them. */
    public static String plain(String text, List<String> lines) {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> body = new ArrayList<>(text.replace("\r\n", "\n").lines().toList());
        int start = QuotedHistory.historyStart(body);
        int at = start < 0 ? body.size() : start;
        while (at > 0 && body.get(at - 1).isBlank()) {
            at--;
        }
        List<String> added = new ArrayList<>();
        added.add("");
        added.addAll(lines);
        if (start == at) {
            // the history began right after the new text: keep a blank line between them
            added.add("");
        }
        body.addAll(at, added);
        return String.join(newline, body) + (text.endsWith("\n") ? newline : "");
    }

    /** {@code html} with {@code lines} in a paragraph after the new text. */
    public static String html(String html, List<String> lines) {
        Document document = Jsoup.parse(html);
        Element paragraph = document.createElement("p");
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                paragraph.appendElement("br");
            }
            paragraph.appendText(lines.get(i));
        }
        Element quote = document.body().selectFirst(QUOTE_CONTAINERS);
        if (quote != null) {
            // Outlook puts a rule or an empty container just above its reply header
            Element before = quote.previousElementSibling();
            Element anchor = before != null && before.normalName().equals("hr") ? before : quote;
            anchor.before(paragraph);
        } else {
            document.body().appendChild(paragraph);
        }
        document.outputSettings().prettyPrint(false);
        return document.outerHtml();
    }
}

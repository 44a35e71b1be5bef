package org.correspondencegateway.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Separates the author's new text from the quoted history below it, and cuts the history into the
 * earlier messages it holds, each with the headers the quoting client wrote. It knows the shapes real
 * clients produce:
 * <ul>
 *   <li>Outlook: a {@code From:/Sent:/To:/Cc:/Subject:} block, often below a line of underscores, or
 *       below {@code -----Original Message-----};</li>
 *   <li>Gmail: {@code ---------- Forwarded message ---------} then {@code From:/Date:/Subject:/To:/Cc:},
 *       and {@code On Mon, 23 Nov 2026 at 10:15, Name <address> wrote:} above {@code >} lines;</li>
 *   <li>Thunderbird: {@code -------- Forwarded Message --------} then {@code Subject:/Date:/From:/To:},
 *       and {@code On 23/11/2026 10:15, Name wrote:};</li>
 *   <li>Apple Mail: {@code Begin forwarded message:}; any client: lines starting with {@code >}.</li>
 * </ul>
 * Works on plain text (an HTML body is converted first, its blockquotes becoming {@code >} lines).
 * Stateless.
 */
final class QuotedHistory {
    private static final Pattern FORWARD_MARKER = Pattern.compile(
        "(?i)^\\s*-{2,}\\s*(forwarded message|forwarded message follows)\\s*-{2,}\\s*$|^\\s*begin forwarded message:\\s*$");
    private static final Pattern ORIGINAL_MARKER = Pattern.compile("(?i)^\\s*-{2,}\\s*original message\\s*-{2,}\\s*$");
    private static final Pattern UNDERSCORES = Pattern.compile("^\\s*_{8,}\\s*$");
    private static final Pattern HEADER_FIELD = Pattern.compile(
        "(?i)^\\s*\\*?(from|sent|date|to|cc|bcc|subject|reply-to|importance|attachments)\\s*:\\*?\\s*(.*)$");
    private static final Pattern ATTRIBUTION = Pattern.compile("(?i)^\\s*on\\s.{4,300}?\\bwrote\\s*:?\\s*$");
    private static final Pattern NAMED_WROTE = Pattern.compile("(?i)^\\s*(.{2,150}?)\\s+wrote\\s*:\\s*$");
    private static final Pattern QUOTE_PREFIX = Pattern.compile("^(\\s*>)+ ?");

    private QuotedHistory() {
    }

    /**
     * A quoted message before its parties are resolved.
     *
     * @param kind how it is carried
     * @param fields the header fields written above it, by lower-case name
     * @param text its text
     */
    record RawQuote(QuotedMessage.Kind kind, Map<String, String> fields, String text) {
    }

    /**
     * @param newText the author's own text (signature included)
     * @param quotes the earlier messages, nearest first
     */
    record Split(String newText, List<RawQuote> quotes) {
    }

    /** The line the quoted history starts on: a boundary, or the first "&gt;" line; -1 when there is none. */
    static int historyStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (isQuoted(lines.get(i)) || boundaryAt(lines, i) != null) {
                return i;
            }
        }
        return -1;
    }

    /** Splits {@code body}; {@code forwarding} says the message's subject marks it as a forward. */
    static Split split(String body, boolean forwarding) {
        List<String> lines = body.replace("\r\n", "\n").lines().toList();
        int boundary = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!isQuoted(lines.get(i)) && boundaryAt(lines, i) != null) {
                boundary = i;
                break;
            }
        }
        List<String> own = new ArrayList<>();
        List<String> quoted = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (boundary >= 0 && i >= boundary) {
                quoted.add(lines.get(i));
            } else if (isQuoted(lines.get(i))) {
                quoted.add(lines.get(i));
            } else {
                own.add(lines.get(i));
            }
        }
        List<String> unquoted = quoted.stream().map(QuotedHistory::unquote).toList();
        return new Split(String.join("\n", own).strip(), quotes(unquoted, forwarding));
    }

    private static List<RawQuote> quotes(List<String> lines, boolean forwarding) {
        List<RawQuote> quotes = new ArrayList<>();
        int i = 0;
        // text before the first boundary in the history (plain '>' lines without an attribution)
        int first = nextBoundary(lines, 0);
        if (first != 0) {
            String text = String.join("\n", lines.subList(0, first < 0 ? lines.size() : first)).strip();
            if (!text.isEmpty()) {
                quotes.add(new RawQuote(QuotedMessage.Kind.REPLY, Map.of(), text));
            }
            i = first < 0 ? lines.size() : first;
        }
        boolean forward = forwarding;
        while (i < lines.size()) {
            Boundary boundary = boundaryAt(lines, i);
            int next = nextBoundary(lines, boundary.bodyStart());
            int end = next < 0 ? lines.size() : next;
            String text = String.join("\n", lines.subList(boundary.bodyStart(), end)).strip();
            QuotedMessage.Kind kind = switch (boundary.type()) {
                case FORWARD_MARKER -> QuotedMessage.Kind.FORWARD;
                case ATTRIBUTION -> QuotedMessage.Kind.REPLY;
                case HEADER_BLOCK -> forward ? QuotedMessage.Kind.FORWARD : QuotedMessage.Kind.REPLY;
            };
            quotes.add(new RawQuote(kind, boundary.fields(), text));
            forward = Optional.ofNullable(boundary.fields().get("subject")).map(QuotedHistory::isForwardSubject).orElse(false);
            i = end;
        }
        return List.copyOf(quotes);
    }

    private static int nextBoundary(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (boundaryAt(lines, i) != null) {
                return i;
            }
        }
        return -1;
    }

    private enum Type { FORWARD_MARKER, HEADER_BLOCK, ATTRIBUTION }

    /**
     * @param type what starts the quoted message
     * @param bodyStart the line its text starts on
     * @param fields the header fields found
     */
    private record Boundary(Type type, int bodyStart, Map<String, String> fields) {
    }

    /** The boundary starting at line {@code i}, or null. Lines are compared without quote prefixes. */
    private static Boundary boundaryAt(List<String> lines, int i) {
        String line = unquote(lines.get(i));
        if (line.indexOf(':') < 0 && line.indexOf('-') < 0 && line.indexOf('_') < 0) {
            return attribution(lines, i); // every marker and header field needs one of the three
        }
        if (FORWARD_MARKER.matcher(line).matches() || ORIGINAL_MARKER.matcher(line).matches()) {
            int start = skipBlank(lines, i + 1);
            HeaderBlock block = headerBlock(lines, start);
            Type type = FORWARD_MARKER.matcher(line).matches() ? Type.FORWARD_MARKER : Type.HEADER_BLOCK;
            return block == null ? new Boundary(type, i + 1, Map.of()) : new Boundary(type, block.end(), block.fields());
        }
        if (UNDERSCORES.matcher(line).matches()) {
            HeaderBlock block = headerBlock(lines, skipBlank(lines, i + 1));
            return block == null ? null : new Boundary(Type.HEADER_BLOCK, block.end(), block.fields());
        }
        HeaderBlock block = headerBlock(lines, i);
        if (block != null) {
            return new Boundary(Type.HEADER_BLOCK, block.end(), block.fields());
        }
        return attribution(lines, i);
    }

    private record HeaderBlock(int end, Map<String, String> fields) {
    }

    /** A run of header lines from {@code start} naming at least From and a date. */
    private static HeaderBlock headerBlock(List<String> lines, int start) {
        Map<String, String> fields = new LinkedHashMap<>();
        String last = null;
        int i = start;
        for (; i < lines.size() && i < start + 40; i++) {
            String line = unquote(lines.get(i));
            Matcher field = HEADER_FIELD.matcher(line);
            if (field.matches()) {
                last = field.group(1).toLowerCase(Locale.ROOT);
                if (last.equals("sent")) {
                    last = "date";
                }
                fields.merge(last, field.group(2).strip(), (a, b) -> a + ", " + b);
            } else if (last != null && !line.isBlank() && (lines.get(i).startsWith(" ") || lines.get(i).startsWith("\t")
                || line.matches("^[^:]{0,80}[;,]\\s*$") || (last.equals("to") || last.equals("cc")) && line.contains("@") && !line.contains(":"))) {
                fields.merge(last, line.strip(), (a, b) -> a + " " + b);
            } else {
                break;
            }
        }
        if (fields.containsKey("from") && fields.containsKey("date") && fields.size() >= 3) {
            return new HeaderBlock(i, Map.copyOf(fields));
        }
        return null;
    }

    /** "On Mon, 23 Nov 2026 at 10:15, Bola Okonkwo &lt;b@x&gt; wrote:", on one line or wrapped over two. */
    private static Boundary attribution(List<String> lines, int i) {
        String line = unquote(lines.get(i)).strip();
        // Both shapes need "wrote": on this line, or on the next after a line starting "On". Most lines
        // have neither, and the expressions below are costly on long lines.
        boolean startsOn = line.length() > 2 && line.regionMatches(true, 0, "on", 0, 2) && Character.isWhitespace(line.charAt(2));
        if (!mentionsWrote(line) && !(startsOn && i + 1 < lines.size() && mentionsWrote(lines.get(i + 1)))) {
            return null;
        }
        String joined = line;
        int end = i + 1;
        if (line.toLowerCase(Locale.ROOT).startsWith("on ") && !ATTRIBUTION.matcher(line).matches() && i + 1 < lines.size()) {
            joined = line + " " + unquote(lines.get(i + 1)).strip();
            end = i + 2;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (ATTRIBUTION.matcher(joined).matches()) {
            String inner = joined.replaceFirst("(?i)^on\\s+", "").replaceFirst("(?i)\\s*wrote\\s*:?\\s*$", "");
            int angle = inner.lastIndexOf('<');
            int cut = angle > 0 ? inner.lastIndexOf(',', angle) : inner.lastIndexOf(',');
            if (cut > 0) {
                fields.put("date", inner.substring(0, cut).strip());
                fields.put("from", inner.substring(cut + 1).strip());
            } else {
                fields.put("from", inner.strip());
            }
            return new Boundary(Type.ATTRIBUTION, end, Map.copyOf(fields));
        }
        Matcher named = NAMED_WROTE.matcher(line);
        if (named.matches() && i + 1 < lines.size() && isQuoted(lines.get(skipBlank(lines, i + 1) < lines.size() ? skipBlank(lines, i + 1) : i))) {
            fields.put("from", named.group(1).strip());
            return new Boundary(Type.ATTRIBUTION, i + 1, Map.copyOf(fields));
        }
        return null;
    }

    /** "wrote" in any case, found without making a lower-case copy of every line. */
    private static boolean mentionsWrote(String line) {
        for (int i = 0; i + 5 <= line.length(); i++) {
            if (line.regionMatches(true, i, "wrote", 0, 5)) {
                return true;
            }
        }
        return false;
    }

    private static int skipBlank(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && unquote(lines.get(i)).isBlank()) {
            i++;
        }
        return i;
    }

    static boolean isQuoted(String line) {
        return line.stripLeading().startsWith(">");
    }

    static String unquote(String line) {
        if (line.indexOf('>') < 0) {
            return line;
        }
        return QUOTE_PREFIX.matcher(line).replaceFirst("");
    }

    static boolean isForwardSubject(String subject) {
        return subject.strip().toLowerCase(Locale.ROOT).matches("^((re|aw)\\s*:\\s*)*(fw|fwd)\\s*:.*");
    }
}

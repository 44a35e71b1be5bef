package org.correspondencegateway.console;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks a finding's evidence in a text for the Clerk: the text HTML-escaped, with every place the
 * evidence's words occur wrapped in {@code <mark>}. Words are matched without regard to case, and the
 * spaces between them may be any run of white space (a line the sender wrapped still matches).
 * Stateless and thread-safe.
 */
public final class Highlighter {
    private static final int SHORTEST = 3;

    private Highlighter() {
    }

    /** {@code text}, escaped for HTML, with {@code evidence} marked. */
    public static String mark(String text, Collection<String> evidence) {
        record Range(int start, int end) {
        }
        List<Range> ranges = new ArrayList<>();
        for (String words : evidence) {
            Optional<Pattern> pattern = pattern(words);
            if (pattern.isEmpty()) {
                continue;
            }
            Matcher matcher = pattern.get().matcher(text);
            while (matcher.find()) {
                ranges.add(new Range(matcher.start(), matcher.end()));
            }
        }
        ranges.sort(Comparator.comparingInt(Range::start).thenComparing(Comparator.comparingInt(Range::end).reversed()));
        StringBuilder html = new StringBuilder(text.length() + ranges.size() * 16);
        int at = 0;
        for (Range range : ranges) {
            if (range.start() < at) {
                continue; // inside or overlapping a range already marked
            }
            html.append(escape(text.substring(at, range.start()))).append("<mark>")
                .append(escape(text.substring(range.start(), range.end()))).append("</mark>");
            at = range.end();
        }
        return html.append(escape(text.substring(at))).toString();
    }

    /** Whether {@code text} contains {@code words} as {@link #mark} would find them. */
    public static boolean contains(String text, String words) {
        return start(text, words).isPresent();
    }

    /** Where in {@code text} {@code words} first occur, as {@link #mark} would find them. */
    public static OptionalInt start(String text, String words) {
        Optional<Matcher> found = pattern(words).map(p -> p.matcher(text)).filter(Matcher::find);
        return found.isPresent() ? OptionalInt.of(found.get().start()) : OptionalInt.empty();
    }

    /** The words, any case, any white space between them; none for fewer than three characters. */
    private static Optional<Pattern> pattern(String words) {
        if (words.strip().length() < SHORTEST) {
            return Optional.empty();
        }
        StringBuilder regex = new StringBuilder();
        for (String token : words.strip().split("\\s+")) {
            regex.append(regex.length() == 0 ? "" : "\\s+").append(Pattern.quote(token));
        }
        return Optional.of(Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** {@code text} escaped for HTML element content and attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

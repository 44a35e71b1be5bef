package org.correspondencegateway.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.correspondencegateway.directory.EmailAddress;

/**
 * Reads the address lists quoting clients write: Outlook's {@code "Okonkwo, Bola; Reid, Rachel"} and
 * {@code "Bola Okonkwo <b.okonkwo@…>; …"}, Gmail's comma-separated {@code "Name <address>, …"}, bare
 * addresses, names alone, and Outlook's {@code "Name [mailto:address]"}.
 */
final class QuotedAddressList {
    private static final Pattern ANGLE = Pattern.compile("<\\s*([^<>\\s]+@[^<>\\s]+)\\s*>");
    private static final Pattern MAILTO = Pattern.compile("\\[mailto:([^\\]\\s]+)\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE = Pattern.compile("([A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

    private QuotedAddressList() {
    }

    /** Splits at semicolons, and at commas that close a complete address ("Name &lt;a@b&gt;," or "a@b,"). */
    static List<String> split(String written) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        boolean inAngle = false;
        boolean inQuote = false;
        for (char c : written.toCharArray()) {
            if (c == '"') {
                inQuote = !inQuote;
            } else if (c == '<' || c == '[') {
                inAngle = true;
            } else if (c == '>' || c == ']') {
                inAngle = false;
            }
            boolean separator = !inAngle && !inQuote && (c == ';' || (c == ',' && piece.toString().contains("@")));
            if (separator) {
                add(pieces, piece);
                piece = new StringBuilder();
            } else {
                piece.append(c);
            }
        }
        add(pieces, piece);
        return List.copyOf(pieces);
    }

    static Optional<EmailAddress> address(String written) {
        for (Pattern pattern : List.of(ANGLE, MAILTO, BARE)) {
            Matcher matcher = pattern.matcher(written);
            if (matcher.find()) {
                return EmailAddress.parse(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    /** The name part: the words before an address, without quotes. */
    static String name(String written) {
        String name = ANGLE.matcher(written).replaceAll("");
        name = MAILTO.matcher(name).replaceAll("");
        name = BARE.matcher(name).replaceAll("");
        return name.replace("\"", "").strip();
    }

    private static void add(List<String> pieces, StringBuilder piece) {
        String text = piece.toString().strip();
        if (!text.isEmpty()) {
            pieces.add(text);
        }
    }
}

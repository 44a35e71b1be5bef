package org.correspondencegateway.message;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the sign-off and signature at the end of the author's new text: from the closing line ("Kind
 * regards,", "Many thanks", "Yours sincerely", "Best wishes") among the last lines, or from a
 * {@code "-- "} separator (RFC 3676) when there is no closing line just above it, to the end.
 */
final class SignatureBlock {
    private static final int TAIL = 20;
    private static final Pattern SEPARATOR = Pattern.compile("^--\\s?$");
    private static final Pattern CLOSING = Pattern.compile("(?i)^\\s*("
        + "((kind|kindest|best|warm|warmest|many|with (kind|best|warm|many))\\s+)?(regards|wishes|thanks)"
        + "|thank you|thanks( again| so much)?|yours( very)? (sincerely|faithfully|truly)|sincerely|cheers|best"
        + "|all the best|speak soon|respectfully|with thanks|regards)[\\s,.!]*$");

    private SignatureBlock() {
    }

    /**
     * @param body the text above the signature
     * @param signature the signature, sign-off included
     */
    record Split(String body, Optional<String> signature) {
    }

    static Split split(String newText) {
        List<String> lines = newText.lines().toList();
        int from = Math.max(0, lines.size() - TAIL);
        int separator = -1;
        for (int i = lines.size() - 1; i >= from; i--) {
            if (SEPARATOR.matcher(lines.get(i)).matches()) {
                separator = i;
                break;
            }
        }
        // the sign-off above a "-- " separator ("Best wishes,\nTom\n-- \nCllr Tom Whitlock") belongs with it
        int searchFrom = separator >= 0 ? Math.max(0, separator - 8) : from;
        int searchTo = separator >= 0 ? separator : lines.size();
        for (int i = searchFrom; i < searchTo; i++) {
            if (CLOSING.matcher(lines.get(i)).matches()) {
                return at(lines, i);
            }
        }
        return separator >= 0 ? at(lines, separator) : new Split(newText.strip(), Optional.empty());
    }

    private static Split at(List<String> lines, int start) {
        String body = String.join("\n", lines.subList(0, start)).strip();
        String signature = String.join("\n", lines.subList(start, lines.size())).strip();
        return new Split(body, signature.isEmpty() ? Optional.empty() : Optional.of(signature));
    }
}

package org.correspondencegateway.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A raw RFC 5322 message split into its header fields (unfolded, in order) and its body, for comparing
 * what was sent with what arrived byte for byte, apart from the trace fields servers add on the way.
 */
public record RawMessage(List<Field> headers, String body) {
    /** Fields a relay adds or rewrites in transit (RFC 5321 section 4.4). */
    public static final Set<String> TRACE_FIELDS = Set.of("received", "return-path");

    public record Field(String name, String value) {
    }

    public static RawMessage parse(String raw) {
        String text = raw.replace("\r\n", "\n");
        int split = text.indexOf("\n\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 2);
        List<Field> fields = new ArrayList<>();
        StringBuilder current = null;
        for (String line : head.split("\n", -1)) {
            if ((line.startsWith(" ") || line.startsWith("\t")) && current != null) {
                current.append(' ').append(line.strip());
            } else {
                if (current != null) {
                    fields.add(field(current.toString()));
                }
                current = new StringBuilder(line);
            }
        }
        if (current != null && current.length() > 0) {
            fields.add(field(current.toString()));
        }
        return new RawMessage(List.copyOf(fields), body);
    }

    /** The header fields without the trace fields. */
    public List<Field> headersWithoutTrace() {
        return headers.stream().filter(f -> !TRACE_FIELDS.contains(f.name().toLowerCase(Locale.ROOT))).toList();
    }

    /**
     * The fields as the sender wrote them: without the trace fields and without the gateway's
     * outcome field ({@code X-Protocol-Check}), which every message it delivers or holds carries.
     */
    public List<Field> headersAsSent() {
        return headersWithoutTrace().stream().filter(f -> !f.name().equalsIgnoreCase("X-Protocol-Check")).toList();
    }

    /**
     * {@link #headersAsSent()} without MIME-Version, whose place James changes: when a mailet changes
     * a header (the outcome field) or RemoteDelivery converts to 7 bit, JavaMail writes MIME-Version
     * first as it saves the header block. Every other field keeps its place and value; field order
     * carries no meaning outside the trace fields (RFC 5322 3.6).
     */
    public List<Field> fieldsAsSent() {
        return headersAsSent().stream().filter(f -> !f.name().equalsIgnoreCase("MIME-Version")).toList();
    }

    /** The first value of a field, if the message has it. */
    public java.util.Optional<String> value(String fieldName) {
        return headers.stream().filter(f -> f.name().equalsIgnoreCase(fieldName)).map(Field::value).findFirst();
    }

    public boolean has(String fieldName) {
        return headers.stream().anyMatch(f -> f.name().equalsIgnoreCase(fieldName));
    }

    private static Field field(String line) {
        int colon = line.indexOf(':');
        return new Field(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }
}

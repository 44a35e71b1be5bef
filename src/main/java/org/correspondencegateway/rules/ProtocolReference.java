package org.correspondencegateway.rules;

import java.util.List;

/**
 * Where a protocol says what a rule enforces: a protocol and its paragraphs (numbers such as "12.3", or
 * a heading and its sentence where the protocol has no numbers, as Dunstable's CORRESPONDENCE).
 *
 * @param protocol the protocol
 * @param paragraphs the paragraphs, as the protocol names them
 */
public record ProtocolReference(Protocol protocol, List<String> paragraphs) {

    public ProtocolReference {
        paragraphs = List.copyOf(paragraphs);
    }

    public static ProtocolReference of(Protocol protocol, String... paragraphs) {
        return new ProtocolReference(protocol, List.of(paragraphs));
    }

    /** "Part 5C 12.3 (001_ad71642fe732859d.txt)". */
    public String cite() {
        return protocol.description() + ", " + String.join(", ", paragraphs) + " (" + protocol.file() + ")";
    }
}

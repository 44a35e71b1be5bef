package org.correspondencegateway.rules.obligation;

/**
 * A sentence that binds the Council: what it does, and the sentence itself.
 *
 * @param kind the kind of act
 * @param sentence the sentence as written
 * @param reading how the sentence was read, for the evidence: "an instruction to the recipient", …
 */
public record Commitment(Kind kind, String sentence, String reading) {

    /** The kinds of act that bind the Council. */
    public enum Kind {
        ACCEPTING("accepts a quotation, tender or terms"),
        ORDERING("places or cancels an order or booking"),
        WORKING("instructs or authorises work"),
        PAYING("commits the Council's money");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}

package org.correspondencegateway.rules.confidential;

import org.correspondencegateway.rules.Evidence;

/**
 * A confidentiality marking found in a message.
 *
 * @param phrase the marking phrase matched, lower case ("private and confidential")
 * @param kind what the marking means
 * @param ownText whether it is in the sender's own message (subject, new text, attachments, headers),
 *     rather than in the quoted history
 * @param evidence the words and where they are
 */
record Marking(String phrase, Kind kind, boolean ownText, Evidence evidence) {

    enum Kind {
        /** Never for anyone outside: "not for circulation", "councillors only", "OFFICIAL-SENSITIVE". */
        INTERNAL,
        /** The letter-writer's "Private and Confidential", protecting the letter's addressee. */
        ADDRESSEE,
        /** Confidential, without saying for whom. */
        GENERAL
    }

    Marking as(Kind other) {
        return new Marking(phrase, other, ownText, evidence);
    }
}

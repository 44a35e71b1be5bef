package org.correspondencegateway.rules.obligation;

/**
 * A word of a sentence with its part of speech (Universal Dependencies tags: VERB, AUX, PRON, NOUN,
 * PROPN, DET, ADP, PART, ADJ, ADV, SCONJ, CCONJ, INTJ, NUM, PUNCT, …) and its lemma.
 *
 * @param word the word as written
 * @param lower the word in lower case
 * @param tag its part of speech
 * @param lemma its dictionary form, lower case
 */
record Token(String word, String lower, String tag, String lemma) {

    boolean is(String... words) {
        for (String w : words) {
            if (lower.equals(w)) {
                return true;
            }
        }
        return false;
    }

    boolean isVerb() {
        return tag.equals("VERB");
    }

    boolean isPunctuation() {
        return tag.equals("PUNCT");
    }
}

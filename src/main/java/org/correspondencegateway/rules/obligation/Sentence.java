package org.correspondencegateway.rules.obligation;

import java.util.List;

/**
 * A sentence as written and as tagged.
 *
 * @param text the sentence as it appears in the message
 * @param tokens its words, tagged
 */
record Sentence(String text, List<Token> tokens) {

    Sentence {
        tokens = List.copyOf(tokens);
    }

    boolean isQuestion() {
        return text.strip().endsWith("?");
    }
}

package org.correspondencegateway.rules.confidential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The marking finder cuts text into paragraphs by hand, for speed; it must cut where the expression
 * {@code \n\s*\n} it replaced would, line for line.
 */
class ParagraphsTest {
    @Test
    void paragraphsHoldTheSameLinesAsTheExpressionCutThem() {
        Random random = new Random(20261123);
        char[] alphabet = {'a', 'b', ' ', '\t', '\r', '\n', '\n', '\u000B', '\f', '\u2003'};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String sample = text.toString();
            assertThat(lines(MarkingFinder.paragraphs(sample)))
                .as("paragraphs of %s", sample.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t"))
                .isEqualTo(lines(Arrays.asList(sample.split("\\n\\s*\\n"))));
        }
    }

    @Test
    void aLetterIsCutAtItsBlankLines() {
        assertThat(MarkingFinder.paragraphs("Dear Mrs Patel,\n\nThank you.\nWe will reply.\n \n\nJo Hughes\n"))
            .containsExactly("Dear Mrs Patel,", "Thank you.\nWe will reply.", "Jo Hughes");
    }

    /** Each paragraph's lines that are not blank (blank lines cannot hold a marking); empty paragraphs dropped. */
    private static List<List<String>> lines(List<String> paragraphs) {
        return paragraphs.stream()
            .map(p -> Arrays.stream(p.split("\\n")).filter(line -> !line.matches("\\s*")).toList())
            .filter(l -> !l.isEmpty())
            .toList();
    }
}

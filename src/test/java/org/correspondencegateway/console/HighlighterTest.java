package org.correspondencegateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Evidence is marked where it stands in the text, whatever its case or line breaks, and nothing else is let through. */
class HighlighterTest {
    @Test
    void evidenceIsMarkedAcrossLineBreaksAndCase() {
        String text = "Below is the note.\nConfidential - Personnel\n  Committee only.\nThanks";
        assertThat(Highlighter.mark(text, List.of("CONFIDENTIAL - Personnel Committee only.")))
            .isEqualTo("Below is the note.\n<mark>Confidential - Personnel\n  Committee only.</mark>\nThanks");
    }

    @Test
    void theTextIsEscapedSoThatAMessageCannotWriteHtmlIntoThePage() {
        assertThat(Highlighter.mark("<script>alert('x')</script> & CONFIDENTIAL", List.of("confidential")))
            .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <mark>CONFIDENTIAL</mark>");
    }

    @Test
    void overlappingEvidenceIsMarkedOnce() {
        assertThat(Highlighter.mark("strictly confidential material", List.of("confidential", "strictly confidential")))
            .isEqualTo("<mark>strictly confidential</mark> material");
    }
}

package org.correspondencegateway.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Optional;

import org.correspondencegateway.gateway.EmbeddedGateway;
import org.correspondencegateway.testing.Documents;
import org.correspondencegateway.testing.Gateways;
import org.correspondencegateway.testing.Readers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tika 3 needs newer libraries than the James 3.8.1 BOM pins (pdfbox 3, commons-io, commons-compress,
 * mime4j, POI's log4j). The pom declares them; this proves the choice: with James running in this JVM,
 * on its classpath, a PDF (page by page) and a Word document (its page header included) are read.
 */
class TikaBesideJamesTest {

    @Test
    void aPdfAndADocxAreReadWhileJamesRunsInTheSameJvm(@TempDir Path data) throws Exception {
        try (EmbeddedGateway gateway = Gateways.start(data, Optional.empty())) {
            assertThat(gateway.smtpPort()).isPositive();

            Extraction pdf = read("staffing-review.pdf", "application/pdf",
                Documents.pdf("PRIVATE AND CONFIDENTIAL\nStaffing review 2026", "Recommendation: two new posts"));
            assertThat(pdf).isInstanceOfSatisfying(Extraction.Extracted.class, extracted -> {
                assertThat(extracted.parts()).extracting(Extraction.Part::label)
                    .containsExactly(Optional.of("page 1"), Optional.of("page 2"));
                assertThat(extracted.parts().get(0).text()).contains("PRIVATE AND CONFIDENTIAL").contains("Staffing review 2026");
                assertThat(extracted.parts().get(1).text()).contains("Recommendation: two new posts");
            });

            Extraction docx = read("grievance.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Documents.docx("Private and Confidential", "Notes of the grievance hearing held on 12 November 2026."));
            assertThat(docx).isInstanceOfSatisfying(Extraction.Extracted.class, extracted -> {
                // Tika writes a DOCX's page header first, as a plain paragraph
                assertThat(extracted.text()).startsWith("Private and Confidential")
                    .contains("Notes of the grievance hearing held on 12 November 2026.");
            });
        }
    }

    static Extraction read(String name, String type, byte[] bytes) throws Exception {
        try (AttachmentContent content = Readers.spool().spool(name, type, new ByteArrayInputStream(bytes))) {
            return Readers.tika().extract(content);
        }
    }
}

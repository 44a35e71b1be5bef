package org.correspondencegateway.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.correspondencegateway.extraction.TikaBesideJamesTest.read;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.correspondencegateway.testing.Documents;
import org.junit.jupiter.api.Test;

/**
 * Attachments as councils send them, and as attackers do: each is read, or comes back "not inspected,
 * because …", never silently skipped.
 */
class AttachmentTextTest {

    @Test
    void aWordDocumentInsideAZipIsReadAndNamed() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("agenda.txt", "Agenda for the Personnel Committee".getBytes());
        entries.put("review.docx", Documents.docx("", "Appendix B: the restructure proposal, not for circulation."));

        Extraction zip = read("papers.zip", "application/zip", Documents.zip(entries));

        assertThat(zip).isInstanceOfSatisfying(Extraction.Extracted.class, extracted -> {
            assertThat(extracted.parts()).anySatisfy(part -> {
                assertThat(part.within()).hasValue("review.docx");
                assertThat(part.text()).contains("not for circulation");
            });
            assertThat(extracted.parts()).anySatisfy(part -> assertThat(part.within()).hasValue("agenda.txt"));
        });
    }

    @Test
    void spreadsheetsRichTextAndOpenDocumentAreRead() throws Exception {
        assertThat(text(read("budget.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Documents.xlsx("2027-28", new String[] {"Line", "Amount"}, new String[] {"Grounds maintenance", "14500"}))))
            .contains("Grounds maintenance").contains("14500");
        assertThat(text(read("letter.rtf", "application/rtf", Documents.rtf("Dear Sir\nWe accept your quotation."))))
            .contains("We accept your quotation.");
        assertThat(text(read("report.odt", "application/vnd.oasis.opendocument.text", Documents.odt("Report of the Town Clerk"))))
            .contains("Report of the Town Clerk");
    }

    @Test
    void anEncryptedPdfIsNotInspectedAndSaysSo() throws Exception {
        Extraction extraction = read("disciplinary.pdf", "application/pdf", Documents.encryptedPdf("CONFIDENTIAL"));

        assertThat(extraction).isEqualTo(new Extraction.NotInspected(Extraction.Reason.ENCRYPTED,
            "disciplinary.pdf is password-protected or encrypted"));
    }

    @Test
    void aZipBombIsStoppedByTheLimits() throws Exception {
        byte[] bomb = Documents.zipBomb(300L * 1024 * 1024);
        assertThat(bomb.length).as("a small file").isLessThan(2 * 1024 * 1024);

        Extraction extraction = read("minutes.zip", "application/zip", bomb);

        assertThat(extraction).isInstanceOfSatisfying(Extraction.NotInspected.class, notInspected -> {
            assertThat(notInspected.reason()).isEqualTo(Extraction.Reason.LIMIT_EXCEEDED);
            assertThat(notInspected.reason().isFailure()).isTrue();
            assertThat(notInspected.detail()).startsWith("minutes.zip was stopped by a safety limit");
        });
    }

    @Test
    void plainTextBeyondTheCharacterLimitIsCutAndSaysSo() throws Exception {
        TikaExtractor small = new TikaExtractor(new ExtractionLimits(10_000_000, 50_000, Duration.ofSeconds(30), 5), 1);
        byte[] text = "The Council resolved to accept the tender.\n".repeat(5_000).getBytes();
        try (AttachmentContent content = new AttachmentSpool(1 << 20, 10_000_000, Files.createTempDirectory("s"))
            .spool("minutes.txt", "text/plain", new ByteArrayInputStream(text))) {
            Extraction extraction = small.extract(content);

            assertThat(extraction).isInstanceOfSatisfying(Extraction.Extracted.class, extracted -> {
                assertThat(extracted.truncated()).isTrue();
                assertThat(extracted.characters()).isLessThanOrEqualTo(50_000).isGreaterThan(40_000);
            });
        } finally {
            small.close();
        }
    }

    @Test
    void anAttachmentOverTheSizeLimitIsNotReadButIsStillRecognisable() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        AttachmentSpool spool = new AttachmentSpool(1 << 20, 2 * 1024 * 1024, Files.createTempDirectory("s"));
        try (AttachmentContent content = spool.spool("scan.pdf", "application/pdf", new ByteArrayInputStream(big))) {
            assertThat(content.isHeld()).isFalse();
            assertThat(content.size()).isEqualTo(big.length);
            assertThat(content.sha256()).hasSize(64);

            Extraction extraction = new TikaExtractor(new ExtractionLimits(2 * 1024 * 1024, 1000, Duration.ofSeconds(5), 5), 1).extract(content);

            assertThat(extraction).isEqualTo(new Extraction.NotInspected(Extraction.Reason.TOO_LARGE,
                "scan.pdf is 3.0 MB, over the 2.0 MB limit for reading attachments"));
        }
    }

    @Test
    void readingThatTakesTooLongStopsAndSaysSo() throws Exception {
        TikaExtractor impatient = new TikaExtractor(new ExtractionLimits(25L << 20, 2_000_000, Duration.ofMillis(1), 5), 1);
        try (AttachmentContent content = new AttachmentSpool(1 << 20, 25L << 20, Files.createTempDirectory("s"))
            .spool("minutes.pdf", "application/pdf", new ByteArrayInputStream(Documents.largePdf(500_000)))) {
            assertThat(impatient.extract(content)).isEqualTo(new Extraction.NotInspected(Extraction.Reason.TIMED_OUT,
                "minutes.pdf took longer than 0 seconds to read"));
        } finally {
            impatient.close();
        }
    }

    @Test
    void aDamagedPdfIsReportedAsSuch() throws Exception {
        byte[] pdf = Documents.pdf("Minutes of the meeting");
        byte[] damaged = Arrays.copyOf(pdf, pdf.length / 3);

        Extraction extraction = read("minutes.pdf", "application/pdf", damaged);

        assertThat(extraction).isInstanceOf(Extraction.NotInspected.class);
        assertThat(((Extraction.NotInspected) extraction).reason()).isIn(Extraction.Reason.CORRUPT, Extraction.Reason.NO_TEXT);
    }

    @Test
    void aPictureHasNoTextAndThatIsNotAFailure() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(20, 10, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);

        Extraction extraction = read("logo.png", "application/octet-stream", png.toByteArray());

        assertThat(extraction).isInstanceOfSatisfying(Extraction.NotInspected.class, n -> {
            assertThat(n.reason()).isEqualTo(Extraction.Reason.NO_TEXT);
            assertThat(n.reason().isFailure()).isFalse();
        });
        assertThat(Optional.of(extraction)).isPresent();
    }

    private static String text(Extraction extraction) {
        assertThat(extraction).isInstanceOf(Extraction.Extracted.class);
        return ((Extraction.Extracted) extraction).text();
    }
}

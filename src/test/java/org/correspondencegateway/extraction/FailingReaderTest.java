package org.correspondencegateway.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.correspondencegateway.testing.FaultyParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tika's parsers are many and not all are well-behaved: one throws, one has a bug, one asks for more
 * memory than there is, one never finishes. Each gives an explicit "not inspected" and the reader goes on.
 */
class FailingReaderTest {
    @TempDir
    Path spool;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        throw   | CORRUPT   | survey.fault could not be read (TikaException: the parser cannot make sense of this file)
        crash   | CORRUPT   | survey.fault could not be read (TikaException: Unexpected RuntimeException
        memory  | FAILED    | survey.fault needed more memory than the gateway has to read it
        hang 10 | TIMED_OUT | survey.fault took longer than 1 seconds to read
        """)
    void aFailingParserGivesAnExplicitOutcome(String instruction, Extraction.Reason reason, String detail) throws Exception {
        try (TikaExtractor tika = new TikaExtractor(new ExtractionLimits(25L << 20, 2_000_000, Duration.ofSeconds(1), 5), 1);
             AttachmentContent content = new AttachmentSpool(1 << 20, 25L << 20, spool).spool("survey.fault", FaultyParser.TYPE,
                 new ByteArrayInputStream(FaultyParser.attachment(instruction)))) {
            Extraction extraction = tika.extract(content);

            assertThat(extraction).isInstanceOfSatisfying(Extraction.NotInspected.class, notInspected -> {
                assertThat(notInspected.reason()).isEqualTo(reason);
                assertThat(notInspected.reason().isFailure()).isTrue();
                assertThat(notInspected.detail()).startsWith(detail);
            });
        }
    }

    @Test
    void aParserThatWillNotStopDoesNotStopTheNextAttachment() throws Exception {
        try (TikaExtractor tika = new TikaExtractor(new ExtractionLimits(25L << 20, 2_000_000, Duration.ofSeconds(1), 5), 2);
             AttachmentContent stuck = new AttachmentSpool(1 << 20, 25L << 20, spool).spool("stuck.fault", FaultyParser.TYPE,
                 new ByteArrayInputStream(FaultyParser.attachment("hang 5")));
             AttachmentContent letter = new AttachmentSpool(1 << 20, 25L << 20, spool).spool("letter.txt", "text/plain",
                 new ByteArrayInputStream("Dear Mrs Patel".getBytes(StandardCharsets.US_ASCII)))) {
            assertThat(tika.extract(stuck)).isInstanceOf(Extraction.NotInspected.class);
            assertThat(tika.extract(letter)).isInstanceOfSatisfying(Extraction.Extracted.class,
                extracted -> assertThat(extracted.text()).contains("Dear Mrs Patel"));
        }
    }
}

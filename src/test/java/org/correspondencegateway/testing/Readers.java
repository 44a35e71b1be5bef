package org.correspondencegateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.correspondencegateway.extraction.AttachmentSpool;
import org.correspondencegateway.extraction.ExtractionLimits;
import org.correspondencegateway.extraction.TikaExtractor;
import org.correspondencegateway.memory.CorrespondenceMemory;
import org.correspondencegateway.message.Correspondence;
import org.correspondencegateway.message.CorrespondenceReader;
import org.correspondencegateway.message.Envelope;

/** Message readers for tests, over the sample council's directory and a real Tika. */
public final class Readers {
    /** One Tika for the test JVM: building its parsers takes a second or two. */
    private static final TikaExtractor TIKA = new TikaExtractor(ExtractionLimits.DEFAULT, 2);

    private Readers() {
    }

    public static TikaExtractor tika() {
        return TIKA;
    }

    public static AttachmentSpool spool() {
        try {
            return new AttachmentSpool(1024 * 1024, ExtractionLimits.DEFAULT.maxBytes(), Files.createTempDirectory("spool"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CorrespondenceReader reader() {
        return reader(CorrespondenceMemory.NONE);
    }

    public static CorrespondenceReader reader(CorrespondenceMemory memory) {
        return new CorrespondenceReader(Council::directory, TIKA, spool(), memory);
    }

    /** Reads a message from {@code src/test/resources/messages/}, with the given envelope. */
    public static Correspondence read(String name, String envelopeSender, List<String> envelopeRecipients) {
        return read(reader(), name, envelopeSender, envelopeRecipients);
    }

    public static Correspondence read(CorrespondenceReader reader, String name, String envelopeSender, List<String> envelopeRecipients) {
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/messages", name))) {
            return reader.read(in, Envelope.of(envelopeSender, envelopeRecipients));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

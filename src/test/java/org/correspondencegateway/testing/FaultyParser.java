package org.correspondencegateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.xml.sax.ContentHandler;

/**
 * A Tika parser that fails on purpose, for the fault tests: it reads {@code *.fault} attachments
 * (media type {@value #TYPE}, declared in {@code org/apache/tika/mime/custom-mimetypes.xml} on the test
 * classpath; its content starts with a NUL byte, so that Tika sees a binary file and goes by the name) and
 * does what the rest of its content says:
 * <ul>
 *   <li>{@code throw}: throws a {@link TikaException}, as a parser does on a file it cannot make sense of;
 *   <li>{@code crash}: throws a {@link NullPointerException}, as a parser with a bug does;
 *   <li>{@code memory}: asks for a 16 GB array, as a parser trusting a damaged length field does, and gets
 *       an {@link OutOfMemoryError};
 *   <li>{@code hang N}: runs for N seconds and ignores interruption, as a parser stuck in a loop does.
 * </ul>
 * Registered through Tika's own extension point ({@code META-INF/services/org.apache.tika.parser.Parser}),
 * so it runs inside the real Tika of a real gateway.
 */
public final class FaultyParser implements Parser {
    public static final String TYPE = "application/x-correspondence-fault";
    private static final String MAGIC = "\0FAULT:";
    private static final long serialVersionUID = 1L;

    /** An attachment's content that makes this parser do {@code instruction}. */
    public static byte[] attachment(String instruction) {
        return (MAGIC + " " + instruction).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
        return Set.of(MediaType.parse(TYPE));
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
        throws IOException, TikaException {
        String content = new String(stream.readAllBytes(), StandardCharsets.US_ASCII);
        String instruction = content.startsWith(MAGIC) ? content.substring(MAGIC.length()).strip() : content.strip();
        if (instruction.equals("throw")) {
            throw new TikaException("the parser cannot make sense of this file");
        }
        if (instruction.equals("crash")) {
            Object nothing = null;
            nothing.hashCode();
        }
        if (instruction.equals("memory")) {
            long[] huge = new long[Integer.MAX_VALUE - 8];
            huge[huge.length - 1] = 1;
        }
        if (instruction.startsWith("hang ")) {
            long until = System.nanoTime() + Duration.ofSeconds(Long.parseLong(instruction.substring(5).strip())).toNanos();
            while (System.nanoTime() < until) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ignored) {
                    // a stuck parser does not stop when asked
                }
            }
            return;
        }
        throw new TikaException("no fault named '" + instruction + "'");
    }
}

package org.correspondencegateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sample mail from {@code src/test/resources/}, as a mail client sends it: CRLF line
 * ends, and a Message-ID of their own each time, so that tests sharing a gateway can tell their mail apart.
 */
public final class Letters {
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*<([^>]+)>");
    private static final AtomicInteger SENT = new AtomicInteger();

    private Letters() {
    }

    /** A letter as sent once. */
    public record Letter(String messageId, String raw) {
        /** The same letter with {@code field} added at the top of its header. */
        public Letter withField(String field) {
            return new Letter(messageId, field + "\r\n" + raw);
        }
    }

    /**
     * The letter in {@code path}, under src/test/resources ({@code letters/} for the gateway's stories,
     * {@code messages/} for the mail clients' shapes), with a fresh Message-ID.
     */
    public static Letter letter(String path) {
        String name = path;
        try {
            String text = Files.readString(Path.of("src/test/resources", path), StandardCharsets.ISO_8859_1);
            String crlf = text.replace("\r\n", "\n").replace("\n", "\r\n");
            Matcher id = MESSAGE_ID.matcher(crlf);
            if (!id.find()) {
                throw new IllegalArgumentException(name + " has no Message-ID");
            }
            String fresh = "sent-" + SENT.incrementAndGet() + "." + id.group(1);
            return new Letter(fresh, crlf.substring(0, id.start(1)) + fresh + crlf.substring(id.end(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

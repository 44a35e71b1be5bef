package org.correspondencegateway.message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.mail.MessagingException;
import javax.mail.Part;
import javax.mail.internet.ContentType;
import javax.mail.internet.ParseException;

import org.mozilla.universalchardet.UniversalDetector;

/**
 * The text of a text/plain or text/html MIME part, its transfer encoding undone and its charset applied.
 * A charset Java does not know, a missing charset on 8-bit text, or a damaged transfer encoding do not
 * stop the reading: the charset is detected (juniversalchardet) or taken as windows-1252, and the
 * problem is reported.
 */
final class PartText {
    private static final int MAX_TEXT_BYTES = 8 * 1024 * 1024;

    private PartText() {
    }

    /**
     * @param text the decoded text
     * @param problem what had to be guessed or mended, if anything
     */
    record Decoded(String text, Optional<String> problem) {
    }

    static Decoded read(Part part, String where) throws MessagingException {
        ContentType type = contentType(part);
        String declared = type.getParameter("charset");
        byte[] bytes;
        Optional<String> transferProblem = Optional.empty();
        try (InputStream in = part.getInputStream()) {
            bytes = readBounded(in);
        } catch (IOException e) {
            // a damaged base64 or quoted-printable body: read it as it stands
            transferProblem = Optional.of(where + ": its transfer encoding is damaged (" + e.getMessage() + "); read as raw text");
            bytes = raw(part);
        }
        Optional<Charset> charset = charset(declared);
        String text;
        Optional<String> charsetProblem = Optional.empty();
        if (charset.isPresent()) {
            text = new String(bytes, charset.get());
        } else {
            Charset guessed = detect(bytes);
            text = new String(bytes, guessed);
            if (declared != null) {
                charsetProblem = Optional.of(where + ": unknown charset '" + declared + "'; read as " + guessed.name());
            } else if (!isAscii(bytes)) {
                charsetProblem = Optional.of(where + ": no charset given for 8-bit text; read as " + guessed.name());
            }
        }
        if ("flowed".equalsIgnoreCase(type.getParameter("format"))) {
            text = unflow(text, "yes".equalsIgnoreCase(type.getParameter("delsp")));
        }
        Optional<String> problem = transferProblem;
        if (charsetProblem.isPresent()) {
            problem = Optional.of(problem.map(p -> p + "; ").orElse("") + charsetProblem.get());
        }
        return new Decoded(text.replace("\r\n", "\n").replace('\r', '\n'), problem);
    }

    static ContentType contentType(Part part) {
        try {
            String value = part.getContentType();
            return new ContentType(value == null ? "text/plain" : value);
        } catch (MessagingException e) {
            try {
                return new ContentType("application/octet-stream");
            } catch (ParseException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    private static Optional<Charset> charset(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String cleaned = name.strip().replace("\"", "");
        try {
            return Optional.of(Charset.forName(javaName(cleaned)));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** MIME names Java spells differently. */
    private static String javaName(String mimeName) {
        String lower = mimeName.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "utf8" -> "UTF-8";
            case "ansi_x3.4-1968", "ascii", "us_ascii" -> "US-ASCII";
            case "latin1", "latin-1" -> "ISO-8859-1";
            default -> lower.startsWith("x-") && Charset.isSupported(lower.substring(2)) ? lower.substring(2) : mimeName;
        };
    }

    private static Charset detect(byte[] bytes) {
        if (isAscii(bytes)) {
            return StandardCharsets.US_ASCII;
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, Math.min(bytes.length, 64 * 1024));
        detector.dataEnd();
        String detected = detector.getDetectedCharset();
        if (detected != null && Charset.isSupported(detected)) {
            return Charset.forName(detected);
        }
        return Charset.forName("windows-1252");
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] raw(Part part) throws MessagingException {
        if (part instanceof javax.mail.internet.MimePart mimePart) {
            try (InputStream in = mimePart instanceof javax.mail.internet.MimeBodyPart body ? body.getRawInputStream()
                : ((javax.mail.internet.MimeMessage) mimePart).getRawInputStream()) {
                return readBounded(in);
            } catch (IOException e) {
                return new byte[0];
            }
        }
        return new byte[0];
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int read;
        while ((read = in.read(buffer)) > 0) {
            if (out.size() + read > MAX_TEXT_BYTES) {
                out.write(buffer, 0, MAX_TEXT_BYTES - out.size());
                break;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /**
     * RFC 3676: a line ending in a space continues on the next line of the same quote depth (whose
     * {@code >} prefix is then dropped); the signature separator does not continue.
     */
    static String unflow(String text, boolean deleteSpace) {
        StringBuilder out = new StringBuilder();
        List<String> lines = text.replace("\r\n", "\n").lines().toList();
        boolean continuing = false;
        int depth = 0;
        for (String line : lines) {
            int lineDepth = quoteDepth(line);
            String content = line.substring(lineDepth);
            if (content.startsWith(" ")) {
                content = content.substring(1); // space-stuffing
            }
            if (!continuing || lineDepth != depth) {
                if (continuing) {
                    out.append('\n');
                }
                out.append(">".repeat(lineDepth)).append(lineDepth > 0 ? " " : "");
            }
            boolean soft = content.endsWith(" ") && !content.equals("-- ");
            out.append(soft && deleteSpace ? content.substring(0, content.length() - 1) : content);
            if (!soft) {
                out.append('\n');
            }
            continuing = soft;
            depth = lineDepth;
        }
        return out.toString();
    }

    private static int quoteDepth(String line) {
        int depth = 0;
        while (depth < line.length() && line.charAt(depth) == '>') {
            depth++;
        }
        return depth;
    }
}

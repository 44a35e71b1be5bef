package org.correspondencegateway.console;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeUtility;

import org.correspondencegateway.message.HtmlToText;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * A held or flagged message as the console shows it: its text, its HTML made safe, and its attachments.
 *
 * <p>The HTML keeps its formatting only: scripts, styles, forms, frames and every image are dropped, and
 * links open nothing by themselves ({@code rel="noopener noreferrer nofollow"}), so reading a message never
 * fetches remote content or runs anything; the console's Content-Security-Policy forbids both as well.
 * Attachments are offered for download only, never shown inline.
 *
 * @param text the message's text: the plain-text version, or the HTML version turned into text
 * @param safeHtml the HTML version, sanitised, when there is one
 * @param attachments the attachments, numbered in the order they appear
 * @param problem why the message could not be read in full, when it could not
 */
public record MessageView(String text, Optional<String> safeHtml, List<AttachmentView> attachments, Optional<String> problem) {
    private static final int MOST_PARTS = 500;
    private static final int DEEPEST = 30;
    private static final Safelist SAFE = Safelist.relaxed().removeTags("img")
        .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow");

    public MessageView {
        attachments = List.copyOf(attachments);
    }

    /**
     * @param index its number, for its download address
     * @param name its file name
     * @param contentType its declared type
     * @param size its size in bytes, decoded
     */
    public record AttachmentView(int index, String name, String contentType, long size) {
        public String sizeInWords() {
            return size < 1024 ? size + " bytes" : size < 1024 * 1024 ? (size / 1024) + " KB" : String.format("%.1f MB", size / 1048576.0);
        }
    }

    /** An attachment's bytes, for download. */
    public record Download(String name, byte[] content) {
    }

    /** Reads {@code raw}; never throws: what cannot be read is said in {@link #problem()}. */
    public static MessageView of(byte[] raw) {
        Walk walk = new Walk();
        try {
            walk.part(message(raw), 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            walk.problem = Optional.of("the message could not be read in full (" + e.getMessage() + "); download the original to see it");
        }
        String text = walk.plain.or(() -> walk.html.map(HtmlToText::convert)).orElse("");
        return new MessageView(text, walk.html.map(html -> Jsoup.clean(html, SAFE)), walk.attachments, walk.problem);
    }

    /** Attachment {@code index} of {@code raw}, as {@link #of} numbered it. */
    public static Optional<Download> attachment(byte[] raw, int index) {
        Walk walk = new Walk();
        walk.wanted = index;
        try {
            walk.part(message(raw), 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            return Optional.empty();
        }
        return walk.download;
    }

    private static MimeMessage message(byte[] raw) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    /** One pass over the MIME tree. */
    private static final class Walk {
        Optional<String> plain = Optional.empty();
        Optional<String> html = Optional.empty();
        final List<AttachmentView> attachments = new ArrayList<>();
        Optional<String> problem = Optional.empty();
        int parts;
        int wanted = -1;
        Optional<Download> download = Optional.empty();

        void part(Part part, int depth) throws MessagingException, IOException {
            if (++parts > MOST_PARTS || depth > DEEPEST) {
                problem = Optional.of("the message has more parts than the console shows; download the original to see it all");
                return;
            }
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    part(child, depth + 1);
                }
                return;
            }
            Optional<String> fileName = fileName(part);
            boolean attachment = fileName.isPresent() || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                || !(part.isMimeType("text/plain") || part.isMimeType("text/html"));
            if (!attachment && part.isMimeType("text/plain") && plain.isEmpty()) {
                plain = Optional.of(String.valueOf(part.getContent()));
            } else if (!attachment && part.isMimeType("text/html") && html.isEmpty()) {
                html = Optional.of(String.valueOf(part.getContent()));
            } else if (attachment) {
                int index = attachments.size() + 1;
                String type = Optional.ofNullable(part.getContentType()).map(t -> t.split(";")[0].strip()).orElse("application/octet-stream");
                String name = fileName.orElse("attachment-" + index);
                if (index == wanted) {
                    byte[] content = bytes(part);
                    download = Optional.of(new Download(name, content));
                    attachments.add(new AttachmentView(index, name, type, content.length));
                } else {
                    try (InputStream in = part.getInputStream()) {
                        attachments.add(new AttachmentView(index, name, type, in.transferTo(java.io.OutputStream.nullOutputStream())));
                    }
                }
            }
        }

        private static Optional<String> fileName(Part part) {
            try {
                return Optional.ofNullable(part.getFileName()).map(name -> {
                    try {
                        return MimeUtility.decodeText(name);
                    } catch (java.io.UnsupportedEncodingException e) {
                        return name;
                    }
                }).map(name -> name.replaceAll("[\\\\/\\r\\n\\t\"]", "_").strip()).filter(name -> !name.isEmpty());
            } catch (MessagingException e) {
                return Optional.empty();
            }
        }

        private static byte[] bytes(Part part) throws MessagingException, IOException {
            try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                in.transferTo(out);
                return out.toByteArray();
            }
        }
    }
}

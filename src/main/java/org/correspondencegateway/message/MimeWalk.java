package org.correspondencegateway.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.internet.ContentType;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeUtility;

/**
 * Walks a message's MIME tree once and sorts what it finds: body text (one alternative of each
 * multipart/alternative, plain text preferred), attachments, attached messages, and whether the message
 * is signed or encrypted. A part that cannot be read is reported and skipped over, never the walk.
 *
 * <p>Not thread-safe: one per message.
 */
final class MimeWalk {
    /** Attached messages inside attached messages are followed this deep, then treated as files. */
    static final int MAX_MESSAGE_DEPTH = 5;
    private static final int MAX_PARTS = 2_000;
    /** Multiparts inside multiparts are opened this deep; deeper ones are not read. */
    static final int MAX_MULTIPART_NESTING = 50;

    record PendingAttachment(Part part, String name, String contentType) {
    }

    final List<String> texts = new ArrayList<>();
    final List<PendingAttachment> attachments = new ArrayList<>();
    final List<MimeMessage> attachedMessages = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    boolean signed;
    boolean encrypted;
    /** What a safety limit kept the walk from reading: the message cannot be fully checked. */
    final List<String> unread = new ArrayList<>();
    private int parts;
    private int nesting;

    private final Session session;
    private final int depth;

    MimeWalk(Session session, int depth) {
        this.session = session;
        this.depth = depth;
    }

    void walk(Part part, String where) {
        if (++parts > MAX_PARTS) {
            if (parts == MAX_PARTS + 1) {
                unread.add("the message has more than " + MAX_PARTS + " MIME parts; the rest were not read");
            }
            return;
        }
        ContentType type = PartText.contentType(part);
        String base = type.getBaseType().toLowerCase(Locale.ROOT);
        try {
            if (base.startsWith("multipart/")) {
                multipart(part, base, where);
            } else if (base.equals("application/pkcs7-mime") || base.equals("application/x-pkcs7-mime")) {
                String smime = Optional.ofNullable(type.getParameter("smime-type")).orElse("").toLowerCase(Locale.ROOT);
                if (smime.contains("signed")) {
                    signed = true;
                    problems.add(where + ": S/MIME signed content inside the signature (opaque signing) was not read");
                } else {
                    encrypted = true;
                    problems.add(where + ": S/MIME encrypted content; its text could not be read");
                }
            } else if (base.equals("application/pkcs7-signature") || base.equals("application/x-pkcs7-signature")
                || base.equals("application/pgp-signature")) {
                signed = true;
            } else if ((base.equals("message/rfc822") || base.equals("message/global")) && depth < MAX_MESSAGE_DEPTH) {
                attachedMessage(part, where);
            } else if (isBodyText(part, base)) {
                PartText.Decoded decoded = PartText.read(part, where);
                decoded.problem().ifPresent(problems::add);
                texts.add(base.equals("text/html") ? HtmlToText.convert(decoded.text()) : decoded.text());
            } else {
                attachments.add(new PendingAttachment(part, name(part, base), base));
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            problems.add(where + " (" + base + ") could not be read: " + describe(e));
        }
    }

    private void multipart(Part part, String base, String where) throws MessagingException {
        if (nesting >= MAX_MULTIPART_NESTING) {
            if (unread.stream().noneMatch(u -> u.startsWith("multiparts are nested"))) {
                unread.add("multiparts are nested more than " + MAX_MULTIPART_NESTING + " deep; the innermost parts were not read");
            }
            return;
        }
        nesting++;
        try {
            openMultipart(part, base, where);
        } finally {
            nesting--;
        }
    }

    private void openMultipart(Part part, String base, String where) throws MessagingException {
        Multipart multipart;
        int count;
        try {
            Object content = part.getContent();
            if (!(content instanceof Multipart parsed)) {
                problems.add(where + ": declared " + base + " but is not multipart; read as text");
                readRawAsText(part);
                return;
            }
            multipart = parsed;
            count = multipart.getCount();
        } catch (MessagingException | IOException | RuntimeException e) {
            problems.add(where + ": " + base + " is malformed (" + describe(e) + "); its body was read as plain text");
            readRawAsText(part);
            return;
        }
        switch (base) {
            case "multipart/alternative" -> alternative(multipart, count, where);
            case "multipart/signed" -> {
                signed = true;
                if (count > 0) {
                    walk(multipart.getBodyPart(0), where + " part 1");
                }
            }
            case "multipart/encrypted" -> {
                encrypted = true;
                problems.add(where + ": PGP/MIME encrypted content; its text could not be read");
            }
            default -> {
                for (int i = 0; i < count; i++) {
                    walk(multipart.getBodyPart(i), where + " part " + (i + 1));
                }
            }
        }
    }

    /** One alternative: plain text when it says something, else the richest other. */
    private void alternative(Multipart multipart, int count, String where) throws MessagingException {
        int plain = -1;
        int other = -1;
        for (int i = 0; i < count; i++) {
            String base = PartText.contentType(multipart.getBodyPart(i)).getBaseType().toLowerCase(Locale.ROOT);
            if (base.equals("text/plain") && plain < 0) {
                plain = i;
            } else if (base.equals("text/html") || base.startsWith("multipart/")) {
                other = i;
            }
        }
        if (plain >= 0) {
            BodyPart plainPart = multipart.getBodyPart(plain);
            PartText.Decoded decoded = PartText.read(plainPart, where + " part " + (plain + 1));
            if (!decoded.text().isBlank() || other < 0) {
                decoded.problem().ifPresent(problems::add);
                texts.add(decoded.text());
                if (other >= 0 && PartText.contentType(multipart.getBodyPart(other)).getBaseType().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                    collectFiles(multipart.getBodyPart(other), where + " part " + (other + 1));
                }
                return;
            }
        }
        if (other >= 0) {
            walk(multipart.getBodyPart(other), where + " part " + (other + 1));
        } else if (count > 0) {
            walk(multipart.getBodyPart(count - 1), where + " part " + count);
        }
    }

    /** The files inside an alternative not read as text (e.g. a multipart/related's inline pictures). */
    private void collectFiles(Part part, String where) {
        MimeWalk files = new MimeWalk(session, depth);
        files.walk(part, where);
        attachments.addAll(files.attachments);
        attachedMessages.addAll(files.attachedMessages);
    }

    private void attachedMessage(Part part, String where) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof MimeMessage message) {
            attachedMessages.add(message);
        } else {
            try (InputStream in = part.getInputStream()) {
                attachedMessages.add(new MimeMessage(session, in));
            }
        }
    }

    private void readRawAsText(Part part) throws MessagingException {
        PartText.Decoded decoded = PartText.read(part, "the body");
        texts.add(decoded.text());
    }

    private static boolean isBodyText(Part part, String base) throws MessagingException {
        if (!base.equals("text/plain") && !base.equals("text/html")) {
            return false;
        }
        String disposition = safeDisposition(part);
        if (Part.ATTACHMENT.equalsIgnoreCase(disposition)) {
            return false;
        }
        return disposition != null || safeFileName(part) == null;
    }

    static String name(Part part, String base) {
        String name = safeFileName(part);
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        String subtype = base.contains("/") ? base.substring(base.indexOf('/') + 1) : base;
        return "unnamed " + subtype + " attachment";
    }

    private static String safeDisposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String safeFileName(Part part) {
        try {
            String name = part.getFileName();
            if (name != null && name.contains("=?")) {
                try {
                    name = MimeUtility.decodeText(name);
                } catch (UnsupportedEncodingException e) {
                    return name;
                }
            }
            return name;
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}

package org.correspondencegateway.action;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.internet.ContentType;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimePart;

import org.correspondencegateway.message.NewTextFoot;

/**
 * Does what the protocol asks on the sender's behalf: adds "CC Councillor X" at the foot of the new
 * text for each silently copied councillor, in every text/plain and text/html body part (both
 * alternatives), leaving attachments, the MIME structure and each part's other content-type parameters
 * as they were. A part keeps its charset when it can carry the added words, and becomes UTF-8 when it
 * cannot. A signed message is never altered: {@link #apply} says so and changes nothing.
 */
public final class Disclosure {
    private Disclosure() {
    }

    /** "CC Councillor Hannah Price" for each name, the protocol's own wording. */
    public static List<String> lines(List<String> councillors) {
        return councillors.stream().map(name -> "CC " + name).toList();
    }

    /**
     * Adds {@code lines} to {@code message}'s body text.
     *
     * @return true when the message was changed; false when it is signed or has no body text
     */
    public static boolean apply(MimeMessage message, List<String> lines) throws MessagingException, IOException {
        if (isSigned(message)) {
            return false;
        }
        boolean changed = body(message, lines);
        if (changed) {
            message.saveChanges();
        }
        return changed;
    }

    private static boolean body(Part part, List<String> lines) throws MessagingException, IOException {
        ContentType type = new ContentType(part.getContentType());
        String base = type.getBaseType().toLowerCase(Locale.ROOT);
        if (base.startsWith("multipart/")) {
            Multipart multipart = (Multipart) part.getContent();
            boolean changed = false;
            int count = base.equals("multipart/mixed") || base.equals("multipart/related") ? Math.min(1, multipart.getCount()) : multipart.getCount();
            for (int i = 0; i < count; i++) {
                BodyPart child = multipart.getBodyPart(i);
                changed |= body(child, lines);
            }
            if (changed && part instanceof MimePart) {
                // the multipart's children changed; it must be written out again
                part.setContent(multipart);
            }
            return changed;
        }
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (attached || !(base.equals("text/plain") || base.equals("text/html"))) {
            return false;
        }
        String text = String.valueOf(part.getContent());
        if (text.contains("-----BEGIN PGP SIGNED MESSAGE-----")) {
            return false;
        }
        String changed = base.equals("text/html") ? NewTextFoot.html(text, lines) : NewTextFoot.plain(text, lines);
        String charset = charsetFor(type.getParameter("charset"), changed);
        type.setParameter("charset", charset);
        part.setContent(changed, type.toString());
        part.setHeader("Content-Type", type.toString());
        if (part instanceof MimePart mime) {
            mime.setHeader("Content-Transfer-Encoding", "quoted-printable");
        }
        return true;
    }

    private static String charsetFor(String declared, String text) {
        try {
            if (declared != null && Charset.forName(declared).newEncoder().canEncode(text)) {
                return declared;
            }
        } catch (RuntimeException e) {
            // an unknown charset: use UTF-8
        }
        return StandardCharsets.UTF_8.name();
    }

    private static boolean isSigned(MimeMessage message) throws MessagingException {
        String type = new ContentType(message.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        return type.equals("multipart/signed") || type.equals("application/pkcs7-mime") || type.equals("application/x-pkcs7-mime")
            || type.equals("multipart/encrypted");
    }
}

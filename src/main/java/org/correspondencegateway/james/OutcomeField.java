package org.correspondencegateway.james;

import java.io.IOException;
import java.io.InputStream;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.james.server.core.MimeMessageWrapper;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets or removes one header field of a mail in transit, keeping the body exactly as it was received.
 *
 * <p>James writes a message whose header changed by first saving it ({@code MimeMessage.saveChanges}),
 * which re-reads every MIME part. A message whose MIME structure is broken (a multipart without its
 * boundary, say) cannot be re-read, so a mailet that changes one field would leave it impossible to
 * store or send: it would end in the error repository. Here the change is saved at once; when saving
 * fails, the mail's message is replaced by the same bytes with the changed field, in a message that is
 * written as it stands and never re-read. Such a message is held in memory while it passes through
 * (the broken ones only).
 */
final class OutcomeField {
    private static final Logger LOGGER = LoggerFactory.getLogger(OutcomeField.class);

    private OutcomeField() {
    }

    /** Sets {@code name} to {@code value} on {@code mail}'s message. */
    static void set(Mail mail, String name, String value) throws MessagingException {
        MimeMessage message = mail.getMessage();
        message.setHeader(name, value);
        keepWritable(mail, message);
    }

    /** Removes every {@code name} field from {@code mail}'s message, if it has any. */
    static void remove(Mail mail, String name) throws MessagingException {
        MimeMessage message = mail.getMessage();
        if (message.getHeader(name) != null) {
            message.removeHeader(name);
            keepWritable(mail, message);
        }
    }

    private static void keepWritable(Mail mail, MimeMessage message) throws MessagingException {
        try {
            message.saveChanges();
        } catch (MessagingException | RuntimeException malformed) {
            if (!(message instanceof MimeMessageWrapper wrapper)) {
                throw malformed;
            }
            // the changed header fields, followed by the body as received
            try (InputStream asReceived = wrapper.getMessageInputStream()) {
                mail.setMessage(new AsReceived(asReceived));
            } catch (IOException e) {
                throw new MessagingException("cannot copy " + mail.getName(), e);
            }
            LOGGER.info("{}: its MIME structure is malformed ({}); it is kept and sent byte for byte as received",
                mail.getName(), malformed.getMessage());
        }
    }

    /** A message written exactly as read: saving it changes nothing. */
    private static final class AsReceived extends MimeMessage {
        AsReceived(InputStream in) throws MessagingException {
            super(Session.getDefaultInstance(System.getProperties()), in);
        }

        @Override
        protected void updateHeaders() {
            // as received: no re-reading of the parts, no new Message-ID
        }
    }
}

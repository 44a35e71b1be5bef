package org.correspondencegateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import javax.activation.DataHandler;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.util.ByteArrayDataSource;

/** Builds a MIME message the way a mail client would, for tests that need attachments. */
public final class MailBuilder {
    private record File(String name, String type, byte[] content) {
    }

    private String from = "j.hughes@prioryvale-tc.example";
    private final List<String> to = new ArrayList<>();
    private final List<String> cc = new ArrayList<>();
    private String subject = "";
    private String text = "";
    private String messageId;
    private String inReplyTo;
    private final List<File> files = new ArrayList<>();

    public static MailBuilder mail() {
        return new MailBuilder();
    }

    public MailBuilder from(String address) {
        this.from = address;
        return this;
    }

    public MailBuilder to(String... addresses) {
        to.addAll(List.of(addresses));
        return this;
    }

    public MailBuilder cc(String... addresses) {
        cc.addAll(List.of(addresses));
        return this;
    }

    public MailBuilder subject(String value) {
        this.subject = value;
        return this;
    }

    public MailBuilder text(String value) {
        this.text = value;
        return this;
    }

    public MailBuilder messageId(String value) {
        this.messageId = value;
        return this;
    }

    public MailBuilder inReplyTo(String value) {
        this.inReplyTo = value;
        return this;
    }

    public MailBuilder attach(String name, String type, byte[] content) {
        files.add(new File(name, type, content));
        return this;
    }

    public MimeMessage build() {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId != null ? "<" + messageId + ">" : "<" + System.nanoTime() + "@test.example>");
                }
            };
            message.setFrom(new InternetAddress(from));
            for (String address : to) {
                message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address));
            }
            for (String address : cc) {
                message.addRecipient(MimeMessage.RecipientType.CC, new InternetAddress(address));
            }
            message.setSubject(subject, "UTF-8");
            message.setSentDate(new Date());
            if (inReplyTo != null) {
                message.setHeader("In-Reply-To", "<" + inReplyTo + ">");
                message.setHeader("References", "<" + inReplyTo + ">");
            }
            if (files.isEmpty()) {
                message.setText(text, "UTF-8");
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart body = new MimeBodyPart();
                body.setText(text, "UTF-8");
                mixed.addBodyPart(body);
                for (File file : files) {
                    MimeBodyPart part = new MimeBodyPart();
                    part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.type())));
                    part.setFileName(file.name());
                    part.setDisposition(MimeBodyPart.ATTACHMENT);
                    mixed.addBodyPart(part);
                }
                message.setContent(mixed);
            }
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message as bytes on the wire. */
    public byte[] bytes() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            build().writeTo(out);
            return out.toByteArray();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

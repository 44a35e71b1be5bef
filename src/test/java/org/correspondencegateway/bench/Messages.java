package org.correspondencegateway.bench;

import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Optional;

import javax.activation.DataHandler;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.util.ByteArrayDataSource;

import org.correspondencegateway.testing.DeliverySink;

/** Messages for load runs and benchmarks: an officer of the sample council writing to a resident, of a chosen size. */
final class Messages {
    private static final String PARAGRAPH = "Thank you for your email about the overhanging trees on Priory Road. "
        + "The tree officer has inspected the site and will report to the Environment Committee on 4 December. "
        + "In the meantime the footpath remains open and the Council will keep residents informed of any works. ";

    private Messages() {
    }

    /** Plain ASCII text of {@code bytes} bytes, in lines of at most 78 characters. */
    static String textBody(int bytes) {
        StringBuilder body = new StringBuilder("Dear Mrs Patel,\r\n\r\n");
        int column = 0;
        for (int i = 0; body.length() < bytes - 40; i = (i + 1) % PARAGRAPH.length()) {
            char c = PARAGRAPH.charAt(i);
            if (c == ' ' && column > 70) {
                body.append("\r\n");
                column = 0;
            } else {
                body.append(c);
                column++;
            }
        }
        return body.append("\r\n\r\nKind regards,\r\nJo Hughes\r\n").toString();
    }

    /** Jo Hughes (an officer) to Mrs Patel, a resident, plain text. */
    static MimeMessage officerLetter(Session session, String sequence, String body) throws MessagingException {
        return officerLetter(session, sequence, body, Optional.empty());
    }

    /** Jo Hughes (an officer) to Mrs Patel, a resident, with {@code pdf} attached as tree-survey.pdf if given. */
    static MimeMessage officerLetter(Session session, String sequence, String body, Optional<byte[]> pdf) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        try {
            message.setFrom(new InternetAddress("j.hughes@prioryvale-tc.example", "Jo Hughes", "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("every Java has UTF-8", e);
        }
        message.setRecipients(MimeMessage.RecipientType.TO, "Mrs Patel <m.patel@resident.example>");
        message.setSubject("Re: Overhanging trees on Priory Road");
        message.setSentDate(new Date());
        if (pdf.isEmpty()) {
            message.setText(body, "us-ascii");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, "us-ascii");
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf.get(), "application/pdf")));
            attachment.setFileName("tree-survey.pdf");
            message.setContent(new MimeMultipart(text, attachment));
        }
        message.setHeader(DeliverySink.SEQUENCE_HEADER, sequence);
        message.saveChanges();
        return message;
    }
}

package org.correspondencegateway.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import javax.mail.Address;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

/**
 * A real SMTP client (JavaMail's SMTP transport) that sends a message exactly as written, with an
 * envelope of our choosing: recipients in the envelope but not in the headers are blind copies.
 */
public final class SmtpClient {
    private final String host;
    private final int port;

    private SmtpClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public static SmtpClient to(String host, int port) {
        return new SmtpClient(host, port);
    }

    /** Sends {@code rawMessage} (headers and body, CRLF line ends) from {@code envelopeSender} to {@code envelopeRecipients}. */
    public void send(String envelopeSender, List<String> envelopeRecipients, String rawMessage) throws MessagingException {
        send(envelopeSender, envelopeRecipients, rawMessage.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code rawMessage} as it is, byte for byte (bare LF line ends become CRLF on the wire). */
    public void send(String envelopeSender, List<String> envelopeRecipients, byte[] rawMessage) throws MessagingException {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", host);
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        properties.setProperty("mail.smtp.from", envelopeSender);
        properties.setProperty("mail.smtp.localhost", "officer-pc.council.example");
        properties.setProperty("mail.smtp.connectiontimeout", "10000");
        properties.setProperty("mail.smtp.timeout", "30000");
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(rawMessage));
        Address[] recipients = new Address[envelopeRecipients.size()];
        for (int i = 0; i < recipients.length; i++) {
            recipients[i] = new InternetAddress(envelopeRecipients.get(i));
        }
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            // sendMessage, not Transport.send: the message goes out as written, without saveChanges().
            transport.sendMessage(message, recipients);
        }
    }
}

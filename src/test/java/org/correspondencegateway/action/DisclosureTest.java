package org.correspondencegateway.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import javax.mail.BodyPart;
import javax.mail.Multipart;
import javax.mail.Session;
import javax.mail.internet.ContentType;
import javax.mail.internet.MimeMessage;

import org.correspondencegateway.testing.Documents;
import org.correspondencegateway.testing.MailBuilder;
import org.junit.jupiter.api.Test;

/**
 * Disclosure writes "CC Councillor X" where the sender would have: at the foot of the new text, above
 * the quoted history, in both the plain and the HTML version, leaving everything else as it was.
 */
class DisclosureTest {
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final List<String> WHITLOCK = Disclosure.lines(List.of("Councillor Tom Whitlock"));

    @Test
    void anOutlookReplyGetsTheLineInBothAlternativesAboveTheQuotedHistory() throws Exception {
        MimeMessage reply = reparse(read("outlook-reply.eml"));

        assertThat(Disclosure.apply(reply, WHITLOCK)).isTrue();

        MimeMessage sent = reparse(reply);
        assertThat(new ContentType(sent.getContentType()).getBaseType()).isEqualToIgnoringCase("multipart/alternative");
        Multipart alternative = (Multipart) sent.getContent();
        assertThat(alternative.getCount()).isEqualTo(2);

        String plain = (String) alternative.getBodyPart(0).getContent();
        assertThat(new ContentType(alternative.getBodyPart(0).getContentType()).getParameter("charset")).isEqualToIgnoringCase("us-ascii");
        assertThat(plain).contains("01632 960 481\r\n\r\nCC Councillor Tom Whitlock\r\n\r\n________________________________\r\nFrom: Bola Okonkwo");
        assertThat(plain.indexOf("CC Councillor Tom Whitlock")).isLessThan(plain.indexOf("Residents on Mill Lane"));

        String html = (String) alternative.getBodyPart(1).getContent();
        assertThat(html).contains("<p>CC Councillor Tom Whitlock</p>");
        assertThat(html.indexOf("CC Councillor Tom Whitlock")).isGreaterThan(html.indexOf("01632 960 481"))
            .isLessThan(html.indexOf("Residents on Mill Lane"));
    }

    @Test
    void aPlainMessageWithAnAttachmentIsChangedInItsTextOnly() throws Exception {
        byte[] minutes = Documents.pdf("Draft minutes of the Finance Committee");
        MimeMessage forward = reparse(MailBuilder.mail().from("j.hughes@prioryvale-tc.example").to("cllr.okonkwo@prioryvale-tc.example")
            .subject("Draft minutes").text("Bola,\n\nThe draft minutes are attached.\n\nJo\n").attach("minutes.pdf", "application/pdf", minutes)
            .build());

        assertThat(Disclosure.apply(forward, WHITLOCK)).isTrue();

        Multipart mixed = (Multipart) reparse(forward).getContent();
        assertThat(((String) mixed.getBodyPart(0).getContent()).replace("\r\n", "\n")).isEqualTo("Bola,\n\nThe draft minutes are attached.\n\nJo\n\nCC Councillor Tom Whitlock\n");
        BodyPart attachment = mixed.getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("minutes.pdf");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(minutes);
    }

    @Test
    void aPartKeepsItsCharsetWhenItCanCarryTheNameAndBecomesUtf8WhenItCannot() throws Exception {
        MimeMessage latin1 = reparse(read("latin1-resident.eml"));
        assertThat(Disclosure.apply(latin1, Disclosure.lines(List.of("Councillor Zoë Brontë")))).isTrue();
        MimeMessage written = reparse(latin1);
        assertThat(new ContentType(written.getContentType()).getParameter("charset")).isEqualToIgnoringCase("windows-1252");
        assertThat((String) written.getContent()).contains("CC Councillor Zoë Brontë");

        MimeMessage ascii = reparse(MailBuilder.mail().text("Bola,\n\nNoted.\n").build());
        ascii.setText("Bola,\n\nNoted.\n", "us-ascii");
        ascii.saveChanges();
        assertThat(Disclosure.apply(ascii, Disclosure.lines(List.of("Councillor Łucja Nowak")))).isTrue();
        MimeMessage utf8 = reparse(ascii);
        assertThat(new ContentType(utf8.getContentType()).getParameter("charset")).isEqualToIgnoringCase("UTF-8");
        assertThat(((String) utf8.getContent()).replace("\r\n", "\n")).endsWith("\n\nCC Councillor Łucja Nowak\n");
    }

    @Test
    void aSignedMessageIsNeverAltered() throws Exception {
        String signed = """
            From: Jo Hughes <j.hughes@prioryvale-tc.example>\r
            To: Bola Okonkwo <cllr.okonkwo@prioryvale-tc.example>\r
            Subject: Signed\r
            MIME-Version: 1.0\r
            Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; boundary="sig"\r
            \r
            --sig\r
            Content-Type: text/plain; charset=us-ascii\r
            \r
            Bola, noted. Jo\r
            --sig\r
            Content-Type: application/pkcs7-signature; name=smime.p7s\r
            Content-Transfer-Encoding: base64\r
            \r
            MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAAKCAMIIC\r
            --sig--\r
            """;
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(signed.getBytes(StandardCharsets.US_ASCII)));

        assertThat(Disclosure.apply(message, WHITLOCK)).isFalse();
        assertThat(bytes(message)).isEqualTo(signed);

        MimeMessage inlinePgp = reparse(MailBuilder.mail().text("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nBola, noted.\n"
            + "-----BEGIN PGP SIGNATURE-----\niQEz\n-----END PGP SIGNATURE-----\n").build());
        assertThat(Disclosure.apply(inlinePgp, WHITLOCK)).isFalse();
    }

    private static MimeMessage read(String name) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream(Files.readAllBytes(Path.of("src/test/resources/messages", name))));
    }

    private static MimeMessage reparse(MimeMessage message) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream(bytes(message).getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static String bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}

package org.correspondencegateway.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.correspondencegateway.action.Records.OFFICER;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.mail.Address;
import javax.mail.Multipart;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notices as the council's templates in conf/notices/ write them. */
class NoticesTest {
    private static final Notices.Council PRIORY_VALE = new Notices.Council("Priory Vale Town Council", "Sadia Akhtar",
        "townclerk@prioryvale-tc.example", "http://127.0.0.1:8080/");
    private final Notices notices = new Notices(Path.of("conf/notices"), NoticesTest::postmaster);

    @Test
    void theSenderIsToldWhatWasHeldWhyAndWhatToDoInTheirOwnWordsOnly() throws Exception {
        CheckRecord record = Records.of(OFFICER, true, Records.confidential());

        Notices.Notice notice = notices.toSender(record, ActionPlan.of(record, org.correspondencegateway.policy.PolicyFile.load(
            Path.of("conf/policy.yaml"))), PRIORY_VALE);
        MimeMessage message = notice.message();

        assertThat(addresses(message.getAllRecipients())).containsExactly(OFFICER);
        assertThat(addresses(message.getFrom())).containsExactly("postmaster@gateway.localhost");
        assertThat(addresses(message.getReplyTo())).containsExactly("townclerk@prioryvale-tc.example");
        assertThat(message.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(message.getHeader("In-Reply-To", null)).isEqualTo("<m-1@prioryvale-tc.example>");
        assertThat(message.getSubject()).isEqualTo("Held for the Town Clerk: \"Allotments <urgent>\"");

        Multipart alternative = (Multipart) message.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getCount()).as("a text and an HTML version, and no attachment").isEqualTo(2);
        String text = (String) alternative.getBodyPart(0).getContent();
        String html = (String) alternative.getBodyPart(1).getContent();
        assertThat(text).contains("Dear Jo Hughes", "has not been sent", "Sadia Akhtar", "CONFIDENTIAL - Personnel Committee only",
            "Remove that recipient", "Halstead Town Council's protocol, 5");
        assertThat(html).contains("Dear Jo Hughes", "has <b>not been sent</b>", "Sadia Akhtar", "CONFIDENTIAL - Personnel Committee only",
            "Remove that recipient", "Halstead Town Council&#39;s protocol, 5");
        for (String version : List.of(text, html)) {
            assertThat(version).as("words from the quoted history are not the sender's own, so are not quoted back")
                .doesNotContain("tenancy arrears");
        }
        assertThat(html).contains("Allotments &lt;urgent&gt;").doesNotContain("<urgent>");
        assertThat(text).contains("\"Allotments <urgent>\"");
    }

    @Test
    void theClerkGetsALinkToTheHeldMessageInTheConsole() throws Exception {
        CheckRecord record = Records.of(OFFICER, true, Records.confidential());

        MimeMessage message = notices.heldForClerk(record, "Mail1732-4f0c+a/b", PRIORY_VALE).message();

        assertThat(addresses(message.getAllRecipients())).containsExactly("townclerk@prioryvale-tc.example");
        assertThat(message.getSubject()).isEqualTo("Held for your review: \"Allotments <urgent>\" from Jo Hughes");
        String text = (String) ((Multipart) message.getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("http://127.0.0.1:8080/held/Mail1732-4f0c%2Ba%2Fb");
    }

    @Test
    void aRejectionCarriesTheClerksReason() throws Exception {
        CheckRecord record = Records.of(OFFICER, true, Records.confidential());

        MimeMessage message = notices.rejected(record, "Please send the minutes without the appendix.", PRIORY_VALE).message();

        assertThat(addresses(message.getAllRecipients())).containsExactly(OFFICER);
        assertThat(message.getSubject()).isEqualTo("Not sent: \"Allotments <urgent>\"");
        Multipart alternative = (Multipart) message.getContent();
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("Please send the minutes without the appendix.");
        assertThat((String) alternative.getBodyPart(1).getContent()).contains("Please send the minutes without the appendix.");
    }

    @Test
    void aBrokenTemplateIsReportedWithItsFile(@TempDir Path templates) throws Exception {
        for (Path file : Files.list(Path.of("conf/notices")).toList()) {
            Files.copy(file, templates.resolve(file.getFileName()));
        }
        Files.writeString(templates.resolve("rejected.txt.mustache"), "Dear {{senderName}, {{#findings}}");
        Notices broken = new Notices(templates, NoticesTest::postmaster);

        assertThatThrownBy(() -> broken.rejected(Records.of(OFFICER, true), "no", PRIORY_VALE))
            .hasMessageContaining("rejected.txt.mustache is broken");
    }

    private static InternetAddress postmaster() {
        try {
            return new InternetAddress("Correspondence Gateway <postmaster@gateway.localhost>");
        } catch (javax.mail.internet.AddressException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).toList();
    }
}

package org.correspondencegateway.james;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.correspondencegateway.directory.Directory;
import org.correspondencegateway.directory.EmailAddress;
import org.correspondencegateway.gateway.EmbeddedGateway;
import org.correspondencegateway.gateway.GatewaySettings;
import org.correspondencegateway.testing.Council;
import org.correspondencegateway.testing.Documents;
import org.correspondencegateway.testing.Gateways;
import org.correspondencegateway.testing.Letters;
import org.correspondencegateway.testing.Letters.Letter;
import org.correspondencegateway.testing.MailBuilder;
import org.correspondencegateway.testing.RawMessage;
import org.correspondencegateway.testing.ReviewQueue;
import org.correspondencegateway.testing.Mailboxes;
import org.correspondencegateway.testing.Mailboxes.Copy;
import org.correspondencegateway.testing.WebAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A day at Priory Vale Town Council, through a real gateway with the council's shipped policy
 * (silent copies disclosed; confidential mail to third parties and obligations in a councillor's name
 * held) and GreenMail as the council's mail server. Officers and councillors send; the gateway holds
 * what must not go out, tells the sender, and tells the Town Clerk, who releases or rejects it
 * through webadmin.
 */
class ClerkReviewTest {
    private static final String OFFICER = "j.hughes@prioryvale-tc.example";
    private static final String MAYOR = "cllr.okonkwo@prioryvale-tc.example";
    private static final String DEPUTY_MAYOR = "cllr.reid@prioryvale-tc.example";
    private static final String COUNCILLOR_WHITLOCK = "cllr.whitlock@prioryvale-tc.example";
    private static final String CLERK = "townclerk@prioryvale-tc.example";
    private static final String RESIDENT = "m.patel@resident.example";
    private static final String CONTRACTOR = "dave@grant-surfacing.example";

    @RegisterExtension
    static GreenMailExtension councilMailServer = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort())
        .withPerMethodLifecycle(false);

    @TempDir
    static Path data;

    private static EmbeddedGateway gateway;
    private static WebAdmin webAdmin;
    private static ReviewQueue clerk;
    private static Mailboxes mailboxes;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = Gateways.start(data, Optional.of(GatewaySettings.NextHop.plain("127.0.0.1", councilMailServer.getSmtp().getPort())));
        webAdmin = Gateways.webAdmin(gateway);
        clerk = new ReviewQueue(webAdmin);
        mailboxes = new Mailboxes(councilMailServer);
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @AfterEach
    void noNoticeEverReachesAThirdParty() {
        Directory council = Council.directory();
        for (Copy notice : mailboxes.notices()) {
            EmailAddress to = EmailAddress.parse(notice.recipient()).orElseThrow();
            assertThat(council.resolve(to).role().isInsideCouncil()).as("a notice went to " + notice.recipient()).isTrue();
        }
    }

    @Test
    void confidentialMailToAResidentWaitsForTheClerkAndTheSenderAndClerkAreTold() throws Exception {
        Letter letter = Letters.letter("letters/confidential-to-resident.eml");

        Gateways.smtp(gateway).send(OFFICER, List.of(RESIDENT), letter.raw());

        List<Copy> notices = mailboxes.awaitNotices(letter.messageId(), 2);
        assertThat(notices).extracting(Copy::recipient, c -> c.notice().orElseThrow())
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(OFFICER, "sender"),
                org.assertj.core.groups.Tuple.tuple(CLERK, "clerk-held"));
        assertThat(mailboxes.mail(letter.messageId())).as("nothing reached the resident").isEmpty();

        Copy toSender = notices.stream().filter(c -> c.recipient().equals(OFFICER)).findFirst().orElseThrow();
        assertThat(toSender.message().getSubject()).isEqualTo("Held for the Town Clerk: \"Your complaint about the allotments\"");
        assertThat(toSender.text("text/plain")).contains("has not been sent", "CONFIDENTIAL - Personnel Committee only",
            "Halstead Town Council's protocol, 5", "What to do: Remove that recipient");
        assertThat(toSender.message().getHeader("Auto-Submitted")).containsExactly("auto-replied");
        assertThat(toSender.message().getReplyTo()[0].toString()).contains(CLERK);
        assertThat(toSender.message().getContentType()).startsWith("multipart/alternative");

        String key = clerk.awaitHeld(letter.messageId());
        Copy toClerk = notices.stream().filter(c -> c.recipient().equals(CLERK)).findFirst().orElseThrow();
        assertThat(toClerk.text("text/plain")).contains("http://127.0.0.1:8080/held/" + WebAdmin.encode(key));

        JsonNode held = clerk.detail("held", key).body();
        assertThat(held.at("/entry/outcome").asText()).isEqualTo("confidential-to-third-party=held");
        assertThat(held.at("/entry/record/findings/0/rule").asText()).isEqualTo("confidential-to-third-party");
        assertThat(held.at("/entry/record/findings/0/evidence/0/words").asText()).contains("CONFIDENTIAL - Personnel Committee only");
        assertThat(held.at("/audit/0/event").asText()).isEqualTo("held");
        assertThat(clerk.message("held", key))
            .contains("X-Protocol-Check: confidential-to-third-party=held", "Dear Mrs Patel");
    }

    @Test
    void aReleasedMessageIsDeliveredExactlyOnceEvenWhenTwoReviewersPressReleaseTogether() throws Exception {
        Letter letter = Letters.letter("letters/confidential-to-resident.eml");
        Gateways.smtp(gateway).send(OFFICER, List.of(RESIDENT), letter.raw());
        String key = clerk.awaitHeld(letter.messageId());

        CompletableFuture<WebAdmin.Answer> townClerk = CompletableFuture.supplyAsync(() -> release(key, "s-akhtar"));
        CompletableFuture<WebAdmin.Answer> deputy = CompletableFuture.supplyAsync(() -> release(key, "j-hughes"));

        assertThat(List.of(townClerk.get().status(), deputy.get().status())).containsExactlyInAnyOrder(200, 404);
        List<Copy> delivered = mailboxes.awaitMail(letter.messageId(), 1);
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).recipient()).isEqualTo(RESIDENT);
        assertThat(delivered.get(0).outcome()).contains("confidential-to-third-party=released");
        assertThat(delivered.get(0).text("text/plain")).contains("The allotments officer's hours will be reviewed");
        assertThat(clerk.heldKeys()).doesNotContain(key);

        List<JsonNode> trail = clerk.auditOfMail(key);
        assertThat(trail).extracting(e -> e.get("event").asText()).containsExactly("held", "released");
        assertThat(trail.get(1).get("actor").asText()).isIn("s-akhtar", "j-hughes");
        try (var claims = Files.list(gateway.dataDirectory().resolve("correspondence-gateway/releases"))) {
            assertThat(claims.toList()).as("the release's id came through the durable spool and was recorded").hasSize(1);
        }
    }

    @Test
    void aRejectedMessageGoesNowhereAndTheSenderHearsTheClerksReason() throws Exception {
        Letter letter = Letters.letter("letters/confidential-to-resident.eml");
        Gateways.smtp(gateway).send(OFFICER, List.of(RESIDENT), letter.raw());
        String key = clerk.awaitHeld(letter.messageId());

        assertThat(clerk.decide("held", key, "reject", Map.of("reviewer", "s-akhtar")).status()).as("a rejection needs a reason")
            .isEqualTo(400);
        assertThat(clerk.decide("held", key, "reject", Map.of("reviewer", "p-dobson", "reason", "No.")).status()).as("not a reviewer")
            .isEqualTo(403);
        WebAdmin.Answer jsonAsForm = webAdmin.post(ReviewQueue.ROUTES + "/held/" + WebAdmin.encode(key) + "/reject",
            "application/x-www-form-urlencoded", "{\"reviewer\": \"s-akhtar\", \"reason\": \"No.\"}");
        assertThat(jsonAsForm.status()).isEqualTo(400);
        assertThat(jsonAsForm.body().get("message").asText()).contains("Content-Type: application/json");
        WebAdmin.Answer rejected = clerk.decide("held", key, "reject", Map.of("reviewer", "s-akhtar",
            "reason", "Mrs Patel should not see the Personnel Committee's note; please send her the outcome only."));

        assertThat(rejected.status()).isEqualTo(200);
        List<Copy> notices = mailboxes.awaitNotices(letter.messageId(), 3);
        Copy rejection = notices.stream().filter(c -> c.notice().orElseThrow().equals("rejected")).findFirst().orElseThrow();
        assertThat(rejection.recipient()).isEqualTo(OFFICER);
        assertThat(rejection.message().getSubject()).isEqualTo("Not sent: \"Your complaint about the allotments\"");
        assertThat(rejection.text("text/plain")).contains("please send her the outcome only", "Sadia Akhtar");
        assertThat(mailboxes.mail(letter.messageId())).isEmpty();
        assertThat(clerk.heldKeys()).doesNotContain(key);
        assertThat(clerk.auditOfMail(key)).extracting(e -> e.get("event").asText() + " " + e.path("reason").asText(""))
            .containsExactly("held ", "rejected Mrs Patel should not see the Personnel Committee's note; please send her the outcome only.");
    }

    @Test
    void anAcceptanceInTheMayorsNameIsHeldAndOnlyTheMayorAndClerkAreTold() throws Exception {
        Letter letter = Letters.letter("letters/acceptance-by-mayor.eml");

        Gateways.smtp(gateway).send(MAYOR, List.of(CONTRACTOR), letter.raw());

        List<Copy> notices = mailboxes.awaitNotices(letter.messageId(), 2);
        assertThat(notices).extracting(Copy::recipient).containsExactlyInAnyOrder(MAYOR, CLERK);
        assertThat(mailboxes.copies()).extracting(Copy::recipient).doesNotContain(CONTRACTOR);
        Copy toMayor = notices.stream().filter(c -> c.recipient().equals(MAYOR)).findFirst().orElseThrow();
        assertThat(toMayor.text("text/plain")).contains("Dear Bola Okonkwo", "On behalf of the Council I accept your quote",
            "ask the Town Clerk to send the acceptance or instruction in the Clerk's name");
        assertThat(clerk.awaitEntry("held", letter.messageId()).get("outcome").asText())
            .isEqualTo("obligation-in-councillor-name=held");
    }

    @Test
    void aSilentCopyIsDisclosedAtTheFootOfBothVersionsThenDelivered() throws Exception {
        Letter reply = Letters.letter("messages/outlook-reply.eml");

        Gateways.smtp(gateway).send(OFFICER, List.of(MAYOR, DEPUTY_MAYOR, COUNCILLOR_WHITLOCK), reply.raw());

        List<Copy> delivered = mailboxes.awaitMail(reply.messageId(), 3);
        assertThat(delivered).extracting(Copy::recipient).containsExactlyInAnyOrder(MAYOR, DEPUTY_MAYOR, COUNCILLOR_WHITLOCK);
        for (Copy copy : delivered) {
            assertThat(copy.outcome()).contains("silent-copy=disclosed");
            assertThat(copy.message().getContentType()).startsWith("multipart/alternative");
            jakarta.mail.Multipart alternative = (jakarta.mail.Multipart) copy.message().getContent();
            assertThat(alternative.getCount()).isEqualTo(2);
            String text = copy.text("text/plain");
            assertThat(text).contains("01632 960 481\r\n\r\nCC Councillor Tom Whitlock\r\n\r\n________________________________");
            String html = copy.text("text/html");
            assertThat(html).contains("<p>CC Councillor Tom Whitlock</p>");
            assertThat(html.indexOf("CC Councillor Tom Whitlock")).isLessThan(html.indexOf("Residents on Mill Lane"));
            assertThat(copy.raw().has("Bcc")).isFalse();
        }
        List<Copy> notices = mailboxes.awaitNotices(reply.messageId(), 1);
        assertThat(notices).extracting(Copy::recipient).containsExactly(OFFICER);
        assertThat(notices.get(0).text("text/plain")).contains("has been delivered", "CC Councillor Tom Whitlock");

        String key = clerk.awaitFlagged(reply.messageId());
        // as an operator would, with curl -d reviewer=s-akhtar -d note=...
        WebAdmin.Answer acknowledged = webAdmin.postForm(ReviewQueue.ROUTES + "/flagged/" + WebAdmin.encode(key) + "/acknowledge",
            Map.of("reviewer", "s-akhtar", "note", "Seen; Tom Whitlock chairs the working group."));
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(clerk.auditOfMail(key)).extracting(e -> e.get("event").asText()).containsExactly("disclosed", "acknowledged");
    }

    @Test
    void aSignedMessageIsNotAlteredButItsSenderIsWarned() throws Exception {
        Letter signed = signedReply();

        Gateways.smtp(gateway).send(OFFICER, List.of(MAYOR, COUNCILLOR_WHITLOCK), signed.raw());

        List<Copy> delivered = mailboxes.awaitMail(signed.messageId(), 2);
        for (Copy copy : delivered) {
            assertThat(copy.outcome()).contains("silent-copy=warned-signed");
            String sentBody = RawMessage.parse(signed.raw()).body();
            // GreenMail keeps the message without the last line break, which SMTP sends with the end of data
            assertThat(copy.raw().body()).as("the signed body, unchanged").isEqualTo(sentBody.substring(0, sentBody.length() - 1));
        }
        Copy warning = mailboxes.awaitNotices(signed.messageId(), 1).get(0);
        assertThat(warning.recipient()).isEqualTo(OFFICER);
        assertThat(warning.text("text/plain")).contains("has been delivered, but it may not follow");
    }

    @Test
    void anOutcomeFieldForgedOutsideIsRemovedBeforeTheCheck() throws Exception {
        Letter forgedPass = Letters.letter("letters/confidential-to-resident.eml").withField("X-Protocol-Check: passed");
        Letter forgedRelease = Letters.letter("letters/tree-reply-to-resident.eml")
            .withField("X-Protocol-Check: confidential-to-third-party=released");

        Gateways.smtp(gateway).send(OFFICER, List.of(RESIDENT), forgedPass.raw());
        Gateways.smtp(gateway).send(OFFICER, List.of(RESIDENT), forgedRelease.raw());

        Copy clean = mailboxes.awaitMail(forgedRelease.messageId(), 1).get(0);
        assertThat(clean.message().getHeader("X-Protocol-Check")).containsExactly("passed");
        String held = clerk.message("held", clerk.awaitHeld(forgedPass.messageId()));
        assertThat(held).contains("X-Protocol-Check: confidential-to-third-party=held").doesNotContain("X-Protocol-Check: passed");
        assertThat(mailboxes.mail(forgedPass.messageId())).isEmpty();
    }

    @Test
    void aMessageThatCannotBeCheckedIsHeldAndItsSenderOutsideTheCouncilIsNotTold() throws Exception {
        String messageId = "accounts-" + System.nanoTime() + "@resident.example";
        byte[] raw = MailBuilder.mail().from(RESIDENT).to(OFFICER).subject("My allotment accounts").messageId(messageId)
            .text("Please find my accounts attached; the password is my plot number.")
            .attach("accounts.pdf", "application/pdf", Documents.encryptedPdf("Plot 14 accounts")).bytes();

        Gateways.smtp(gateway).send(RESIDENT, List.of(OFFICER), new String(raw, StandardCharsets.ISO_8859_1));

        List<Copy> notices = mailboxes.awaitNotices(messageId, 1);
        assertThat(notices).extracting(Copy::recipient).containsExactly(CLERK);
        assertThat(notices.get(0).text("text/plain")).contains("could not be fully checked");
        assertThat(mailboxes.mail(messageId)).isEmpty();
        assertThat(clerk.awaitEntry("held", messageId).get("outcome").asText()).isEqualTo("unchecked=held");
    }

    @Test
    void theStatusSaysHowManyWaitAndThatTheDirectoryIsSound() throws Exception {
        JsonNode status = clerk.status();

        assertThat(status.get("council").asText()).isEqualTo("Priory Vale Town Council");
        assertThat(status.get("directoryProblem").isNull()).isTrue();
        assertThat(status.get("held").asInt()).isEqualTo(clerk.heldKeys().size());
    }

    private static Letter signedReply() {
        String messageId = "signed-" + System.nanoTime() + "@prioryvale-tc.example";
        String raw = String.join("\r\n",
            "From: Jo Hughes <" + OFFICER + ">",
            "To: Bola Okonkwo <" + MAYOR + ">",
            "Subject: RE: Bins on Mill Lane",
            "Date: Mon, 23 Nov 2026 09:14:06 +0000",
            "Message-ID: <" + messageId + ">",
            "In-Reply-To: <CAK9c2xQh3Lr7mF0Zt1@mail.homemail.example>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=\"sig\"",
            "",
            "--sig",
            "Content-Type: text/plain; charset=us-ascii",
            "",
            "Dear Bola,",
            "",
            "I have asked the contractor to clear the bins on Mill Lane by Friday.",
            "",
            "Jo Hughes",
            "Deputy Town Clerk",
            "",
            "-----Original Message-----",
            "From: Bola Okonkwo <" + MAYOR + ">",
            "Sent: 20 November 2026 16:42",
            "To: Jo Hughes <" + OFFICER + ">",
            "Subject: Bins on Mill Lane",
            "",
            "Hi Jo, residents on Mill Lane tell me the bins have not been emptied. Bola",
            "--sig",
            "Content-Type: application/pkcs7-signature; name=smime.p7s",
            "Content-Transfer-Encoding: base64",
            "Content-Disposition: attachment; filename=smime.p7s",
            "",
            "MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAAKCAMIIC",
            "--sig--",
            "");
        return new Letter(messageId, raw);
    }

    private static WebAdmin.Answer release(String key, String reviewer) {
        try {
            return clerk.release(key, reviewer);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

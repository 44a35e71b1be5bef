package org.correspondencegateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.correspondencegateway.testing.CouncilWithConsole.CLERK;
import static org.correspondencegateway.testing.CouncilWithConsole.CLERK_PASSWORD;
import static org.correspondencegateway.testing.CouncilWithConsole.DEPUTY;
import static org.correspondencegateway.testing.CouncilWithConsole.DEPUTY_PASSWORD;
import static org.correspondencegateway.testing.CouncilWithConsole.MAYOR;
import static org.correspondencegateway.testing.CouncilWithConsole.MAYOR_PASSWORD;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.correspondencegateway.testing.ConsoleClient;
import org.correspondencegateway.testing.ConsoleClient.Page;
import org.correspondencegateway.testing.CouncilWithConsole;
import org.correspondencegateway.testing.Documents;
import org.correspondencegateway.testing.Letters;
import org.correspondencegateway.testing.Letters.Letter;
import org.correspondencegateway.testing.MailBuilder;
import org.correspondencegateway.testing.Mailboxes;
import org.correspondencegateway.testing.WebAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The Clerk's console, page by page, over HTTP: a real gateway holds mail, the console shows it, and the
 * Clerk's decisions reach the council's mail server (GreenMail). Each test sends its own letters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClerksConsoleTest {
    private static final String OFFICER = "j.hughes@prioryvale-tc.example";
    private static final String RESIDENT = "m.patel@resident.example";

    @RegisterExtension
    static GreenMailExtension councilMailServer = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort())
        .withPerMethodLifecycle(false);

    @TempDir
    static Path home;
    @TempDir
    static Path data;

    private CouncilWithConsole council;

    @BeforeAll
    void start() throws Exception {
        council = CouncilWithConsole.start(home, data, councilMailServer.getSmtp().getPort());
    }

    @AfterAll
    void stop() {
        council.close();
    }

    private ConsoleClient signedIn(String name, String password) throws Exception {
        ConsoleClient browser = new ConsoleClient(council.consoleUrl());
        assertThat(browser.signIn(name, password).status()).isEqualTo(303);
        return browser;
    }

    private String held(Letter letter) throws Exception {
        return council.sendHeld(letter, OFFICER, List.of(RESIDENT));
    }

    @Test
    void aVisitorWhoHasNotSignedInIsSentToTheSignInPage() throws Exception {
        ConsoleClient visitor = new ConsoleClient(council.consoleUrl());
        Page queue = visitor.get("/");
        assertThat(queue.status()).isEqualTo(303);
        assertThat(queue.location()).contains("/sign-in?next=%2F");

        Page signIn = visitor.get("/sign-in");
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.body()).contains("<label for=\"password\">Password</label>");
        assertThat(signIn.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(visitor.get("/held/anything").status()).isEqualTo(303);
    }

    @Test
    void aWrongPasswordIsRefusedAndThreeInARowLockTheNameEvenAgainstTheRightOne() throws Exception {
        ConsoleClient stranger = new ConsoleClient(council.consoleUrl());
        Page wrong = stranger.signIn(MAYOR, "not the password");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("That name and password do not match");
        assertThat(stranger.signIn("nobody-at-all", "whatever it is").status()).as("an unknown name").isEqualTo(401);

        stranger.signIn(DEPUTY, "guess one");
        stranger.signIn(DEPUTY, "guess two");
        Page third = stranger.signIn(DEPUTY, "guess three");
        assertThat(third.body()).contains("Too many failed attempts");
        Page right = stranger.signIn(DEPUTY, DEPUTY_PASSWORD);
        assertThat(right.status()).as("locked, so the right password does not help").isEqualTo(401);
        assertThat(right.body()).contains("Too many failed attempts");
        assertThat(stranger.get("/").status()).isEqualTo(303);
    }

    @Test
    void theQueueListsHeldMailOldestFirstWithItsAgeAndCountsPerRule() throws Exception {
        String first = held(Letters.letter("letters/confidential-to-resident.eml"));
        String second = held(Letters.letter("letters/confidential-html-with-attachment.eml"));
        ConsoleClient clerk = signedIn(CLERK, CLERK_PASSWORD);

        Page queue = clerk.get("/");
        assertThat(queue.status()).isEqualTo(200);
        String body = queue.body();
        assertThat(body.indexOf(WebAdmin.encode(first))).as("oldest first").isPositive().isLessThan(body.indexOf(WebAdmin.encode(second)));
        assertThat(body).contains("Your complaint about the allotments", "Confidential marking sent to a third party")
            .containsPattern("<time datetime=\"[^\"]+\" title=\"[^\"]+\">\\d+ seconds?</time>")
            .containsPattern("Confidential marking sent to a third party</a>: \\d+");
    }

    @Test
    void theQueueFiltersByRuleSenderAndDate() throws Exception {
        String key = held(Letters.letter("letters/confidential-to-resident.eml"));
        ConsoleClient clerk = signedIn(CLERK, CLERK_PASSWORD);

        assertThat(clerk.get("/?rule=confidential-to-third-party").body()).contains(WebAdmin.encode(key));
        assertThat(clerk.get("/?rule=silent-copy").body()).doesNotContain(WebAdmin.encode(key));
        assertThat(clerk.get("/?sender=hughes").body()).contains(WebAdmin.encode(key));
        assertThat(clerk.get("/?sender=fairweather").body()).doesNotContain(WebAdmin.encode(key));
        assertThat(clerk.get("/?from=2020-01-01&to=2099-12-31").body()).contains(WebAdmin.encode(key));
        assertThat(clerk.get("/?to=2020-01-01").body()).doesNotContain(WebAdmin.encode(key));
    }

    @Test
    void theMessagePageShowsRolesFindingsEvidenceMarkedTheMessageMadeSafeAttachmentsAndTheAuditTrail() throws Exception {
        String key = held(Letters.letter("letters/confidential-html-with-attachment.eml"));
        ConsoleClient clerk = signedIn(CLERK, CLERK_PASSWORD);

        Page message = clerk.get("/held/" + WebAdmin.encode(key));
        assertThat(message.status()).isEqualTo(200);
        String body = message.body();
        assertThat(body).contains("Jo Hughes &lt;j.hughes@prioryvale-tc.example&gt; <span class=\"role\">officer</span>")
            .contains("m.patel@resident.example <span class=\"role\">third party</span>")
            .contains("<h3>Confidential marking sent to a third party</h3>")
            .contains("Dunstable Town Council&#39;s protocol")
            .contains("<mark>CONFIDENTIAL - Personnel Committee only.</mark>")
            .contains("committee-note.txt");
        String html = body.substring(body.indexOf("<div class=\"message-html\">"));
        html = html.substring(0, html.indexOf("</div>"));
        assertThat(html).contains("<b>CONFIDENTIAL - Personnel Committee only.</b>", "href=\"https://prioryvale-tc.example/allotments\"")
            .doesNotContain("<script", "<img", "tracker.example", "onclick", "javascript:", "<style");
        assertThat(body).containsPattern("<td>held</td><td>the gateway</td>");

        Page attachment = clerk.get("/held/" + WebAdmin.encode(key) + "/attachments/1");
        assertThat(attachment.status()).isEqualTo(200);
        assertThat(attachment.header("Content-Disposition")).startsWith("attachment; filename=\"committee-note.txt\"");
        assertThat(attachment.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(attachment.body()).contains("the allotments officer's hours");
        assertThat(clerk.get("/held/" + WebAdmin.encode(key) + "/attachments/7").status()).isEqualTo(404);
        assertThat(clerk.get("/held/" + WebAdmin.encode(key) + "/original").body()).contains("Message-ID: <sent-");
    }

    @Test
    void evidenceFoundInAWordAttachmentIsShownWithTheLinesAroundIt() throws Exception {
        byte[] note = Documents.docx("", "Allotments: the committee's note", "Present: Cllr Okonkwo, Cllr Reid",
            "CONFIDENTIAL - Personnel Committee only.", "The allotments officer's hours are to be reviewed.", "Next meeting: 4 December");
        String messageId = "<word-note-" + System.nanoTime() + "@prioryvale-tc.example>";
        byte[] raw = MailBuilder.mail().from(OFFICER).to(RESIDENT).subject("The note you asked for").messageId(messageId)
            .text("Dear Mrs Patel,\n\nThe note is attached.\n\nJo Hughes\nDeputy Town Clerk\n")
            .attach("committee-note.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", note).bytes();
        String key = held(new Letter(messageId, new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1)));

        String body = signedIn(CLERK, CLERK_PASSWORD).get("/held/" + WebAdmin.encode(key)).body();

        assertThat(body).contains("<h3 class=\"excerpt-heading\">In the attachment committee-note.docx</h3>");
        String excerpt = body.substring(body.indexOf("class=\"message-text excerpt\""));
        excerpt = excerpt.substring(0, excerpt.indexOf("</pre>"));
        assertThat(excerpt).contains("Present: Cllr Okonkwo", "<mark>CONFIDENTIAL - Personnel Committee only.</mark>",
            "allotments officer&#39;s hours").doesNotContain("Dear Mrs Patel");
    }

    @Test
    void theLinkInTheClerksNotificationOpensTheMessagePage() throws Exception {
        Letter letter = Letters.letter("letters/confidential-to-resident.eml");
        String key = held(letter);
        Mailboxes mailboxes = new Mailboxes(councilMailServer);
        String notification = mailboxes.waitFor(1, copy -> copy.recipient().equals("townclerk@prioryvale-tc.example")
            && copy.notice().orElse("").equals("clerk-held") && copy.text("text/plain").contains(WebAdmin.encode(key)))
            .get(0).text("text/plain");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://127\\.0\\.0\\.1:\\d+(/held/\\S+)").matcher(notification);
        assertThat(link.find()).as("a link to the console in " + notification).isTrue();
        assertThat(link.group()).as("the console's own address").startsWith(council.consoleUrl() + "/held/");

        ConsoleClient clerk = new ConsoleClient(council.consoleUrl());
        Page signIn = clerk.get(link.group(1));
        assertThat(signIn.location()).as("to sign in first, then back").hasValueSatisfying(l -> assertThat(l).contains("next="));
        assertThat(clerk.post("/sign-in", Map.of("name", CLERK, "password", CLERK_PASSWORD, "next", link.group(1))).location())
            .contains(link.group(1));
        assertThat(clerk.get(link.group(1)).body()).contains("<h1 id=\"subject\">Your complaint about the allotments</h1>");
    }

    @Test
    void aDecisionWithoutTheFormsTokenIsRefusedAndNothingIsDecided() throws Exception {
        Letter letter = Letters.letter("letters/confidential-to-resident.eml");
        String key = held(letter);
        ConsoleClient clerk = signedIn(CLERK, CLERK_PASSWORD);

        Page noToken = clerk.post("/held/" + WebAdmin.encode(key) + "/release", Map.of("note", "fine"));
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.body()).contains("Nothing was decided");
        Page forged = clerk.post("/held/" + WebAdmin.encode(key) + "/release", Map.of("csrf", "forged-token"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(council.reviewQueue().heldKeys()).contains(key);
    }

    @Test
    void aViewerMayReadButNotRelease() throws Exception {
        Letter letter = Letters.letter("letters/confidential-to-resident.eml");
        String key = held(letter);
        ConsoleClient mayor = signedIn(MAYOR, MAYOR_PASSWORD);

        Page message = mayor.get("/held/" + WebAdmin.encode(key));
        assertThat(message.status()).isEqualTo(200);
        assertThat(message.body()).contains("only the Clerk and deputies release or reject").doesNotContain("id=\"release\"");
        Page release = mayor.post("/held/" + WebAdmin.encode(key) + "/release", Map.of("csrf", mayor.csrf()));
        assertThat(release.status()).isEqualTo(403);
        assertThat(release.body()).contains("may read the console but not release or reject");
        assertThat(council.reviewQueue().heldKeys()).contains(key);
    }

    @Test
    void releasingDeliversTheMessageOnceAndRecordsTheClerkAndTheNote() throws Exception {
        Letter letter = Letters.letter("letters/confidential-to-resident.eml");
        String key = held(letter);
        ConsoleClient clerk = signedIn(CLERK, CLERK_PASSWORD);
        clerk.get("/held/" + WebAdmin.encode(key));

        Page released = clerk.post("/held/" + WebAdmin.encode(key) + "/release", Map.of("csrf", clerk.csrf(), "note", "Mrs Patel is on the committee"));
        assertThat(released.status()).isEqualTo(303);
        assertThat(released.location()).contains("/?done=released");
        assertThat(clerk.get("/?done=released").body()).contains("Released: the message is on its way, once.");

        Mailboxes mailboxes = new Mailboxes(councilMailServer);
        assertThat(mailboxes.awaitMail(letter.messageId(), 1)).as("delivered once").extracting(Mailboxes.Copy::recipient)
            .containsExactly(RESIDENT);
        assertThat(council.reviewQueue().auditOfMail(key)).anySatisfy(event -> {
            assertThat(event.get("event").asText()).isEqualTo("released");
            assertThat(event.get("actor").asText()).isEqualTo(CLERK);
            assertThat(event.get("reason").asText()).isEqualTo("Mrs Patel is on the committee");
        });
        Page again = clerk.get("/held/" + WebAdmin.encode(key));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body()).contains("no longer held");
    }

    @Test
    void rejectingNeedsAReasonAndTheSenderIsToldIt() throws Exception {
        Letter letter = Letters.letter("letters/confidential-to-resident.eml");
        String key = held(letter);
        ConsoleClient clerk = signedIn(CLERK, CLERK_PASSWORD);
        clerk.get("/held/" + WebAdmin.encode(key));

        Page noReason = clerk.post("/held/" + WebAdmin.encode(key) + "/reject", Map.of("csrf", clerk.csrf(), "reason", "  "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(council.reviewQueue().heldKeys()).contains(key);

        clerk.get("/held/" + WebAdmin.encode(key));
        Page rejected = clerk.post("/held/" + WebAdmin.encode(key) + "/reject",
            Map.of("csrf", clerk.csrf(), "reason", "Please send Mrs Patel the outcome only, not the committee's note."));
        assertThat(rejected.status()).isEqualTo(303);
        Mailboxes mailboxes = new Mailboxes(councilMailServer);
        List<Mailboxes.Copy> toSender = mailboxes.waitFor(1, copy -> copy.recipient().equals(OFFICER)
            && copy.text("text/plain").contains("Please send Mrs Patel the outcome only"));
        assertThat(toSender).hasSize(1);
        assertThat(mailboxes.mail(letter.messageId())).as("not delivered").isEmpty();
    }

    @Test
    void theDashboardCountsFindingsPerRuleAndNamesTheSenders() throws Exception {
        held(Letters.letter("letters/confidential-to-resident.eml"));
        ConsoleClient mayor = signedIn(MAYOR, MAYOR_PASSWORD);

        Page dashboard = mayor.get("/dashboard");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<canvas id=\"weekly-chart\"", "<canvas id=\"monthly-chart\"", "<script src=\"/static/dashboard.js\">")
            .contains("<th scope=\"col\">Confidential to third party</th>")
            .containsPattern("<li>Jo Hughes &lt;j.hughes@prioryvale-tc.example&gt;: [1-9]\\d*</li>");
        assertThat(mayor.get("/static/chart.umd.min.js").status()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        ConsoleClient clerk = signedIn(CLERK, CLERK_PASSWORD);
        clerk.get("/");
        assertThat(clerk.post("/sign-out", Map.of("csrf", clerk.csrf())).location()).contains("/sign-in");
        assertThat(clerk.get("/").status()).isEqualTo(303);
    }
}

package org.correspondencegateway.action;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.correspondencegateway.rules.FindingSummary;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;

/**
 * Writes the gateway's notices from the council's Mustache templates in {@code conf/notices/}: the
 * notice to the sender, the Clerk's notification of held mail, and the rejection with the Clerk's
 * reason. Templates are read at each use, so an edit takes effect at once.
 *
 * <p>Every notice goes to one person only, comes from the gateway's postmaster with Reply-To the Clerk,
 * and carries {@code Auto-Submitted: auto-replied} (RFC 3834) so that no auto-responder answers it. A
 * notice quotes only the sender's own words that are evidence; it never attaches the original.
 */
public final class Notices {
    /** Set on every notice, so that the gateway never checks or answers its own notices. */
    public static final String NOTICE_HEADER = "X-Correspondence-Gateway";

    private final Path templates;
    private final Supplier<InternetAddress> postmaster;
    private final Session session = Session.getInstance(new java.util.Properties());

    /**
     * @param templates the directory of templates
     * @param postmaster the address notices come from (asked at each notice: James sets it once its
     *     mailet container is configured)
     */
    public Notices(Path templates, Supplier<InternetAddress> postmaster) {
        this.templates = templates;
        this.postmaster = postmaster;
    }

    /** Who the notices are about and from: the council, its Clerk, and where the console is. */
    public record Council(String name, String clerkName, String clerkAddress, String consoleUrl) {
    }

    /** A written notice: to whom, and the message. */
    public record Notice(InternetAddress to, MimeMessage message) {
    }

    /** The notice to the sender of a message the gateway held, disclosed or warned about. */
    public Notice toSender(CheckRecord record, ActionPlan plan, Council council) throws MessagingException {
        Map<String, Object> data = data(record, council);
        data.put("held", plan.disposition() == Disposition.HOLD);
        data.put("disclosed", plan.disposition() == Disposition.DISCLOSE);
        data.put("warned", plan.disposition() == Disposition.WARN);
        data.put("disclosedNames", plan.disclose());
        return notice("sender", data, record, address(record.sender().orElseThrow()), council);
    }

    /** The Clerk's notification that a message is held, with a link to it in the console. */
    public Notice heldForClerk(CheckRecord record, String mailKey, Council council) throws MessagingException {
        Map<String, Object> data = data(record, council);
        data.put("link", council.consoleUrl().replaceAll("/+$", "") + "/held/" + java.net.URLEncoder.encode(mailKey, StandardCharsets.UTF_8));
        return notice("clerk-held", data, record, address(council.clerkAddress()), council);
    }

    /** The sender's notice that the Clerk rejected their message, with the Clerk's reason. */
    public Notice rejected(CheckRecord record, String reason, Council council) throws MessagingException {
        Map<String, Object> data = data(record, council);
        data.put("reason", reason);
        return notice("rejected", data, record, address(record.sender().orElseThrow()), council);
    }

    private Notice notice(String name, Map<String, Object> data, CheckRecord record, InternetAddress to, Council council)
        throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(postmaster.get());
        message.setRecipient(MimeMessage.RecipientType.TO, to);
        message.setReplyTo(new InternetAddress[] {address(council.clerkAddress())});
        message.setSubject(render(name + ".subject", data, false).strip(), "UTF-8");
        message.setHeader("Auto-Submitted", "auto-replied");
        message.setHeader(NOTICE_HEADER, name);
        record.messageId().ifPresent(id -> {
            try {
                message.setHeader("In-Reply-To", "<" + id + ">");
                message.setHeader("References", "<" + id + ">");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(render(name + ".txt", data, false), "UTF-8");
        alternative.addBodyPart(text);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(render(name + ".html", data, true), "UTF-8", "html");
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.setSentDate(new java.util.Date());
        message.saveChanges();
        return new Notice(to, message);
    }

    private static Map<String, Object> data(CheckRecord record, Council council) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("council", council.name());
        data.put("clerkName", council.clerkName());
        data.put("clerkAddress", council.clerkAddress());
        data.put("subject", record.subject().isBlank() ? "(no subject)" : record.subject());
        data.put("senderName", record.senderName().orElse(record.sender().orElse("colleague")));
        List<Map<String, Object>> findings = new ArrayList<>();
        for (FindingSummary finding : record.findings()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("title", finding.title());
            f.put("explanation", finding.explanation());
            f.put("advice", finding.advice());
            f.put("protocols", finding.protocols());
            List<Map<String, Object>> evidence = new ArrayList<>();
            for (FindingSummary.EvidenceView e : finding.evidence()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("where", e.where());
                // only the sender's own words are quoted back to them
                item.put("words", e.isSendersOwnWords() ? e.words() : false);
                item.put("why", e.why());
                evidence.add(item);
            }
            f.put("evidence", evidence);
            findings.add(f);
        }
        if (!record.uncheckable().isEmpty()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("title", "The message could not be fully checked");
            f.put("explanation", String.join("; ", record.uncheckable()) + ".");
            f.put("advice", "If the attachment can be sent without a password, or in another format, send it again that way.");
            f.put("protocols", List.of());
            f.put("evidence", List.of());
            findings.add(f);
        }
        data.put("findings", findings);
        return data;
    }

    private String render(String name, Map<String, Object> data, boolean html) {
        Path file = templates.resolve(name + ".mustache");
        String template;
        try {
            template = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the notice template " + file + " cannot be read: " + e.getMessage(), e);
        }
        try {
            return Mustache.compiler().escapeHTML(html).defaultValue("").compile(template).execute(data);
        } catch (MustacheException e) {
            throw new IllegalStateException("the notice template " + file + " is broken: " + e.getMessage(), e);
        }
    }

    private static InternetAddress address(String text) throws MessagingException {
        return new InternetAddress(text, false);
    }
}

package org.correspondencegateway.testing.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import javax.activation.DataHandler;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.util.ByteArrayDataSource;

import org.correspondencegateway.directory.Directory;
import org.correspondencegateway.directory.EmailAddress;
import org.correspondencegateway.directory.Party;
import org.correspondencegateway.memory.RememberedMessage;
import org.correspondencegateway.message.Envelope;
import org.correspondencegateway.testing.Documents;

/**
 * Renders a corpus case into the MIME a real client would send: Outlook (multipart/alternative with a
 * Word-style HTML part and the "From:/Sent:/To:" history block), Gmail (plain and HTML with
 * {@code gmail_quote}, "On … wrote:" and "---------- Forwarded message ---------"), Thunderbird (plain
 * text, format=flowed, "-------- Forwarded Message --------"), or a forward as an attached message.
 */
public final class CorpusRenderer {
    private static final Session SESSION = Session.getInstance(new Properties());

    private final Directory directory;
    private final Map<String, Map<String, String>> fragments;

    public CorpusRenderer(Directory directory) {
        this.directory = directory;
        this.fragments = CorpusFile.fragments();
    }

    public Envelope envelope(CorpusCase c) {
        List<String> recipients = new ArrayList<>();
        for (List<String> list : List.of(c.to(), c.cc(), c.bcc())) {
            list.stream().map(CorpusRenderer::bare).filter(a -> !recipients.contains(a)).forEach(recipients::add);
        }
        return Envelope.of(bare(c.from()), recipients);
    }

    public List<RememberedMessage> remembered(CorpusCase c) {
        List<RememberedMessage> messages = new ArrayList<>();
        for (CorpusCase.Remembered r : c.remembered()) {
            List<RememberedMessage.Participant> to = new ArrayList<>();
            r.to().forEach(a -> to.add(participant(a, "TO")));
            r.cc().forEach(a -> to.add(participant(a, "CC")));
            r.bcc().forEach(a -> to.add(participant(a, "SILENT")));
            messages.add(new RememberedMessage(r.id(), Instant.parse("2026-11-20T09:00:00Z"), participant(r.from(), "FROM"), to));
        }
        return messages;
    }

    private RememberedMessage.Participant participant(String address, String visibility) {
        Party party = directory.resolve(EmailAddress.of(bare(address)));
        return new RememberedMessage.Participant(party.address().toString(), party.role().name(),
            party.person().map(p -> p.id()).orElse(""), visibility);
    }

    public byte[] render(CorpusCase c) {
        try {
            MimeMessage message = new MimeMessage(SESSION) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", "<" + c.id() + "@corpus.prioryvale-tc.example>");
                }
            };
            message.setFrom(address(c.from()));
            for (String to : c.to()) {
                message.addRecipient(MimeMessage.RecipientType.TO, address(to));
            }
            for (String cc : c.cc()) {
                message.addRecipient(MimeMessage.RecipientType.CC, address(cc));
            }
            message.setSubject(c.subject(), "UTF-8");
            message.setSentDate(Date.from(Instant.parse("2026-11-23T10:15:00Z")));
            Optional<String> inReplyTo = c.inReplyTo().or(() -> c.remembered().stream().findFirst().map(CorpusCase.Remembered::id));
            if (inReplyTo.isPresent()) {
                message.setHeader("In-Reply-To", "<" + inReplyTo.get() + ">");
                message.setHeader("References", "<" + inReplyTo.get() + ">");
            }
            for (Map.Entry<String, String> header : c.headers().entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            boolean attachedForward = c.forward().filter("attached"::equals).isPresent() && !c.quotes().isEmpty();
            List<CorpusCase.Quote> inline = attachedForward ? List.of() : c.quotes();
            MimeBodyPart body = switch (c.client()) {
                case "gmail" -> gmail(c, inline);
                case "thunderbird" -> thunderbird(c, inline);
                default -> outlook(c, inline, message);
            };
            List<MimeBodyPart> files = new ArrayList<>();
            if (attachedForward) {
                files.add(attachedMessage(c.quotes().get(0)));
            }
            for (CorpusCase.File file : c.attachments()) {
                files.add(file(file));
            }
            if (files.isEmpty()) {
                Object content = body.getContent();
                if (content instanceof MimeMultipart multipart) {
                    message.setContent(multipart);
                } else {
                    message.setText((String) content, "UTF-8");
                    message.saveChanges();
                    message.setHeader("Content-Type", body.getContentType());
                }
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                mixed.addBodyPart(body);
                for (MimeBodyPart file : files) {
                    mixed.addBodyPart(file);
                }
                message.setContent(mixed);
            }
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(c.id() + ": " + e.getMessage(), e);
        }
    }

    private String ownText(CorpusCase c) {
        StringBuilder text = new StringBuilder(c.body());
        c.signature().map(s -> fragment("signatures", s)).ifPresent(s -> text.append("\n\n").append(s.strip()));
        c.disclaimer().map(d -> fragment("disclaimers", d)).ifPresent(d -> text.append("\n\n").append(d.strip()));
        return text.toString();
    }

    private String fragment(String kind, String name) {
        return Optional.ofNullable(fragments.get(kind).get(name)).orElse(name);
    }

    private MimeBodyPart outlook(CorpusCase c, List<CorpusCase.Quote> quotes, MimeMessage message) throws MessagingException {
        message.setHeader("Thread-Topic", c.subject().replaceFirst("(?i)^((re|fw|fwd):\\s*)+", ""));
        message.setHeader("Thread-Index", "AdtB" + Integer.toHexString(c.id().hashCode()));
        message.setHeader("Content-Language", "en-GB");
        message.setHeader("X-MS-Has-Attach", c.attachments().isEmpty() ? "" : "yes");
        StringBuilder plain = new StringBuilder(ownText(c));
        StringBuilder html = new StringBuilder("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
            + "<style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt; font-family:\"Calibri\",sans-serif;} --></style></head>"
            + "<body lang=\"EN-GB\"><div class=\"WordSection1\">");
        paragraphs(html, ownText(c));
        for (CorpusCase.Quote q : quotes) {
            plain.append("\n\n________________________________\nFrom: ").append(q.from()).append("\nSent: ").append(q.sent())
                .append("\nTo: ").append(String.join("; ", q.to()));
            if (!q.cc().isEmpty()) {
                plain.append("\nCc: ").append(String.join("; ", q.cc()));
            }
            plain.append("\nSubject: ").append(q.subject()).append("\n\n").append(q.body());
            html.append("<div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\"><p class=\"MsoNormal\">")
                .append("<b>From:</b> ").append(escape(q.from())).append("<br><b>Sent:</b> ").append(escape(q.sent()))
                .append("<br><b>To:</b> ").append(escape(String.join("; ", q.to())));
            if (!q.cc().isEmpty()) {
                html.append("<br><b>Cc:</b> ").append(escape(String.join("; ", q.cc())));
            }
            html.append("<br><b>Subject:</b> ").append(escape(q.subject())).append("</p></div><p class=\"MsoNormal\">&nbsp;</p>");
            paragraphs(html, q.body());
        }
        html.append("</div></body></html>");
        return alternative(plain.toString(), html.toString());
    }

    private MimeBodyPart gmail(CorpusCase c, List<CorpusCase.Quote> quotes) throws MessagingException {
        StringBuilder plain = new StringBuilder(ownText(c));
        StringBuilder html = new StringBuilder("<div dir=\"ltr\">");
        for (String line : ownText(c).split("\n", -1)) {
            html.append(line.isEmpty() ? "<div><br></div>" : "<div>" + escape(line) + "</div>");
        }
        html.append("</div>");
        boolean forward = c.forward().isPresent();
        StringBuilder nestedPlain = new StringBuilder();
        for (int i = quotes.size() - 1; i >= 0; i--) {
            CorpusCase.Quote q = quotes.get(i);
            String inner = q.body() + (nestedPlain.length() > 0 ? "\n\n" + nestedPlain : "");
            nestedPlain = new StringBuilder();
            if (forward && i == 0) {
                nestedPlain.append("---------- Forwarded message ---------\nFrom: ").append(q.from()).append("\nDate: ").append(q.sent())
                    .append("\nSubject: ").append(q.subject()).append("\nTo: ").append(String.join(", ", q.to()));
                if (!q.cc().isEmpty()) {
                    nestedPlain.append("\nCc: ").append(String.join(", ", q.cc()));
                }
                nestedPlain.append("\n\n\n").append(inner);
            } else {
                nestedPlain.append("On ").append(q.sent()).append(", ").append(q.from()).append(" wrote:\n");
                for (String line : inner.split("\n", -1)) {
                    nestedPlain.append(line.isEmpty() ? ">" : "> " + line).append('\n');
                }
            }
        }
        if (nestedPlain.length() > 0) {
            plain.append("\n\n").append(nestedPlain.toString().stripTrailing());
            html.append("<br><div class=\"gmail_quote\">");
            String[] quoted = nestedPlain.toString().stripTrailing().split("\n", -1);
            html.append(gmailHtml(quoted, 0));
            html.append("</div>");
        }
        return alternative(plain.toString(), html.toString());
    }

    /** Gmail's HTML for its own plain rendering: "&gt;" lines become blockquotes. */
    private static String gmailHtml(String[] lines, int from) {
        StringBuilder html = new StringBuilder();
        int i = from;
        while (i < lines.length) {
            if (lines[i].startsWith(">")) {
                List<String> inner = new ArrayList<>();
                while (i < lines.length && lines[i].startsWith(">")) {
                    inner.add(lines[i].startsWith("> ") ? lines[i].substring(2) : lines[i].substring(1));
                    i++;
                }
                html.append("<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex\">")
                    .append(gmailHtml(inner.toArray(String[]::new), 0)).append("</blockquote>");
            } else {
                html.append(lines[i].isEmpty() ? "<br>" : escape(lines[i]) + "<br>");
                i++;
            }
        }
        return html.toString();
    }

    private MimeBodyPart thunderbird(CorpusCase c, List<CorpusCase.Quote> quotes) throws MessagingException {
        StringBuilder plain = new StringBuilder(ownText(c));
        boolean forward = c.forward().isPresent();
        for (int i = 0; i < quotes.size(); i++) {
            CorpusCase.Quote q = quotes.get(i);
            if (forward && i == 0) {
                plain.append("\n\n\n-------- Forwarded Message --------\nSubject: \t").append(q.subject()).append("\nDate: \t").append(q.sent())
                    .append("\nFrom: \t").append(q.from()).append("\nTo: \t").append(String.join(", ", q.to()));
                if (!q.cc().isEmpty()) {
                    plain.append("\nCC: \t").append(String.join(", ", q.cc()));
                }
                plain.append("\n\n\n\n").append(q.body());
            } else {
                String prefix = "> ".repeat(forward ? i : i + 1).strip() + " ";
                plain.append("\n\n").append(forward && i == 0 ? "" : "").append("On ").append(q.sent()).append(", ")
                    .append(q.from().replaceAll("\\s*<.*>", "")).append(" wrote:\n");
                for (String line : q.body().split("\n", -1)) {
                    plain.append(line.isEmpty() ? prefix.strip() : prefix + line).append('\n');
                }
            }
        }
        MimeBodyPart part = new MimeBodyPart();
        part.setText(plain.toString(), "UTF-8");
        part.setHeader("Content-Type", "text/plain; charset=UTF-8; format=flowed");
        return part;
    }

    private MimeBodyPart attachedMessage(CorpusCase.Quote q) throws MessagingException, IOException {
        MimeMessage inner = new MimeMessage(SESSION);
        inner.setFrom(address(q.from()));
        for (String to : q.to()) {
            inner.addRecipient(MimeMessage.RecipientType.TO, address(to));
        }
        for (String cc : q.cc()) {
            inner.addRecipient(MimeMessage.RecipientType.CC, address(cc));
        }
        inner.setSubject(q.subject(), "UTF-8");
        inner.setHeader("Date", q.sent());
        inner.setText(q.body(), "UTF-8");
        inner.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        inner.writeTo(out);
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(out.toByteArray(), "message/rfc822")));
        part.setFileName(q.subject().replaceAll("[^A-Za-z0-9 ]", "") + ".eml");
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    private static MimeBodyPart file(CorpusCase.File file) throws MessagingException {
        String name = file.name();
        byte[] bytes;
        String type;
        if (name.endsWith(".pdf")) {
            bytes = Documents.pdf(file.pages().toArray(String[]::new));
            type = "application/pdf";
        } else if (name.endsWith(".docx")) {
            bytes = Documents.docx(file.header(), file.paragraphs().toArray(String[]::new));
            type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        } else {
            bytes = String.join("\n", file.paragraphs()).getBytes(StandardCharsets.UTF_8);
            type = "text/plain";
        }
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type)));
        part.setFileName(name);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    private static MimeBodyPart alternative(String plain, String html) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(plain, "UTF-8");
        text.setHeader("Content-Transfer-Encoding", "quoted-printable");
        alternative.addBodyPart(text);
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, "UTF-8", "html");
        rich.setHeader("Content-Transfer-Encoding", "quoted-printable");
        alternative.addBodyPart(rich);
        MimeBodyPart wrapper = new MimeBodyPart();
        wrapper.setContent(alternative);
        return wrapper;
    }

    private static void paragraphs(StringBuilder html, String text) {
        for (String line : text.split("\n", -1)) {
            html.append("<p class=\"MsoNormal\">").append(line.isEmpty() ? "&nbsp;" : escape(line)).append("<o:p></o:p></p>");
        }
    }

    private InternetAddress address(String written) throws MessagingException {
        if (written.contains("<")) {
            return new InternetAddress(written, false);
        }
        Party party = directory.resolve(EmailAddress.of(written));
        try {
            return party.person().isPresent() ? new InternetAddress(written, party.person().get().name(), "UTF-8") : new InternetAddress(written);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String bare(String written) {
        int open = written.indexOf('<');
        return open >= 0 ? written.substring(open + 1, written.indexOf('>', open)).strip() : written.strip();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

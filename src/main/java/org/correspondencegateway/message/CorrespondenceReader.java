package org.correspondencegateway.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

import javax.mail.Header;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeUtility;

import org.correspondencegateway.directory.Directory;
import org.correspondencegateway.directory.EmailAddress;
import org.correspondencegateway.directory.Party;
import org.correspondencegateway.directory.Person;
import org.correspondencegateway.extraction.AttachmentContent;
import org.correspondencegateway.extraction.AttachmentSpool;
import org.correspondencegateway.extraction.AttachmentTextExtractor;
import org.correspondencegateway.extraction.Extraction;
import org.correspondencegateway.memory.CorrespondenceMemory;
import org.correspondencegateway.memory.RememberedMessage;

/**
 * Builds the {@link Correspondence} model of a message from its MIME form and its SMTP envelope: the
 * one place that answers, for every rule, who sent it, who received it (silently or not), where it sits
 * in a conversation, what the author wrote as opposed to what they quoted, and what its attachments say.
 *
 * <p>Malformed input never throws: whatever cannot be read is listed in
 * {@link Correspondence#problems()} and the rest is read. Thread-safe, given a thread-safe directory
 * supplier, extractor and memory.
 */
public final class CorrespondenceReader {
    private final Supplier<Directory> directory;
    private final AttachmentTextExtractor extractor;
    private final AttachmentSpool spool;
    private final CorrespondenceMemory memory;
    private final Session session;

    public CorrespondenceReader(Supplier<Directory> directory, AttachmentTextExtractor extractor, AttachmentSpool spool,
                                CorrespondenceMemory memory) {
        this.directory = directory;
        this.extractor = extractor;
        this.spool = spool;
        this.memory = memory;
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        this.session = Session.getInstance(properties);
    }

    /** A session for parsing raw messages the way this reader expects. */
    public Session session() {
        return session;
    }

    /** Parses {@code raw} (RFC 5322 bytes) and reads it. */
    public Correspondence read(InputStream raw, Envelope envelope) throws IOException {
        MimeMessage message;
        try {
            message = new MimeMessage(session, raw);
        } catch (MessagingException e) {
            throw new IOException("not a message: " + e.getMessage(), e);
        }
        return read(message, envelope);
    }

    public Correspondence read(MimeMessage message, Envelope envelope) {
        Directory people = directory.get();
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> headers = headers(message, problems);

        String subject = subject(message, problems);
        Sender sender = sender(message, envelope, people, problems);
        List<Recipient> recipients = recipients(message, envelope, people, problems);

        MimeWalk walk = new MimeWalk(session, 0);
        walk.walk(message, "the message");
        problems.addAll(walk.problems);
        List<String> unread = new ArrayList<>(walk.unread);

        boolean forwardSubject = QuotedHistory.isForwardSubject(subject);
        QuotedHistory.Split split = QuotedHistory.split(String.join("\n\n", walk.texts), forwardSubject);
        SignatureBlock.Split signature = SignatureBlock.split(split.newText());

        List<QuotedMessage> quoted = new ArrayList<>();
        for (QuotedHistory.RawQuote raw : split.quotes()) {
            quoted.add(resolve(raw, people));
        }
        List<Attachment> attachments = new ArrayList<>();
        for (MimeWalk.PendingAttachment pending : walk.attachments) {
            attachments.add(attachment(pending, "", problems));
        }
        for (MimeMessage attached : walk.attachedMessages) {
            attachedMessage(attached, people, quoted, attachments, problems, unread, 1);
        }

        ThreadContext thread = thread(message, subject, forwardSubject, quoted);
        return new Correspondence(sender, recipients, subject, thread, signature.body(), signature.signature(),
            attachments, headers, walk.signed, walk.encrypted, problems, unread);
    }

    /** An attached message: a quoted message of its own, its files among the attachments. */
    private void attachedMessage(MimeMessage attached, Directory people, List<QuotedMessage> quoted,
                                 List<Attachment> attachments, List<String> problems, List<String> unread, int depth) {
        MimeWalk walk = new MimeWalk(session, depth);
        walk.walk(attached, "an attached message");
        problems.addAll(walk.problems);
        unread.addAll(walk.unread);
        List<String> ignored = new ArrayList<>();
        String subject = subject(attached, ignored);
        String label = "the attached message \"" + subject + "\"";
        quoted.add(new QuotedMessage(QuotedMessage.Kind.ATTACHED,
            firstHeaderParty(attached, "From", people),
            headerParties(attached, "To", people), headerParties(attached, "Cc", people),
            Optional.ofNullable(header(attached, "Date")), Optional.of(subject),
            String.join("\n\n", walk.texts).strip()));
        for (MimeWalk.PendingAttachment pending : walk.attachments) {
            attachments.add(attachment(pending, label + " > ", problems));
        }
        if (depth < MimeWalk.MAX_MESSAGE_DEPTH) {
            for (MimeMessage inner : walk.attachedMessages) {
                attachedMessage(inner, people, quoted, attachments, problems, unread, depth + 1);
            }
        }
    }

    private Attachment attachment(MimeWalk.PendingAttachment pending, String within, List<String> problems) {
        String name = within + pending.name();
        try (InputStream in = pending.part().getInputStream();
             AttachmentContent content = spool.spool(name, pending.contentType(), in)) {
            Extraction extraction = pending.contentType().startsWith("image/")
                ? new Extraction.NotInspected(Extraction.Reason.NO_TEXT, name + " is a picture, with no text to read")
                : extractor.extract(content);
            return new Attachment(name, pending.contentType(), content.size(), content.sha256(), extraction);
        } catch (IOException | MessagingException | RuntimeException e) {
            problems.add(name + " could not be decoded: " + MimeWalk.describe(e));
            return new Attachment(name, pending.contentType(), 0, "",
                new Extraction.NotInspected(Extraction.Reason.CORRUPT, name + " could not be decoded (" + MimeWalk.describe(e) + ")"));
        }
    }

    private ThreadContext thread(MimeMessage message, String subject, boolean forwardSubject, List<QuotedMessage> quoted) {
        Optional<String> messageId = Optional.ofNullable(header(message, "Message-ID")).map(CorrespondenceMemory::bare).filter(s -> !s.isEmpty());
        Optional<String> inReplyTo = Optional.ofNullable(header(message, "In-Reply-To")).map(CorrespondenceReader::firstId).filter(s -> !s.isEmpty());
        List<String> references = Optional.ofNullable(header(message, "References"))
            .map(r -> Arrays.stream(r.split("[\\s,]+")).map(CorrespondenceMemory::bare).filter(s -> !s.isEmpty()).toList())
            .orElse(List.of());
        boolean reply = inReplyTo.isPresent() || subject.strip().toLowerCase(Locale.ROOT).matches("^(re|aw)\\s*:.*");
        boolean forward = forwardSubject || quoted.stream().anyMatch(q -> q.kind() != QuotedMessage.Kind.REPLY);
        Optional<RememberedMessage> original = inReplyTo.flatMap(memory::recall);
        if (original.isEmpty()) {
            List<String> newestFirst = new ArrayList<>(references);
            Collections.reverse(newestFirst);
            original = newestFirst.stream().map(memory::recall).flatMap(Optional::stream).findFirst();
        }
        return new ThreadContext(messageId, inReplyTo, references, reply, forward, quoted, original);
    }

    private static String firstId(String value) {
        String trimmed = value.strip();
        int open = trimmed.indexOf('<');
        int close = trimmed.indexOf('>', open + 1);
        return open >= 0 && close > open ? trimmed.substring(open + 1, close).strip() : CorrespondenceMemory.bare(trimmed);
    }

    private Sender sender(MimeMessage message, Envelope envelope, Directory people, List<String> problems) {
        List<Mailbox> from = mailboxes(message, "From", problems);
        if (from.isEmpty()) {
            problems.add("the message has no usable From address");
        } else if (from.size() > 1) {
            problems.add("the From header names " + from.size() + " addresses; the first is taken as the author");
        }
        Optional<Mailbox> author = from.stream().findFirst();
        List<Party> identities = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        author.ifPresent(mailbox -> identities.add(people.resolve(mailbox.address())));
        for (Mailbox onBehalf : mailboxes(message, "Sender", problems)) {
            addIdentity(identities, people.resolve(onBehalf.address()), "the Sender header", author, disagreements);
        }
        envelope.sender().ifPresent(address -> addIdentity(identities, people.resolve(address), "the envelope sender", author, disagreements));
        envelope.authenticatedUser().flatMap(EmailAddress::parse)
            .ifPresent(address -> addIdentity(identities, people.resolve(address), "the authenticated SMTP user", author, disagreements));
        Optional<Party> party = identities.stream().findFirst();
        return new Sender(author, envelope.sender(), envelope.authenticatedUser(), party, identities, disagreements);
    }

    private static void addIdentity(List<Party> identities, Party party, String source, Optional<Mailbox> author,
                                    List<String> disagreements) {
        boolean known = identities.stream().anyMatch(p -> p.address().equals(party.address()) || p.samePersonAs(party));
        if (!known) {
            identities.add(party);
            disagreements.add(source + " is " + party.describe() + ", but the From header is "
                + author.map(Mailbox::toString).orElse("missing"));
        }
    }

    private List<Recipient> recipients(MimeMessage message, Envelope envelope, Directory people, List<String> problems) {
        Map<EmailAddress, Recipient> byAddress = new LinkedHashMap<>();
        for (Mailbox mailbox : mailboxes(message, "To", problems)) {
            byAddress.putIfAbsent(mailbox.address(), new Recipient(people.resolve(mailbox.address()), Visibility.TO, mailbox.displayName(), false));
        }
        for (Mailbox mailbox : mailboxes(message, "Cc", problems)) {
            byAddress.putIfAbsent(mailbox.address(), new Recipient(people.resolve(mailbox.address()), Visibility.CC, mailbox.displayName(), false));
        }
        for (Mailbox mailbox : mailboxes(message, "Bcc", problems)) {
            byAddress.putIfAbsent(mailbox.address(), new Recipient(people.resolve(mailbox.address()), Visibility.SILENT, mailbox.displayName(), false));
        }
        for (EmailAddress address : envelope.recipients()) {
            Recipient known = byAddress.get(address);
            byAddress.put(address, known == null
                ? new Recipient(people.resolve(address), Visibility.SILENT, Optional.empty(), true)
                : new Recipient(known.party(), known.visibility(), known.displayName(), true));
        }
        return List.copyOf(byAddress.values());
    }

    private static List<Mailbox> mailboxes(MimeMessage message, String name, List<String> problems) {
        String value = header(message, name);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<Mailbox> mailboxes = new ArrayList<>();
        for (InternetAddress address : parseAddresses(value, name, problems)) {
            Optional<EmailAddress> parsed = EmailAddress.parse(address.getAddress());
            if (parsed.isPresent()) {
                mailboxes.add(new Mailbox(Optional.ofNullable(address.getPersonal()).map(String::strip).filter(s -> !s.isEmpty()), parsed.get()));
            } else if (address.getAddress() != null && !address.getAddress().isBlank()) {
                problems.add("the " + name + " header's '" + address.getAddress() + "' is not an email address");
            }
        }
        return mailboxes;
    }

    private static List<InternetAddress> parseAddresses(String value, String name, List<String> problems) {
        List<InternetAddress> addresses = new ArrayList<>();
        try {
            for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                if (address.isGroup()) {
                    addresses.addAll(Arrays.asList(address.getGroup(false)));
                } else {
                    addresses.add(address);
                }
            }
        } catch (AddressException e) {
            problems.add("the " + name + " header is malformed (" + e.getMessage() + "); read address by address");
            for (String piece : value.split("[,;]")) {
                try {
                    addresses.add(new InternetAddress(piece.strip(), false));
                } catch (AddressException ignored) {
                    // reported above
                }
            }
        }
        return addresses;
    }

    private QuotedMessage resolve(QuotedHistory.RawQuote raw, Directory people) {
        Map<String, String> fields = raw.fields();
        return new QuotedMessage(raw.kind(),
            Optional.ofNullable(fields.get("from")).filter(f -> !f.isBlank()).map(f -> quotedParty(f, people)),
            quotedParties(fields.get("to"), people), quotedParties(fields.get("cc"), people),
            Optional.ofNullable(fields.get("date")), Optional.ofNullable(fields.get("subject")), raw.text());
    }

    private static List<QuotedMessage.QuotedParty> quotedParties(String written, Directory people) {
        if (written == null || written.isBlank()) {
            return List.of();
        }
        return QuotedAddressList.split(written).stream().map(piece -> quotedParty(piece, people)).toList();
    }

    static QuotedMessage.QuotedParty quotedParty(String written, Directory people) {
        Optional<EmailAddress> address = QuotedAddressList.address(written);
        Optional<Party> party = address.map(people::resolve);
        Optional<Person> person = party.flatMap(Party::person)
            .or(() -> people.personNamed(QuotedAddressList.name(written)));
        return new QuotedMessage.QuotedParty(written.strip(), party, person);
    }

    private Optional<QuotedMessage.QuotedParty> firstHeaderParty(MimeMessage message, String name, Directory people) {
        List<QuotedMessage.QuotedParty> parties = headerParties(message, name, people);
        return parties.stream().findFirst();
    }

    private List<QuotedMessage.QuotedParty> headerParties(MimeMessage message, String name, Directory people) {
        List<String> ignored = new ArrayList<>();
        return mailboxes(message, name, ignored).stream()
            .map(m -> {
                Party party = people.resolve(m.address());
                return new QuotedMessage.QuotedParty(m.toString(), Optional.of(party), party.person());
            }).toList();
    }

    private static String subject(MimeMessage message, List<String> problems) {
        try {
            String subject = message.getSubject();
            if (subject == null) {
                return "";
            }
            if (subject.contains("=?")) {
                try {
                    subject = MimeUtility.decodeText(subject);
                } catch (UnsupportedEncodingException e) {
                    problems.add("the subject's encoding is not understood; it is read as written");
                }
            }
            return MimeUtility.unfold(subject).strip();
        } catch (MessagingException | RuntimeException e) {
            problems.add("the subject could not be decoded (" + MimeWalk.describe(e) + "); it is read as written");
            return Optional.ofNullable(header(message, "Subject")).orElse("");
        }
    }

    private static Map<String, List<String>> headers(MimeMessage message, List<String> problems) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        try {
            Enumeration<Header> all = message.getAllHeaders();
            while (all.hasMoreElements()) {
                Header header = all.nextElement();
                headers.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(decode(MimeUtility.unfold(Optional.ofNullable(header.getValue()).orElse(""))).strip());
            }
        } catch (MessagingException | RuntimeException e) {
            problems.add("the headers could not all be read (" + MimeWalk.describe(e) + ")");
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        headers.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return frozen;
    }

    private static String header(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, ",");
            return value == null ? null : MimeUtility.unfold(value);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String decode(String value) {
        if (!value.contains("=?")) {
            return value;
        }
        try {
            return MimeUtility.decodeText(value);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return value;
        }
    }
}

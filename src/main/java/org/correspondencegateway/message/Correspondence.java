package org.correspondencegateway.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.correspondencegateway.directory.Party;
import org.correspondencegateway.directory.Person;
import org.correspondencegateway.directory.Role;
import org.correspondencegateway.extraction.Extraction;
import org.correspondencegateway.memory.RememberedMessage;

/**
 * What a message really says, for the protocol rules: who sent it, to whom (the silent recipients
 * included), where it sits in a conversation, the author's own words apart from the quoted history and
 * the signature, and the text of its attachments. Built once per message by {@link CorrespondenceReader};
 * knows nothing of James.
 *
 * @param sender who sent it
 * @param recipients each recipient once, with where they appear
 * @param subject the subject, decoded
 * @param thread its place in the conversation
 * @param newText the author's own words, without quoted history or signature
 * @param signature the sign-off and signature block closing the new text, if found
 * @param attachments the files it carries
 * @param headers every header, by lower-case name, values unfolded and decoded
 * @param signed whether it is signed (S/MIME or PGP): it must not be altered
 * @param encrypted whether its content is encrypted, so its text could not be read
 * @param problems what was malformed or could not be read, in words
 * @param unread what a safety limit kept the reader from reading (too many parts, multiparts nested too
 *               deep): a message with anything unread cannot be fully checked
 */
public record Correspondence(Sender sender, List<Recipient> recipients, String subject, ThreadContext thread,
                             String newText, Optional<String> signature, List<Attachment> attachments,
                             Map<String, List<String>> headers, boolean signed, boolean encrypted,
                             List<String> problems, List<String> unread) {

    public Correspondence {
        recipients = List.copyOf(recipients);
        attachments = List.copyOf(attachments);
        headers = Map.copyOf(headers);
        problems = List.copyOf(problems);
        unread = List.copyOf(unread);
    }

    public List<Recipient> recipients(Role role) {
        return recipients.stream().filter(r -> r.is(role)).toList();
    }

    public List<Recipient> silentRecipients() {
        return recipients.stream().filter(Recipient::isSilent).toList();
    }

    /** A header's values, by name in any case. */
    public List<String> header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The new text with its signature, as the author wrote it above any quoted history. */
    public String authoredText() {
        return signature.map(s -> newText.isEmpty() ? s : newText + "\n" + s).orElse(newText);
    }

    /**
     * Every piece of text in the message with where it is: subject, new text, signature, each quoted
     * message, each attachment's name and text (page by page where the format has pages).
     */
    public List<TextSegment> segments() {
        List<TextSegment> segments = new ArrayList<>();
        segments.add(TextSegment.of(Location.SUBJECT, subject));
        if (!newText.isBlank()) {
            segments.add(TextSegment.of(Location.NEW_TEXT, newText));
        }
        signature.ifPresent(s -> segments.add(TextSegment.of(Location.SIGNATURE, s)));
        for (QuotedMessage quoted : thread.quoted()) {
            Optional<String> by = quoted.from().map(f -> "From: " + f.written());
            quoted.subject().ifPresent(s -> segments.add(new TextSegment(Location.QUOTED_TEXT, s, Optional.empty(),
                Optional.of("Subject of " + by.orElse("an earlier message")))));
            segments.add(new TextSegment(Location.QUOTED_TEXT, quoted.text(), Optional.empty(), by));
        }
        for (Attachment attachment : attachments) {
            segments.add(new TextSegment(Location.ATTACHMENT_NAME, attachment.name(), Optional.of(attachment.name()), Optional.empty()));
            if (attachment.extraction() instanceof Extraction.Extracted extracted) {
                for (Extraction.Part part : extracted.parts()) {
                    String within = part.within().map(w -> attachment.name() + " > " + w).orElse(attachment.name());
                    segments.add(new TextSegment(Location.ATTACHMENT_TEXT, part.text(), Optional.of(within), part.label()));
                }
            }
        }
        return List.copyOf(segments);
    }

    /**
     * What the gateway's memory keeps of this message, when it has a Message-ID: its sender and
     * recipients with their roles, nothing of its content.
     */
    public Optional<RememberedMessage> remembered(Instant seen) {
        if (thread.messageId().isEmpty() || sender.party().isEmpty()) {
            return Optional.empty();
        }
        List<RememberedMessage.Participant> to = recipients.stream()
            .map(r -> participant(r.party(), r.visibility().name())).toList();
        return Optional.of(new RememberedMessage(thread.messageId().get(), seen, participant(sender.party().get(), "FROM"), to));
    }

    private static RememberedMessage.Participant participant(Party party, String visibility) {
        return new RememberedMessage.Participant(party.address().toString(), party.role().name(),
            party.person().map(Person::id).orElse(""), visibility);
    }

    /** The attachments that could not be read, and why. */
    public List<Attachment> uninspectedAttachments() {
        return attachments.stream().filter(a -> a.extraction() instanceof Extraction.NotInspected).toList();
    }
}

package org.correspondencegateway.check;

import java.util.List;
import java.util.Optional;

import org.correspondencegateway.extraction.Extraction;
import org.correspondencegateway.message.Correspondence;
import org.correspondencegateway.message.Recipient;
import org.correspondencegateway.rules.Finding;
import org.correspondencegateway.rules.FindingSummary;

/**
 * What {@code check} says about one message: a flat, stable shape for {@code --json}, and the rows of
 * the readable table.
 *
 * @param message where the message came from
 * @param subject its subject
 * @param from its sender, with role
 * @param senderDisagreements where the From header, envelope and login disagree
 * @param recipients each recipient with where they appear and their role
 * @param attachments each attachment and whether it was read
 * @param problems what in the message was malformed or unreadable
 * @param findings what the protocol rules found
 * @param error why the message could not be read at all, when it could not
 */
public record MessageReport(String message, String subject, Optional<FindingSummary.PartyView> from, List<String> senderDisagreements,
                            List<RecipientView> recipients, List<AttachmentView> attachments, List<String> problems,
                            List<FindingSummary> findings, Optional<String> error) {

    static MessageReport of(String source, Correspondence message, List<Finding> findings, List<String> ruleFailures) {
        List<String> problems = new java.util.ArrayList<>(message.problems());
        problems.addAll(ruleFailures);
        return new MessageReport(source, message.subject(), message.sender().party().map(FindingSummary.PartyView::of),
            message.sender().disagreements(),
            message.recipients().stream().map(MessageReport::recipient).toList(),
            message.attachments().stream().map(a -> new AttachmentView(a.name(), a.contentType(), a.size(),
                a.extraction() instanceof Extraction.Extracted,
                a.extraction() instanceof Extraction.NotInspected n ? Optional.of(n.detail()) : Optional.empty())).toList(),
            problems, findings.stream().map(FindingSummary::of).toList(), Optional.empty());
    }

    static MessageReport unreadable(String source, String why) {
        return new MessageReport(source, "", Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of(), Optional.of(why));
    }

    /** A recipient, where they appear, and whether the envelope carries them. */
    public record RecipientView(FindingSummary.PartyView party, String addressedAs, boolean inEnvelope) {
    }

    /** An attachment and whether it was read. */
    public record AttachmentView(String name, String type, long bytes, boolean read, Optional<String> notInspected) {
    }

    private static RecipientView recipient(Recipient recipient) {
        return new RecipientView(FindingSummary.PartyView.of(recipient.party()), recipient.visibility().label(), recipient.inEnvelope());
    }
}

package org.correspondencegateway.check;

import java.util.List;
import java.util.Optional;

import org.correspondencegateway.directory.Party;
import org.correspondencegateway.extraction.Extraction;
import org.correspondencegateway.message.Correspondence;
import org.correspondencegateway.message.Recipient;
import org.correspondencegateway.rules.Finding;
import org.correspondencegateway.rules.ProtocolReference;

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
public record MessageReport(String message, String subject, Optional<PartyView> from, List<String> senderDisagreements,
                            List<RecipientView> recipients, List<AttachmentView> attachments, List<String> problems,
                            List<FindingView> findings, Optional<String> error) {

    /** An address, its role, and the listed person's name and id. */
    public record PartyView(String address, String role, Optional<String> name, Optional<String> id) {
        static PartyView of(Party party) {
            return new PartyView(party.address().toString(), party.role().label(),
                party.person().map(p -> p.name()), party.person().map(p -> p.id()));
        }
    }

    public record RecipientView(PartyView party, String addressedAs, boolean inEnvelope) {
    }

    public record AttachmentView(String name, String type, long bytes, boolean read, Optional<String> notInspected) {
    }

    public record EvidenceView(String words, String where, String why) {
    }

    public record FindingView(String rule, String title, String severity, List<String> protocols, List<String> concerned,
                              List<EvidenceView> evidence, String explanation, String advice) {
    }

    static MessageReport of(String source, Correspondence message, List<Finding> findings, List<String> ruleFailures) {
        List<String> problems = new java.util.ArrayList<>(message.problems());
        problems.addAll(ruleFailures);
        return new MessageReport(source, message.subject(), message.sender().party().map(PartyView::of),
            message.sender().disagreements(),
            message.recipients().stream().map(MessageReport::recipient).toList(),
            message.attachments().stream().map(a -> new AttachmentView(a.name(), a.contentType(), a.size(),
                a.extraction() instanceof Extraction.Extracted,
                a.extraction() instanceof Extraction.NotInspected n ? Optional.of(n.detail()) : Optional.empty())).toList(),
            problems, findings.stream().map(MessageReport::finding).toList(), Optional.empty());
    }

    static MessageReport unreadable(String source, String why) {
        return new MessageReport(source, "", Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of(), Optional.of(why));
    }

    private static RecipientView recipient(Recipient recipient) {
        return new RecipientView(PartyView.of(recipient.party()), recipient.visibility().label(), recipient.inEnvelope());
    }

    private static FindingView finding(Finding finding) {
        return new FindingView(finding.rule(), finding.title(), finding.severity().name(),
            finding.protocols().stream().map(ProtocolReference::cite).toList(),
            finding.concerned().stream().map(Party::describe).toList(),
            finding.evidence().stream().map(e -> new EvidenceView(e.words(), e.where(), e.why())).toList(),
            finding.explanation(), finding.advice());
    }
}

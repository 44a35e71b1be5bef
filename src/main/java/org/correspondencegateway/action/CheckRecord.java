package org.correspondencegateway.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.correspondencegateway.directory.Party;
import org.correspondencegateway.directory.Role;
import org.correspondencegateway.extraction.Extraction;
import org.correspondencegateway.message.Correspondence;
import org.correspondencegateway.rules.FindingSummary;
import org.correspondencegateway.rules.ProtocolCheck;

/**
 * What the check stage concluded about one message, stored on the mail for the action stage and kept
 * with held mail for the Clerk: plain values, written as JSON.
 *
 * @param messageId the message's Message-ID
 * @param subject its subject
 * @param sender the sender's address, when there is one
 * @param senderName the sender's name, for notices
 * @param senderInside whether the sender is inside the council (only they are sent notices)
 * @param recipients every recipient's address
 * @param findings what the rules found
 * @param uncheckable why the message could not be fully checked, if it could not
 * @param signed whether the message is signed, so must not be altered
 */
public record CheckRecord(Optional<String> messageId, String subject, Optional<String> sender, Optional<String> senderName,
                          boolean senderInside, List<String> recipients, List<FindingSummary> findings,
                          List<String> uncheckable, boolean signed) {

    public CheckRecord {
        recipients = List.copyOf(recipients);
        findings = List.copyOf(findings);
        uncheckable = List.copyOf(uncheckable);
    }

    /** The record of a message read and checked. */
    public static CheckRecord of(Correspondence message, ProtocolCheck.Outcome outcome) {
        List<String> uncheckable = new ArrayList<>(outcome.failures());
        uncheckable.addAll(message.unread());
        if (message.encrypted()) {
            uncheckable.add("the message is encrypted, so its text could not be read");
        }
        message.attachments().forEach(attachment -> {
            if (attachment.extraction() instanceof Extraction.NotInspected notInspected && notInspected.reason().isFailure()) {
                uncheckable.add(notInspected.detail());
            }
        });
        Optional<Party> sender = message.sender().identities().stream().filter(p -> p.role().isInsideCouncil()).findFirst()
            .or(() -> message.sender().party());
        return new CheckRecord(message.thread().messageId(), message.subject(), sender.map(p -> p.address().toString()),
            sender.flatMap(Party::person).map(p -> p.name()), sender.map(p -> p.role().isInsideCouncil() && p.role() != Role.PARTNER).orElse(false),
            message.recipients().stream().map(r -> r.party().address().toString()).toList(),
            outcome.findings().stream().map(FindingSummary::of).toList(), uncheckable, message.signed());
    }

    /** The same record for a message that cannot be altered (as if signed): disclosure becomes a warning. */
    public CheckRecord unalterable() {
        return new CheckRecord(messageId, subject, sender, senderName, senderInside, recipients, findings, uncheckable, true);
    }

    /** The record of a message that could not be read at all. */
    public static CheckRecord unreadable(Optional<String> sender, List<String> recipients, String subject, String why) {
        return new CheckRecord(Optional.empty(), subject, sender, Optional.empty(), false, recipients, List.of(),
            List.of("the message could not be read: " + why), false);
    }
}

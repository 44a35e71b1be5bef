package org.correspondencegateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One thing that happened to one message: a check outcome, or a decision. It holds what the Town Clerk
 * may see of the message in the console (subject, sender, recipients, the rules and their outcomes)
 * and no more: no body text, no attachment.
 *
 * @param time when
 * @param event what: passed, held, warned, disclosed, monitored (check outcomes); released, rejected,
 *     acknowledged (decisions); notice-not-sent (a notice that could not be written or sent)
 * @param mailKey the gateway's key for the mail (the held or flagged repository's key)
 * @param messageId the message's Message-ID
 * @param subject its subject
 * @param sender its sender's address
 * @param recipients its recipients' addresses
 * @param outcome the outcome header's value, for check events
 * @param actor who decided, for decisions: a reviewer's directory id
 * @param reason the reviewer's reason or note
 */
public record AuditEvent(Instant time, String event, String mailKey, Optional<String> messageId, String subject,
                         Optional<String> sender, List<String> recipients, Optional<String> outcome,
                         Optional<String> actor, Optional<String> reason) {

    /** What the check stage records for every message: its outcome. A mail's trail begins with one. */
    public static final Set<String> CHECK_OUTCOMES = Set.of("passed", "held", "disclosed", "warned", "monitored");
    /** The Clerk's decisions that take a mail out of the held repository. */
    public static final Set<String> FINAL_DECISIONS = Set.of("released", "rejected");

    public AuditEvent {
        recipients = List.copyOf(recipients);
    }

    public boolean isCheckOutcome() {
        return CHECK_OUTCOMES.contains(event);
    }
}

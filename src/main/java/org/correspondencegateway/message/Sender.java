package org.correspondencegateway.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.correspondencegateway.directory.EmailAddress;
import org.correspondencegateway.directory.Party;
import org.correspondencegateway.directory.Role;

/**
 * Who sent a message, from every source that says: the From header, the envelope sender, and the
 * authenticated SMTP user. When they disagree the disagreement is recorded, and a rule asking "is the
 * sender an officer?" asks it of each of them ({@link #anyIs}), so a forged From cannot let mail skip a
 * check.
 *
 * @param from the From header's first mailbox, if it has a usable one
 * @param envelopeSender the SMTP MAIL FROM, if not null
 * @param authenticatedUser the SMTP AUTH identity, where known
 * @param party who the message is from: the From header's party, else the envelope sender's
 * @param identities every distinct party the sources name, {@code party} first
 * @param disagreements the sources' disagreements, in words
 */
public record Sender(Optional<Mailbox> from, Optional<EmailAddress> envelopeSender, Optional<String> authenticatedUser,
                     Optional<Party> party, List<Party> identities, List<String> disagreements) {

    public Sender {
        identities = List.copyOf(identities);
        disagreements = List.copyOf(disagreements);
    }

    /** Whether any of the sender's identities has {@code role}. */
    public boolean anyIs(Role role) {
        return identities.stream().anyMatch(p -> p.role() == role);
    }

    /** The identities that have {@code role}. */
    public List<Party> withRole(Role role) {
        List<Party> matching = new ArrayList<>();
        identities.stream().filter(p -> p.role() == role).forEach(matching::add);
        return List.copyOf(matching);
    }
}

package org.correspondencegateway.message;

import java.util.List;
import java.util.Optional;

import org.correspondencegateway.directory.EmailAddress;

/**
 * What the SMTP transaction said, as opposed to the message's headers: the envelope sender (empty for
 * bounces), every envelope recipient (blind copies included), and the authenticated SMTP user where the
 * server knows one.
 */
public record Envelope(Optional<EmailAddress> sender, List<EmailAddress> recipients, Optional<String> authenticatedUser) {

    public Envelope {
        recipients = List.copyOf(recipients);
    }

    public static Envelope of(String sender, List<String> recipients) {
        return new Envelope(EmailAddress.parse(sender), recipients.stream().map(EmailAddress::of).toList(), Optional.empty());
    }
}

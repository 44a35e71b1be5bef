package org.correspondencegateway.memory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the gateway remembers of a message it has passed: who sent it and to whom, with their roles
 * then. Enough for a later reply to know whom the original councillor had copied (protocol 001 12.3),
 * and nothing more: no subject, no text.
 *
 * @param messageId its Message-ID, without angle brackets
 * @param seen when the gateway saw it
 * @param sender its sender
 * @param recipients its recipients, each once
 */
public record RememberedMessage(String messageId, Instant seen, Participant sender, List<Participant> recipients) {

    public RememberedMessage {
        recipients = List.copyOf(recipients);
    }

    /**
     * One party to a remembered message.
     *
     * @param address the address, as the directory matches it
     * @param role the role's name ({@code COUNCILLOR}, {@code OFFICER}, …) when the message was seen
     * @param personId the directory id, for a listed person
     * @param visibility {@code TO}, {@code CC}, {@code SILENT}; {@code FROM} for the sender
     */
    public record Participant(String address, String role, String personId, String visibility) {
        public Optional<String> person() {
            return Optional.ofNullable(personId).filter(id -> !id.isEmpty());
        }
    }
}

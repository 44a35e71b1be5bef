package org.correspondencegateway.message;

import java.util.List;
import java.util.Optional;

import org.correspondencegateway.directory.Party;
import org.correspondencegateway.directory.Person;

/**
 * An earlier message carried inside this one: quoted below a reply, forwarded inline, or attached as a
 * message. Its headers are what the quoting client wrote (Outlook's "From:/Sent:/To:/Cc:" block,
 * Gmail's "Forwarded message" block, an "On … wrote:" line), so any of them may be missing.
 *
 * @param kind how it is carried
 * @param from its author, where written
 * @param to its To recipients, where written
 * @param cc its Cc recipients, where written
 * @param sent its date as written
 * @param subject its subject as written
 * @param text its text, without the header block
 */
public record QuotedMessage(Kind kind, Optional<QuotedParty> from, List<QuotedParty> to, List<QuotedParty> cc,
                            Optional<String> sent, Optional<String> subject, String text) {

    public QuotedMessage {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
    }

    public enum Kind {
        /** Quoted below a reply. */
        REPLY,
        /** Forwarded inline, below a forwarding marker. */
        FORWARD,
        /** Attached as a message (message/rfc822). */
        ATTACHED
    }

    /** Everyone the quoted message was addressed to, To and Cc. */
    public List<QuotedParty> recipients() {
        return java.util.stream.Stream.concat(to.stream(), cc.stream()).toList();
    }

    /**
     * A party named in a quoted header: by address, by name, or both. Resolved through the directory by
     * address where there is one, else by a name that identifies exactly one listed person.
     *
     * @param written the words as the header wrote them
     * @param party the resolved party, when there is an address
     * @param person the listed person, by address or by name
     */
    public record QuotedParty(String written, Optional<Party> party, Optional<Person> person) {
    }
}

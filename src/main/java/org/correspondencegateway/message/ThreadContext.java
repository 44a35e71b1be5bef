package org.correspondencegateway.message;

import java.util.List;
import java.util.Optional;

import org.correspondencegateway.memory.RememberedMessage;

/**
 * Where a message sits in a conversation.
 *
 * @param messageId its Message-ID
 * @param inReplyTo the Message-ID it replies to
 * @param references the conversation's earlier Message-IDs, oldest first
 * @param reply whether it is a reply (In-Reply-To, or a Re: subject)
 * @param forward whether it forwards (a Fwd:/FW: subject, a forwarding marker, or an attached message)
 * @param quoted the earlier messages it carries, nearest first
 * @param original the message it answers or forwards, as the gateway's memory of correspondence has it
 */
public record ThreadContext(Optional<String> messageId, Optional<String> inReplyTo, List<String> references,
                            boolean reply, boolean forward, List<QuotedMessage> quoted,
                            Optional<RememberedMessage> original) {

    public ThreadContext {
        references = List.copyOf(references);
        quoted = List.copyOf(quoted);
    }
}

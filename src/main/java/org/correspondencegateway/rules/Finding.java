package org.correspondencegateway.rules;

import java.util.List;

import org.correspondencegateway.directory.Party;

/**
 * A rule's conclusion about one message: which rule, how serious, which protocol paragraphs, whom it
 * concerns, the evidence, and one plain sentence a Town Clerk understands, with what the sender can do.
 *
 * @param rule the rule's id, e.g. {@code silent-copy}
 * @param title the rule's name in words, e.g. "Silent copy to a councillor"
 * @param severity how serious
 * @param protocols the protocol paragraphs it enforces
 * @param concerned the recipients (or sender) it is about
 * @param evidence the words it rests on, and where
 * @param explanation one plain sentence: what happened and why it matters
 * @param advice what the sender can do to put it right
 */
public record Finding(String rule, String title, Severity severity, List<ProtocolReference> protocols,
                      List<Party> concerned, List<Evidence> evidence, String explanation, String advice) {

    public Finding {
        protocols = List.copyOf(protocols);
        concerned = List.copyOf(concerned);
        evidence = List.copyOf(evidence);
    }
}

package org.correspondencegateway.rules;

import java.util.List;
import java.util.Optional;

import org.correspondencegateway.directory.Party;
import org.correspondencegateway.message.Location;

/**
 * A finding in plain values, for storing on a mail, writing as JSON, and showing to the Clerk: the same
 * shape wherever a finding leaves the rule that made it.
 *
 * @param rule the rule's id
 * @param title the rule's name in words
 * @param severity HIGH, MEDIUM or LOW
 * @param protocols the paragraphs enforced, cited
 * @param concerned whom it concerns, with roles and names
 * @param evidence the words and where they are
 * @param explanation one plain sentence
 * @param advice what the sender can do
 */
public record FindingSummary(String rule, String title, String severity, List<String> protocols, List<PartyView> concerned,
                             List<EvidenceView> evidence, String explanation, String advice) {

    public FindingSummary {
        protocols = List.copyOf(protocols);
        concerned = List.copyOf(concerned);
        evidence = List.copyOf(evidence);
    }

    /**
     * @param address the address
     * @param role the role in words ("councillor", "third party")
     * @param name the listed person's name
     * @param id the listed person's directory id
     */
    public record PartyView(String address, String role, Optional<String> name, Optional<String> id) {
        public static PartyView of(Party party) {
            return new PartyView(party.address().toString(), party.role().label(),
                party.person().map(p -> p.name()), party.person().map(p -> p.id()));
        }

        /** "Councillor Hannah Price" for a councillor, else the name or the address. */
        public String describe() {
            return name.map(n -> role.equals("councillor") ? "Councillor " + n : n).orElse(address);
        }
    }

    /**
     * @param words the words
     * @param location where, as a {@link Location} name
     * @param where where, in words
     * @param why why they matter
     */
    public record EvidenceView(String words, String location, String where, String why) {
        /** Whether the words are the sender's own, and so may be quoted back to them. */
        public boolean isSendersOwnWords() {
            return !location.equals(Location.QUOTED_TEXT.name()) && !location.equals(Location.ATTACHMENT_TEXT.name());
        }
    }

    public static FindingSummary of(Finding finding) {
        return new FindingSummary(finding.rule(), finding.title(), finding.severity().name(),
            finding.protocols().stream().map(ProtocolReference::cite).toList(),
            finding.concerned().stream().map(PartyView::of).toList(),
            finding.evidence().stream().map(e -> new EvidenceView(e.words(), e.location().name(), e.where(), e.why())).toList(),
            finding.explanation(), finding.advice());
    }
}

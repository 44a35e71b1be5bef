package org.correspondencegateway.rules.confidential;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.correspondencegateway.directory.Directory;
import org.correspondencegateway.directory.EmailAddress;
import org.correspondencegateway.directory.Party;
import org.correspondencegateway.directory.Role;
import org.correspondencegateway.extraction.Extraction;
import org.correspondencegateway.message.Attachment;
import org.correspondencegateway.message.Correspondence;
import org.correspondencegateway.message.Location;
import org.correspondencegateway.message.QuotedMessage;
import org.correspondencegateway.message.Recipient;
import org.correspondencegateway.message.Visibility;
import org.correspondencegateway.policy.Policy;
import org.correspondencegateway.rules.Evidence;
import org.correspondencegateway.rules.Finding;
import org.correspondencegateway.rules.Protocol;
import org.correspondencegateway.rules.ProtocolReference;
import org.correspondencegateway.rules.ProtocolRule;
import org.correspondencegateway.rules.Severity;

/**
 * Confidential markings sent to third parties: a message bearing a confidentiality marking is not sent
 * or copied to someone outside the council who is not a trusted partner.
 *
 * <p>Enforces Dunstable's protocol, CORRESPONDENCE ("Correspondence to individual councillors from
 * officers should not be sent or copied to complainants or other third parties if they are marked
 * 'confidential'"), Halstead's protocol 5 (confidential information is not divulged), and the 2024
 * town council protocol 22.
 *
 * <p>Markings are looked for in the subject, the sender's new text and signature, Outlook's Sensitivity
 * header and Microsoft sensitivity labels ({@code msip_labels}), the quoted history of a reply or
 * forward, attachments' names, and the start and end of attachments' text (and of each page): see
 * {@link MarkingFinder}. A councillor's personal address is not a third party; nor is a partner.
 *
 * <p>Not findings: the standard disclaimer; a marking in a third party's own words quoted back to them;
 * and an officer's letter written to its third-party addressee and marked with the letter-writer's
 * "Private and Confidential" to protect them (a complaint outcome, a job offer), which is not
 * correspondence to a councillor: this holds only when every third party is an addressee in To, nothing
 * is forwarded, and every marking is one of the policy's addressee markings. "Confidential" alone, a
 * declaration ("the attached report is confidential until …") or an internal marking is always a finding.
 */
public final class ConfidentialMarkings implements ProtocolRule {
    public static final String ID = Policy.Confidential.RULE;
    private static final Pattern LETTER = Pattern.compile("(?im)^\\s*dear\\s+\\S");
    private static final Pattern LABEL_NAME = Pattern.compile("(?i)_Name=([^;]+)");

    private final Policy.Confidential policy;
    private final MarkingFinder finder;

    public ConfidentialMarkings(Policy.Confidential policy) {
        this.policy = policy;
        this.finder = new MarkingFinder(policy);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ProtocolReference> enforces() {
        return List.of(ProtocolReference.of(Protocol.DUNSTABLE, "CORRESPONDENCE, third paragraph"),
            ProtocolReference.of(Protocol.HALSTEAD, "5"), ProtocolReference.of(Protocol.TOWN_COUNCIL_2024, "22"));
    }

    @Override
    public List<Finding> check(Correspondence message, Directory directory) {
        boolean fromInside = message.sender().identities().stream().anyMatch(p -> p.role().isInsideCouncil());
        List<Recipient> thirdParties = message.recipients(Role.THIRD_PARTY);
        if (!fromInside || thirdParties.isEmpty()) {
            return List.of();
        }
        List<EmailAddress> outsiders = thirdParties.stream().map(r -> r.party().address()).toList();
        List<Marking> markings = markings(message, outsiders);
        if (markings.isEmpty()) {
            return List.of();
        }
        if (isLetterToItsAddressee(message, thirdParties, markings)) {
            return List.of();
        }
        List<Party> concerned = thirdParties.stream().map(Recipient::party).toList();
        String to = String.join(", ", concerned.stream().map(Party::describe).toList());
        Marking first = markings.get(0);
        return List.of(new Finding(ID, "Confidential marking sent to a third party", Severity.HIGH, enforces(), concerned,
            markings.stream().map(Marking::evidence).limit(6).toList(),
            "This message is marked confidential (\"" + first.evidence().words() + "\", " + first.evidence().where()
                + ") and goes to " + to + ", who " + (concerned.size() == 1 ? "is" : "are") + " outside the council.",
            "Remove " + (concerned.size() == 1 ? "that recipient" : "those recipients") + ", or take out the confidential material; "
                + "if only part is confidential, say which part and why, as the protocol asks, and send the rest separately."));
    }

    private List<Marking> markings(Correspondence message, List<EmailAddress> outsiders) {
        List<Marking> found = new ArrayList<>();
        finder.inTitle(message.subject(), Location.SUBJECT, "subject", true).ifPresent(found::add);
        found.addAll(headerMarkings(message));
        found.addAll(finder.inText(message.newText(), Location.NEW_TEXT, "new text", true));
        message.signature().ifPresent(s -> found.addAll(finder.inText(s, Location.SIGNATURE, "signature", true)));
        for (QuotedMessage quoted : message.thread().quoted()) {
            boolean theirOwnWords = quoted.from().flatMap(QuotedMessage.QuotedParty::party)
                .map(p -> outsiders.contains(p.address())).orElse(false);
            if (theirOwnWords) {
                continue;
            }
            String where = "quoted text (" + quoted.from().map(f -> "From: " + f.written()).orElse("an earlier message") + ")";
            quoted.subject().flatMap(s -> finder.inTitle(s, Location.QUOTED_TEXT, where + ", subject", false)).ifPresent(found::add);
            found.addAll(finder.inText(quoted.text(), Location.QUOTED_TEXT, where, false));
        }
        for (Attachment attachment : message.attachments()) {
            finder.inTitle(attachment.name(), Location.ATTACHMENT_NAME, "attachment name " + attachment.name(), true)
                .map(m -> m.kind() == Marking.Kind.ADDRESSEE ? m.as(Marking.Kind.GENERAL) : m).ifPresent(found::add);
            if (attachment.extraction() instanceof Extraction.Extracted extracted) {
                for (Extraction.Part part : extracted.parts()) {
                    String where = "attachment " + part.within().map(w -> attachment.name() + " > " + w).orElse(attachment.name())
                        + part.label().map(l -> ", " + l).orElse("");
                    String read = headAndFoot(part.text());
                    List<Marking> inPart = finder.inText(read, Location.ATTACHMENT_TEXT, where, true);
                    // "Private and Confidential" protects an addressee only on a letter to them
                    boolean letter = inPart.stream().anyMatch(m -> m.kind() == Marking.Kind.ADDRESSEE) && LETTER.matcher(read).find();
                    inPart.stream().map(m -> m.kind() == Marking.Kind.ADDRESSEE && !letter ? m.as(Marking.Kind.GENERAL) : m).forEach(found::add);
                }
            }
        }
        return found;
    }

    private List<Marking> headerMarkings(Correspondence message) {
        List<Marking> found = new ArrayList<>();
        for (String value : message.header("Sensitivity")) {
            if (policy.sensitivityValues().contains(value.strip().toLowerCase(Locale.ROOT))) {
                String lower = value.strip().toLowerCase(Locale.ROOT);
                Marking.Kind kind = policy.addresseeMarkings().contains(lower) ? Marking.Kind.ADDRESSEE
                    : policy.internalMarkings().contains(lower) ? Marking.Kind.INTERNAL : Marking.Kind.GENERAL;
                found.add(new Marking(lower, kind, true, new Evidence("Sensitivity: " + value.strip(),
                    Location.HEADER, "header", "Outlook's sensitivity setting marks the message " + value.strip())));
            }
        }
        for (String value : message.header("msip_labels")) {
            Matcher names = LABEL_NAME.matcher(value);
            while (names.find()) {
                String name = names.group(1).strip();
                if (policy.labelNames().contains(name.toLowerCase(Locale.ROOT))) {
                    found.add(new Marking(name.toLowerCase(Locale.ROOT), Marking.Kind.INTERNAL, true, new Evidence("sensitivity label " + name,
                        Location.HEADER, "header", "the message carries the sensitivity label \"" + name + "\"")));
                }
            }
        }
        return found;
    }

    /** The start and the end of a document's text, where markings are put. */
    private String headAndFoot(String text) {
        List<String> lines = text.lines().toList();
        if (lines.size() <= finder.headLines() + finder.footLines()) {
            return text;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, finder.headLines()));
        kept.add("");
        kept.addAll(lines.subList(lines.size() - finder.footLines(), lines.size()));
        return String.join("\n", kept);
    }

    /**
     * An officer's own letter to its third-party addressees, marked to protect them: every third party in
     * To, nothing forwarded, and every marking the letter-writer's "Private and Confidential" in the
     * officer's own message (on an attachment, only on a letter: "Dear …").
     */
    private static boolean isLetterToItsAddressee(Correspondence message, List<Recipient> thirdParties, List<Marking> markings) {
        boolean fromOfficer = message.sender().anyIs(Role.OFFICER) && !message.sender().anyIs(Role.COUNCILLOR);
        boolean addressedOnly = thirdParties.stream().allMatch(r -> r.visibility() == Visibility.TO);
        boolean addresseeMarkings = markings.stream().allMatch(m -> m.ownText() && m.kind() == Marking.Kind.ADDRESSEE);
        return fromOfficer && addressedOnly && !message.thread().forward() && addresseeMarkings;
    }
}

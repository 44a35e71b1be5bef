package org.correspondencegateway.rules.silentcopy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.correspondencegateway.directory.Directory;
import org.correspondencegateway.directory.EmailAddress;
import org.correspondencegateway.directory.NameMention;
import org.correspondencegateway.directory.Party;
import org.correspondencegateway.directory.Person;
import org.correspondencegateway.directory.Role;
import org.correspondencegateway.memory.RememberedMessage;
import org.correspondencegateway.message.Correspondence;
import org.correspondencegateway.message.Location;
import org.correspondencegateway.message.QuotedMessage;
import org.correspondencegateway.message.Recipient;
import org.correspondencegateway.policy.Policy;
import org.correspondencegateway.rules.Evidence;
import org.correspondencegateway.rules.Finding;
import org.correspondencegateway.rules.Protocol;
import org.correspondencegateway.rules.ProtocolReference;
import org.correspondencegateway.rules.ProtocolRule;
import org.correspondencegateway.rules.Severity;

/**
 * No silent copies: an officer does not copy a councillor's correspondence to another councillor without
 * making it clear to the original councillor.
 *
 * <p>Enforces Dunstable's protocol, CORRESPONDENCE ("a system of 'silent copies' should not be employed
 * … it should be made clear at the foot of any e-mails if another councillor has received an e-mail by
 * adding 'CC councillor X'") and Part 5C 12.3 of a principal council's constitution (correspondence is
 * not copied by the officer to other members "unless the Member has himself or herself sent copies to
 * other Members", and an exceptional copy "should be made clear to the original member").
 *
 * <p>The original councillors are those the correspondence is with: the councillors the message is
 * openly addressed to, the councillor whose email it answers or forwards (from its quoted history or the
 * gateway's memory of correspondence). Another councillor is copied silently when they receive the
 * message as a blind copy, or when the officer forwards the original councillor's email to them without
 * the original councillor among the recipients. A copy is compliant, and not a finding, when:
 * <ul>
 *   <li>the officer's own text names that councillor beside a disclosure word ("CC Councillor Okonkwo",
 *       "copied to Cllr Reid", "this email has also been sent to Hannah Price"), and the original
 *       councillor receives it;</li>
 *   <li>the original councillor had copied that councillor themselves (quoted headers or memory);</li>
 *   <li>the "other" councillor is the original councillor at another address.</li>
 * </ul>
 * Officers among the silent recipients are not copies of this kind; a councillor who blind-copies a
 * colleague is not bound by this rule; a circular (openly to no councillor, silently to many, answering
 * no councillor) is not correspondence with an individual councillor.
 */
public final class SilentCopies implements ProtocolRule {
    public static final String ID = Policy.SilentCopy.RULE;

    private final Policy.SilentCopy policy;
    private final List<Pattern> disclosureWords;

    public SilentCopies(Policy.SilentCopy policy) {
        this.policy = policy;
        // a phrase's words may have up to three others between them: "shared this reply with"
        this.disclosureWords = policy.disclosureWords().stream()
            .map(w -> Pattern.compile("(?i)(?<![\\p{L}])" + String.join("(?:\\s+\\S+){0,3}\\s+",
                java.util.Arrays.stream(w.split("\\s+")).map(Pattern::quote).toList()) + "(?![\\p{L}])")).toList();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ProtocolReference> enforces() {
        return List.of(ProtocolReference.of(Protocol.DUNSTABLE, "CORRESPONDENCE, first paragraph"),
            ProtocolReference.of(Protocol.PRINCIPAL_COUNCIL_PART_5C, "12.3"));
    }

    @Override
    public List<Finding> check(Correspondence message, Directory directory) {
        if (!message.sender().anyIs(Role.OFFICER) || message.sender().anyIs(Role.COUNCILLOR)) {
            return List.of();
        }
        List<Recipient> councillorRecipients = message.recipients(Role.COUNCILLOR);
        if (councillorRecipients.isEmpty()) {
            return List.of();
        }
        Map<String, Person> originals = new LinkedHashMap<>();
        councillorRecipients.stream().filter(r -> !r.isSilent()).forEach(r -> originals.put(id(r.party()), r.party().person().orElseThrow()));
        Set<String> copiedByOriginal = new LinkedHashSet<>();
        Optional<Person> forwarded = Optional.empty();
        Optional<Evidence> forwardEvidence = Optional.empty();

        Optional<QuotedMessage> answered = message.thread().quoted().stream().findFirst();
        Optional<Person> author = answered.flatMap(QuotedMessage::from).flatMap(QuotedMessage.QuotedParty::person)
            .filter(p -> p.role() == Role.COUNCILLOR);
        if (author.isPresent()) {
            originals.put(author.get().id(), author.get());
            answered.get().recipients().forEach(q -> q.person().ifPresent(p -> copiedByOriginal.add(p.id())));
            if (answered.get().kind() != QuotedMessage.Kind.REPLY) {
                forwarded = author;
                forwardEvidence = Optional.of(new Evidence(answered.get().from().get().written(), Location.QUOTED_TEXT,
                    "quoted text (From: " + answered.get().from().get().written() + ")",
                    "this forwards " + author.get().describe() + "'s email"));
            }
        }
        Optional<RememberedMessage> remembered = message.thread().original();
        if (remembered.isPresent() && "COUNCILLOR".equals(remembered.get().sender().role())) {
            Optional<Person> rememberedAuthor = remembered.get().sender().person().flatMap(directory::person);
            rememberedAuthor.ifPresent(p -> originals.put(p.id(), p));
            remembered.get().recipients().forEach(r -> r.person().ifPresent(copiedByOriginal::add));
            if (forwarded.isEmpty() && message.thread().forward() && rememberedAuthor.isPresent()) {
                forwarded = rememberedAuthor;
            }
        }
        // copies the original councillors made themselves, wherever the history shows them
        for (QuotedMessage quoted : message.thread().quoted()) {
            boolean byOriginal = quoted.from().flatMap(QuotedMessage.QuotedParty::person).map(p -> originals.containsKey(p.id())).orElse(false);
            if (byOriginal) {
                quoted.recipients().forEach(q -> q.person().ifPresent(p -> copiedByOriginal.add(p.id())));
            }
        }
        if (forwarded.isPresent()) {
            // a forward is correspondence with the councillor who wrote the email forwarded
            Person writer = forwarded.get();
            originals.clear();
            originals.put(writer.id(), writer);
        }
        if (originals.isEmpty()) {
            return List.of();
        }

        Set<String> recipientsIds = new LinkedHashSet<>();
        councillorRecipients.forEach(r -> recipientsIds.add(id(r.party())));
        boolean forwardedWithoutOriginal = forwarded.isPresent() && !recipientsIds.contains(forwarded.get().id());
        long silentCouncillors = councillorRecipients.stream().filter(Recipient::isSilent).map(r -> id(r.party())).distinct().count();
        boolean openlyToACouncillor = councillorRecipients.stream().anyMatch(r -> !r.isSilent());
        if (!openlyToACouncillor && author.isEmpty() && remembered.isEmpty() && silentCouncillors >= policy.circularFrom()) {
            return List.of();
        }

        List<String> ownLines = message.authoredText().lines().toList();
        List<Party> concerned = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Recipient recipient : councillorRecipients) {
            Person copied = recipient.party().person().orElseThrow();
            if (originals.containsKey(copied.id())) {
                continue;
            }
            if (!seen.add(copied.id())) {
                continue;
            }
            boolean silent = recipient.isSilent() || forwardedWithoutOriginal;
            if (!silent || copiedByOriginal.contains(copied.id())) {
                continue;
            }
            if (!forwardedWithoutOriginal && disclosed(copied, recipient.party().address(), ownLines, directory)) {
                continue;
            }
            concerned.add(recipient.party());
            String originalNames = String.join(" and ", originals.values().stream().map(Person::describe).toList());
            if (recipient.isSilent()) {
                evidence.add(new Evidence(recipient.party().address().toString(), Location.HEADER, "blind copy (in the envelope only)",
                    copied.describe() + " received this as a blind copy, and the officer's text does not say so to " + originalNames));
            } else {
                evidence.add(new Evidence(recipient.party().address().toString(), Location.HEADER, recipient.visibility().label(),
                    copied.describe() + " received " + forwarded.get().describe() + "'s correspondence, and "
                        + forwarded.get().describe() + " is not among the recipients"));
            }
        }
        if (concerned.isEmpty()) {
            return List.of();
        }
        forwardEvidence.filter(e -> forwardedWithoutOriginal).ifPresent(evidence::add);
        String copiedNames = String.join(", ", concerned.stream().map(p -> p.person().orElseThrow().describe()).toList());
        String originalNames = String.join(" and ", originals.values().stream().map(Person::describe).toList());
        String sender = message.sender().withRole(Role.OFFICER).stream().findFirst().map(Party::describe).orElse("An officer");
        String how = forwardedWithoutOriginal ? "forwarded " + originalNames + "'s email to " + copiedNames + " without " + originalNames
            + " among the recipients" : "copied " + copiedNames + " on correspondence with " + originalNames + " by blind copy, without saying so";
        String advice = forwardedWithoutOriginal
            ? "Copy " + originalNames + " in, and say at the foot who else has received it (\"CC " + copiedNames + "\"), or ask "
                + originalNames + " first."
            : "Add \"CC " + copiedNames + "\" at the foot of the email, or send the copy openly in the Cc line.";
        return List.of(new Finding(ID, "Silent copy to a councillor", Severity.MEDIUM, enforces(), concerned, evidence,
            sender + " " + how + ".", advice));
    }

    /** The officer's own text names the councillor (or their address) on a line with a disclosure word. */
    private boolean disclosed(Person copied, EmailAddress address, List<String> lines, Directory directory) {
        for (String line : lines) {
            if (disclosureWords.stream().noneMatch(w -> w.matcher(line).find())) {
                continue;
            }
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.contains(address.toString())) {
                return true;
            }
            for (NameMention mention : directory.mentions(line)) {
                if (mention.person().id().equals(copied.id())) {
                    return true;
                }
            }
            // "cc Councillors Reid and Price": a councillor's surname on a disclosure line
            if (Pattern.compile("(?i)(?<![\\p{L}])" + Pattern.quote(copied.surname()) + "(?![\\p{L}])").matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    private static String id(Party party) {
        return party.person().map(Person::id).orElse(party.address().toString());
    }
}

package org.correspondencegateway.rules.obligation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.correspondencegateway.directory.Directory;
import org.correspondencegateway.directory.NameMention;
import org.correspondencegateway.directory.Party;
import org.correspondencegateway.directory.Person;
import org.correspondencegateway.directory.Role;
import org.correspondencegateway.extraction.Extraction;
import org.correspondencegateway.message.Attachment;
import org.correspondencegateway.message.Correspondence;
import org.correspondencegateway.message.Location;
import org.correspondencegateway.message.Recipient;
import org.correspondencegateway.policy.Policy;
import org.correspondencegateway.rules.Evidence;
import org.correspondencegateway.rules.Finding;
import org.correspondencegateway.rules.Protocol;
import org.correspondencegateway.rules.ProtocolReference;
import org.correspondencegateway.rules.ProtocolRule;
import org.correspondencegateway.rules.Severity;

/**
 * Letters or emails that create obligations or give instructions on behalf of the Council are never
 * sent out in the name of a councillor.
 *
 * <p>Enforces Dunstable's protocol, CORRESPONDENCE ("Letters or emails which, for example, create
 * obligations or give instructions on behalf of the Council should never be sent out in the name of a
 * councillor") and Part 5C 12.4 of a principal council's constitution ("Letters which create obligations
 * or give instructions on behalf of the Council should never be sent out in the name of a Member");
 * see also Dunstable's expectation that councillors do not "enter into any contract, agreement or
 * undertaking on behalf of the Council … without proper and lawful authority".
 *
 * <p>A message is in a councillor's name when a councillor sends it (from any of their addresses,
 * personal ones included), when its new text is signed by a councillor, or when it carries a letter a
 * councillor signs. It finds when such a message goes to someone outside the council and a sentence of
 * the councillor's own words (not the quoted history) binds the Council: see {@link Commitments}. Not
 * findings: anything an officer sends over an officer's signature (the protocol followed), and the
 * Chair's representations to ministers and MPs (recipients in the policy's representation domains).
 */
public final class ObligationsInCouncillorsName implements ProtocolRule {
    public static final String ID = Policy.Obligation.RULE;
    private static final int MAX_SENTENCES = 400;
    private static final Pattern MONEY = Pattern.compile("£\\s?\\d");
    private static final Pattern CLOSING = Pattern.compile("(?im)^\\s*(yours (sincerely|faithfully|truly)|kind regards|best wishes|regards)\\b");

    private final Policy.Obligation policy;
    private final EnglishReader english;
    private final Commitments commitments;

    public ObligationsInCouncillorsName(Policy.Obligation policy, EnglishReader english) {
        this.policy = policy;
        this.english = english;
        this.commitments = new Commitments(policy);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ProtocolReference> enforces() {
        return List.of(ProtocolReference.of(Protocol.DUNSTABLE, "CORRESPONDENCE, second paragraph"),
            ProtocolReference.of(Protocol.PRINCIPAL_COUNCIL_PART_5C, "12.4"));
    }

    @Override
    public List<Finding> check(Correspondence message, Directory directory) {
        List<Party> outside = message.recipients().stream().map(Recipient::party)
            .filter(p -> p.role() == Role.THIRD_PARTY || p.role() == Role.PARTNER).toList();
        if (outside.isEmpty() || outside.stream().allMatch(this::receivesRepresentations)) {
            return List.of();
        }
        List<Evidence> evidence = new ArrayList<>();
        Optional<String> councillor = nameOnTheMessage(message, directory);
        if (councillor.isPresent()) {
            for (Commitment commitment : commitments(message.newText(), isAboutBusiness(message))) {
                evidence.add(Evidence.of(Location.NEW_TEXT, commitment.sentence(),
                    "it " + commitment.kind().description() + " (" + commitment.reading() + ")"));
            }
        }
        for (Attachment attachment : message.attachments()) {
            if (attachment.extraction() instanceof Extraction.Extracted extracted) {
                Optional<String> signatory = councillorSigning(extracted.text(), directory);
                if (signatory.isPresent()) {
                    for (Commitment commitment : commitments(extracted.text(), true)) {
                        evidence.add(new Evidence(commitment.sentence(), Location.ATTACHMENT_TEXT, "attachment " + attachment.name(),
                            "a letter signed by " + signatory.get() + " that " + commitment.kind().description()));
                    }
                    councillor = councillor.or(() -> signatory);
                }
            }
        }
        if (evidence.isEmpty()) {
            return List.of();
        }
        String who = councillor.orElse("a councillor");
        String to = String.join(", ", outside.stream().map(Party::describe).toList());
        return List.of(new Finding(ID, "Obligation or instruction in a councillor's name", Severity.HIGH, enforces(), outside,
            evidence.subList(0, Math.min(evidence.size(), 5)),
            "This message goes out in the name of " + who + " to " + to + " and binds the Council (\""
                + abbreviate(evidence.get(0).words()) + "\"); the protocols say such letters and emails are sent in an officer's name.",
            "Do not send it in your own name: ask the Town Clerk to send the acceptance or instruction in the Clerk's name, "
                + "once the Council or the officer with delegated authority has decided."));
    }

    private List<Commitment> commitments(String text, boolean business) {
        List<Commitment> found = new ArrayList<>();
        List<Sentence> sentences = english.read(text);
        for (Sentence sentence : sentences.subList(0, Math.min(sentences.size(), MAX_SENTENCES))) {
            commitments.analyse(sentence, business).ifPresent(found::add);
        }
        return found;
    }

    /** Whether the message, quoted history included, is about council business: a quote, a price, works, money. */
    private boolean isAboutBusiness(Correspondence message) {
        StringBuilder all = new StringBuilder(message.subject()).append('\n').append(message.newText());
        message.thread().quoted().forEach(q -> all.append('\n').append(q.text()));
        String lower = all.toString().toLowerCase(Locale.ROOT);
        if (MONEY.matcher(lower).find()) {
            return true;
        }
        for (String word : lower.split("[^a-z]+")) {
            if (policy.businessWords().contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The councillor the message goes out in the name of: the sender, when a councillor sends it, or
     * the signatory of its new text when that is a councillor (whoever's account it is sent from).
     */
    private Optional<String> nameOnTheMessage(Correspondence message, Directory directory) {
        List<Party> councillors = message.sender().withRole(Role.COUNCILLOR);
        Optional<String> signatory = message.signature().flatMap(signature -> councillorSigning(signature, directory));
        if (!councillors.isEmpty()) {
            return Optional.of(councillors.get(0).describe());
        }
        return signatory;
    }

    /**
     * The councillor who signs {@code text}: the first name line after its closing, or a line with a
     * councillor's title ("Cllr", "Councillor", "Mayor", "Chair"), looked at in its last lines only.
     */
    private Optional<String> councillorSigning(String text, Directory directory) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        int from = Math.max(0, lines.size() - 14);
        var closing = CLOSING.matcher(String.join("\n", lines.subList(from, lines.size())));
        boolean hasClosing = closing.find();
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() > 80) {
                continue;
            }
            List<NameMention> mentions = directory.mentions(line);
            Optional<Person> person = mentions.stream().filter(m -> !m.byOfficeOnly()).map(NameMention::person).findFirst();
            if (person.isPresent()) {
                // the signatory is the first person named under the closing
                return person.get().role() == Role.COUNCILLOR ? Optional.of(person.get().describe()) : Optional.empty();
            }
            if (hasClosing && hasCouncillorTitle(line)) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    private boolean hasCouncillorTitle(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>(List.of(lower.split("[^a-z.\\-]+")));
        for (String title : policy.councillorTitles()) {
            if (title.contains(" ") ? lower.contains(title) : words.contains(title)) {
                return true;
            }
        }
        return false;
    }

    private boolean receivesRepresentations(Party party) {
        return policy.representationDomains().stream().anyMatch(party.address()::isIn);
    }

    private static String abbreviate(String sentence) {
        return sentence.length() <= 160 ? sentence : sentence.substring(0, 157) + "…";
    }
}

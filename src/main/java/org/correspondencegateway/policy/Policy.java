package org.correspondencegateway.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.correspondencegateway.extraction.ExtractionLimits;

/**
 * The council's policy, {@code conf/policy.yaml}: for each rule, the action taken on its findings and the
 * phrases it works with; and what happens to a message that cannot be checked.
 *
 * @param onError the action for a message that cannot be checked: {@link Action#HOLD} or {@link Action#WARN}
 * @param silentCopy the silent-copies rule's settings
 * @param confidential the confidential-markings rule's settings
 * @param obligation the obligations rule's settings
 * @param attachments the limits on reading an attachment's text; one read past a limit is not inspected,
 *                    and the message is then handled by {@code onError}
 */
public record Policy(Action onError, SilentCopy silentCopy, Confidential confidential, Obligation obligation,
                     ExtractionLimits attachments) {

    /** The action for rule {@code ruleId}. */
    public Action actionFor(String ruleId) {
        return switch (ruleId) {
            case SilentCopy.RULE -> silentCopy.action();
            case Confidential.RULE -> confidential.action();
            case Obligation.RULE -> obligation.action();
            default -> onError;
        };
    }

    /**
     * The same policy with {@code action} for rule {@code ruleId}: a council trying one rule in monitor
     * mode, or a test.
     *
     * @throws IllegalArgumentException for an unknown rule, or disclose for a rule other than silent copies
     */
    public Policy withAction(String ruleId, Action action) {
        if (action == Action.DISCLOSE && !ruleId.equals(SilentCopy.RULE)) {
            throw new IllegalArgumentException("disclose is for silent copies only");
        }
        Confidential c = confidential;
        Obligation o = obligation;
        return switch (ruleId) {
            case SilentCopy.RULE -> new Policy(onError, new SilentCopy(action, silentCopy.disclosureWords(), silentCopy.circularFrom()),
                confidential, obligation, attachments);
            case Confidential.RULE -> new Policy(onError, silentCopy, new Confidential(action, c.markings(), c.internalMarkings(),
                c.addresseeMarkings(), c.sensitivityValues(), c.labelNames(), c.disclaimerCues(), c.notMarkings(),
                c.documentHeadLines(), c.documentFootLines()), obligation, attachments);
            case Obligation.RULE -> new Policy(onError, silentCopy, confidential, new Obligation(action, o.councillorTitles(),
                o.representationDomains(), o.acts(), o.businessWords(), o.personalActs(), o.informationActs(), o.informationWords()),
                attachments);
            default -> throw new IllegalArgumentException("no rule " + ruleId);
        };
    }

    /**
     * @param action what to do
     * @param disclosureWords words that, beside a councillor's name, make a copy clear
     * @param circularFrom a message openly to no councillor but silently to this many is a circular
     */
    public record SilentCopy(Action action, List<String> disclosureWords, int circularFrom) {
        public static final String RULE = "silent-copy";

        public SilentCopy {
            disclosureWords = List.copyOf(disclosureWords);
        }
    }

    /**
     * @param action what to do
     * @param markings words that mark confidence
     * @param internalMarkings markings that always mean "not for outsiders"
     * @param addresseeMarkings the letter-writer's markings that protect a letter's addressee
     * @param sensitivityValues Outlook Sensitivity header values that mark confidence
     * @param labelNames sensitivity-label names that mark confidence
     * @param disclaimerCues words that show a paragraph is the standard disclaimer
     * @param notMarkings phrases that use a marking's words without marking anything
     * @param documentHeadLines lines searched at the start of an attachment and of each page
     * @param documentFootLines lines searched at the end
     */
    public record Confidential(Action action, List<String> markings, List<String> internalMarkings,
                               List<String> addresseeMarkings, Set<String> sensitivityValues, Set<String> labelNames, List<String> disclaimerCues,
                               List<String> notMarkings, int documentHeadLines, int documentFootLines) {
        public static final String RULE = "confidential-to-third-party";

        public Confidential {
            markings = List.copyOf(markings);
            internalMarkings = List.copyOf(internalMarkings);
            addresseeMarkings = List.copyOf(addresseeMarkings);
            sensitivityValues = Set.copyOf(sensitivityValues);
            labelNames = Set.copyOf(labelNames);
            disclaimerCues = List.copyOf(disclaimerCues);
            notMarkings = List.copyOf(notMarkings);
        }
    }

    /**
     * @param action what to do
     * @param councillorTitles words that put a signature in a councillor's name
     * @param representationDomains domains whose recipients receive representations (ministers, MPs)
     * @param acts the Council's binding acts, by kind, as verb lemmas
     * @param businessWords what those acts act on
     * @param personalActs what a councillor does in person
     * @param informationActs verbs of asking for information
     * @param informationWords what information is asked for
     */
    public record Obligation(Action action, List<String> councillorTitles, List<String> representationDomains,
                             Map<String, Set<String>> acts, Set<String> businessWords, Set<String> personalActs,
                             Set<String> informationActs, Set<String> informationWords) {
        public static final String RULE = "obligation-in-councillor-name";

        public Obligation {
            councillorTitles = List.copyOf(councillorTitles);
            representationDomains = List.copyOf(representationDomains);
            acts = Map.copyOf(acts);
            businessWords = Set.copyOf(businessWords);
            personalActs = Set.copyOf(personalActs);
            informationActs = Set.copyOf(informationActs);
            informationWords = Set.copyOf(informationWords);
        }

        /** Every binding act, whatever its kind. */
        public boolean isAct(String lemma) {
            return acts.values().stream().anyMatch(kind -> kind.contains(lemma));
        }

        public boolean isAct(String kind, String lemma) {
            return acts.getOrDefault(kind, Set.of()).contains(lemma);
        }
    }
}

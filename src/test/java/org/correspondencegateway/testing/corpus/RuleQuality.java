package org.correspondencegateway.testing.corpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.correspondencegateway.directory.Directory;
import org.correspondencegateway.directory.Role;
import org.correspondencegateway.extraction.Extraction;
import org.correspondencegateway.memory.CorrespondenceMemory;
import org.correspondencegateway.message.Correspondence;
import org.correspondencegateway.message.QuotedMessage;
import org.correspondencegateway.message.Recipient;
import org.correspondencegateway.rules.Finding;
import org.correspondencegateway.rules.ProtocolCheck;
import org.correspondencegateway.testing.Readers;

/**
 * Scores the headline rules on labelled corpus cases: precision and recall per rule, beside a naive
 * keyword baseline of the kind an Exchange mail-flow rule would use, and the cases each gets wrong.
 */
public final class RuleQuality {
    public static final List<String> RULES = List.of("silent-copy", "confidential-to-third-party", "obligation-in-councillor-name");
    private static final Pattern OBLIGATION_KEYWORDS = Pattern.compile(
        "(?i)\\b(accept|go ahead|proceed|order|instruct|authori[sz]e|approve|confirm|invoice|pay|book)\\b");

    /** A case's outcome: what the rules found, and what the baseline would. */
    public record Outcome(CorpusCase c, Set<String> found, Set<String> baseline, List<Finding> findings) {
    }

    /**
     * @param rule the rule
     * @param positives cases labelled for it
     * @param negatives cases not labelled for it
     * @param precision the rule's precision
     * @param recall the rule's recall
     * @param baselinePrecision the baseline's precision
     * @param baselineRecall the baseline's recall
     * @param falsePositives cases it found wrongly
     * @param falseNegatives cases it missed
     */
    public record Score(String rule, int positives, int negatives, double precision, double recall,
                       double baselinePrecision, double baselineRecall, List<String> falsePositives, List<String> falseNegatives) {
    }

    private RuleQuality() {
    }

    public static List<Outcome> run(List<CorpusCase> cases, ProtocolCheck check, Directory directory) {
        CorpusRenderer renderer = new CorpusRenderer(directory);
        List<Outcome> outcomes = new ArrayList<>();
        for (CorpusCase c : cases) {
            CorrespondenceMemory memory = CorrespondenceMemory.inMemory(100);
            renderer.remembered(c).forEach(memory::remember);
            Correspondence message;
            try {
                message = Readers.reader(memory).read(new ByteArrayInputStream(renderer.render(c)), renderer.envelope(c));
            } catch (IOException e) {
                throw new IllegalStateException(c.id(), e);
            }
            ProtocolCheck.Outcome outcome = check.check(message, directory);
            if (!outcome.failures().isEmpty()) {
                throw new IllegalStateException(c.id() + ": " + outcome.failures());
            }
            Set<String> found = new LinkedHashSet<>();
            outcome.findings().forEach(f -> found.add(f.rule()));
            outcomes.add(new Outcome(c, found, baseline(message), outcome.findings()));
        }
        return outcomes;
    }

    /** What a keyword mail-flow rule would flag: it sees addresses and roles, and every word of the text. */
    static Set<String> baseline(Correspondence message) {
        Set<String> flagged = new LinkedHashSet<>();
        StringBuilder all = new StringBuilder(message.subject()).append('\n').append(message.newText()).append('\n')
            .append(message.signature().orElse(""));
        for (QuotedMessage q : message.thread().quoted()) {
            all.append('\n').append(q.subject().orElse("")).append('\n').append(q.text());
        }
        message.attachments().forEach(a -> {
            all.append('\n').append(a.name());
            if (a.extraction() instanceof Extraction.Extracted e) {
                all.append('\n').append(e.text());
            }
        });
        String text = all.toString().toLowerCase(Locale.ROOT);
        boolean outside = message.recipients().stream().anyMatch(r -> r.is(Role.THIRD_PARTY) || r.is(Role.PARTNER));
        if (message.sender().anyIs(Role.OFFICER) && message.recipients().stream().anyMatch(r -> r.isSilent() && r.is(Role.COUNCILLOR))) {
            flagged.add("silent-copy");
        }
        if (outside && text.contains("confidential")) {
            flagged.add("confidential-to-third-party");
        }
        if (message.sender().anyIs(Role.COUNCILLOR) && outside && OBLIGATION_KEYWORDS.matcher(text).find()) {
            flagged.add("obligation-in-councillor-name");
        }
        return flagged;
    }

    public static List<Score> score(List<Outcome> outcomes) {
        List<Score> scores = new ArrayList<>();
        for (String rule : RULES) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            int btp = 0;
            int bfp = 0;
            int bfn = 0;
            int positives = 0;
            List<String> falsePositives = new ArrayList<>();
            List<String> falseNegatives = new ArrayList<>();
            for (Outcome o : outcomes) {
                boolean expected = o.c().expect().contains(rule);
                boolean found = o.found().contains(rule);
                boolean base = o.baseline().contains(rule);
                positives += expected ? 1 : 0;
                if (expected && found) {
                    tp++;
                } else if (found) {
                    fp++;
                    falsePositives.add(o.c().id());
                } else if (expected) {
                    fn++;
                    falseNegatives.add(o.c().id());
                }
                if (expected && base) {
                    btp++;
                } else if (base) {
                    bfp++;
                } else if (expected) {
                    bfn++;
                }
            }
            scores.add(new Score(rule, positives, outcomes.size() - positives, ratio(tp, tp + fp), ratio(tp, tp + fn),
                ratio(btp, btp + bfp), ratio(btp, btp + bfn), falsePositives, falseNegatives));
        }
        return scores;
    }

    public static String report(String title, List<Score> scores, List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder(title).append('\n');
        out.append(String.format(Locale.ROOT, "%-31s %9s %9s %10s %8s %14s %13s%n", "rule", "positives", "negatives",
            "precision", "recall", "baseline prec", "baseline rec"));
        for (Score s : scores) {
            out.append(String.format(Locale.ROOT, "%-31s %9d %9d %10.3f %8.3f %14.3f %13.3f%n", s.rule(), s.positives(), s.negatives(),
                s.precision(), s.recall(), s.baselinePrecision(), s.baselineRecall()));
        }
        Map<String, Outcome> byId = new LinkedHashMap<>();
        outcomes.forEach(o -> byId.put(o.c().id(), o));
        for (Score s : scores) {
            for (String id : s.falsePositives()) {
                out.append("  false positive ").append(s.rule()).append(": ").append(id).append(" - ").append(byId.get(id).c().why())
                    .append(byId.get(id).findings().stream().filter(f -> f.rule().equals(s.rule())).findFirst()
                        .map(f -> "\n      evidence: " + f.evidence().get(0).words()).orElse("")).append('\n');
            }
            for (String id : s.falseNegatives()) {
                out.append("  missed ").append(s.rule()).append(": ").append(id).append(" - ").append(byId.get(id).c().why()).append('\n');
            }
        }
        return out.toString();
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 1.0 : (double) numerator / denominator;
    }

    /** Recipients, for reports. */
    static String who(List<Recipient> recipients) {
        return String.join(", ", recipients.stream().map(r -> r.party().address().toString()).toList());
    }
}

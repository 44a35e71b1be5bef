package org.correspondencegateway.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.correspondencegateway.policy.PolicyFile;
import org.correspondencegateway.rules.obligation.EnglishReader;
import org.correspondencegateway.testing.Council;
import org.correspondencegateway.testing.corpus.CorpusCase;
import org.correspondencegateway.testing.corpus.CorpusFile;
import org.correspondencegateway.testing.corpus.RuleQuality;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the three headline rules on the labelled corpus (src/test/resources/corpus),
 * beside a naive keyword baseline; the report is printed and written to target/rule-quality.txt.
 *
 * <p>The development set is what the rules were written against. Held-out set 1 was written after the
 * rules were frozen and first scored as it came (its misses were then fixed); held-out set 2 was written
 * after that and is the honest estimate. Both held-out sets have a regression floor, not the 0.95 aim.
 */
class HeadlineRulesQualityTest {
    private static ProtocolCheck check;

    @BeforeAll
    static void rules() throws Exception {
        check = HeadlineRules.check(PolicyFile.load(Path.of("conf/policy.yaml")), new EnglishReader());
    }

    @Test
    void developmentSet() throws Exception {
        List<CorpusCase> cases = CorpusFile.all("silent-copy.yaml", "confidential.yaml", "obligation.yaml");
        List<RuleQuality.Outcome> outcomes = RuleQuality.run(cases, check, Council.directory());
        List<RuleQuality.Score> scores = RuleQuality.score(outcomes);
        write("development set (" + cases.size() + " messages)", scores, outcomes, "rule-quality-development.txt");

        for (RuleQuality.Score score : scores) {
            assertThat(score.positives()).as(score.rule() + " positives").isGreaterThanOrEqualTo(40);
            assertThat(score.negatives()).as(score.rule() + " negatives").isGreaterThanOrEqualTo(40);
            assertThat(score.precision()).as(score.rule() + " precision").isGreaterThanOrEqualTo(0.95);
            assertThat(score.recall()).as(score.rule() + " recall").isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void firstHeldOutSetNowUsedForTuning() throws Exception {
        List<CorpusCase> cases = CorpusFile.all("held-out-1.yaml");
        List<RuleQuality.Outcome> outcomes = RuleQuality.run(cases, check, Council.directory());
        List<RuleQuality.Score> scores = RuleQuality.score(outcomes);
        write("held-out set 1 (" + cases.size() + " messages; first scored at obligations recall 0.700, since used for tuning)",
            scores, outcomes, "rule-quality-held-out-1.txt");
        for (RuleQuality.Score score : scores) {
            assertThat(score.precision()).as(score.rule() + " precision").isGreaterThanOrEqualTo(0.9);
            assertThat(score.recall()).as(score.rule() + " recall").isGreaterThanOrEqualTo(0.9);
        }
    }

    @Test
    void secondHeldOutSet() throws Exception {
        List<CorpusCase> cases = CorpusFile.all("held-out-2.yaml");
        List<RuleQuality.Outcome> outcomes = RuleQuality.run(cases, check, Council.directory());
        List<RuleQuality.Score> scores = RuleQuality.score(outcomes);
        write("held-out set 2 (" + cases.size() + " messages, written after the second freeze, scored as it came)",
            scores, outcomes, "rule-quality-held-out-2.txt");
        for (RuleQuality.Score score : scores) {
            // six positives a rule: one miss is 0.83, so the floor allows one
            assertThat(score.precision()).as(score.rule() + " precision").isGreaterThanOrEqualTo(0.8);
            assertThat(score.recall()).as(score.rule() + " recall").isGreaterThanOrEqualTo(0.8);
        }
    }

    static void write(String title, List<RuleQuality.Score> scores, List<RuleQuality.Outcome> outcomes, String file) throws Exception {
        String report = RuleQuality.report(title, scores, outcomes);
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", file), report);
    }
}

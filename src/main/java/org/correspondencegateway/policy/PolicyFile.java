package org.correspondencegateway.policy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.correspondencegateway.config.ConfigurationProblem;
import org.correspondencegateway.config.YamlSection;
import org.correspondencegateway.config.YamlValue;
import org.correspondencegateway.extraction.ExtractionLimits;

/**
 * Reads {@code conf/policy.yaml}. Every list is required, so that the file a council edits is the whole
 * truth of what the gateway looks for; mistakes are reported with their line.
 */
public final class PolicyFile {
    /** The policy, relative to the gateway's home. */
    public static final Path RELATIVE_PATH = Path.of("conf", "policy.yaml");

    private static final List<String> ACT_KINDS = List.of("accepting", "ordering", "working", "paying");

    private PolicyFile() {
    }

    public static Policy load(Path file) throws ConfigurationProblem {
        return read(YamlSection.read(file));
    }

    static Policy read(YamlSection root) throws ConfigurationProblem {
        root.allowOnly("on-error", "attachments", "silent-copy", "confidential-to-third-party", "obligation-in-councillor-name");
        Action onError = action(root.required("on-error"));
        if (onError != Action.HOLD && onError != Action.WARN) {
            throw root.required("on-error").problem("a message that cannot be checked is either held (hold) or delivered and flagged (warn)");
        }

        YamlSection silent = required(root, Policy.SilentCopy.RULE).allowOnly("action", "disclosure-words", "circular-from");
        Policy.SilentCopy silentCopy = new Policy.SilentCopy(action(silent.required("action")),
            phrases(silent, "disclosure-words"), silent.required("circular-from").asInt(2, 1000, "a number of councillors (2 or more)"));

        YamlSection confidential = required(root, Policy.Confidential.RULE).allowOnly("action", "markings", "internal-markings", "addressee-markings",
            "sensitivity-values", "label-names", "disclaimer-cues", "not-markings", "document-head-lines", "document-foot-lines");
        Action confidentialAction = action(confidential.required("action"));
        if (confidentialAction == Action.DISCLOSE) {
            throw confidential.required("action").problem("disclose is for silent copies; use hold, warn or monitor");
        }
        Policy.Confidential confidentialPolicy = new Policy.Confidential(confidentialAction,
            phrases(confidential, "markings"), phrases(confidential, "internal-markings"), phrases(confidential, "addressee-markings"),
            new LinkedHashSet<>(phrases(confidential, "sensitivity-values")), new LinkedHashSet<>(phrases(confidential, "label-names")),
            phrases(confidential, "disclaimer-cues"), phrases(confidential, "not-markings"),
            confidential.required("document-head-lines").asInt(1, 500, "a number of lines (1 to 500)"),
            confidential.required("document-foot-lines").asInt(0, 100, "a number of lines (0 to 100)"));

        YamlSection obligation = required(root, Policy.Obligation.RULE).allowOnly("action", "councillor-titles",
            "representation-domains", "acts", "business-words", "personal-acts", "information-acts", "information-words");
        Action obligationAction = action(obligation.required("action"));
        if (obligationAction == Action.DISCLOSE) {
            throw obligation.required("action").problem("disclose is for silent copies; use hold, warn or monitor");
        }
        YamlSection actsSection = required(obligation, "acts").allowOnly(ACT_KINDS.toArray(String[]::new));
        Map<String, Set<String>> acts = new LinkedHashMap<>();
        for (String kind : ACT_KINDS) {
            acts.put(kind, new LinkedHashSet<>(phrases(actsSection, kind)));
        }
        Policy.Obligation obligationPolicy = new Policy.Obligation(obligationAction, phrases(obligation, "councillor-titles"),
            phrases(obligation, "representation-domains"), acts, new LinkedHashSet<>(phrases(obligation, "business-words")),
            new LinkedHashSet<>(phrases(obligation, "personal-acts")), new LinkedHashSet<>(phrases(obligation, "information-acts")),
            new LinkedHashSet<>(phrases(obligation, "information-words")));

        return new Policy(onError, silentCopy, confidentialPolicy, obligationPolicy, attachments(root));
    }

    /** The optional {@code attachments} section: each limit defaults to {@link ExtractionLimits#DEFAULT}'s. */
    private static ExtractionLimits attachments(YamlSection root) throws ConfigurationProblem {
        Optional<YamlSection> section = root.section("attachments");
        if (section.isEmpty()) {
            return ExtractionLimits.DEFAULT;
        }
        YamlSection limits = section.get().allowOnly("largest-mb", "most-characters", "reading-seconds", "deepest-nesting");
        ExtractionLimits defaults = ExtractionLimits.DEFAULT;
        int largestMb = limits.value("largest-mb", v -> v.asInt(1, 1024, "a size in megabytes (1 to 1024)"),
            (int) (defaults.maxBytes() / (1024 * 1024)));
        int characters = limits.value("most-characters", v -> v.asInt(1000, 100_000_000, "a number of characters (1000 to 100000000)"),
            defaults.maxCharacters());
        int seconds = limits.value("reading-seconds", v -> v.asInt(1, 3600, "a number of seconds (1 to 3600)"),
            (int) defaults.timeout().toSeconds());
        int nesting = limits.value("deepest-nesting", v -> v.asInt(1, 50, "a number of levels (1 to 50)"), defaults.maxEmbeddingDepth());
        return new ExtractionLimits(largestMb * 1024L * 1024, characters, Duration.ofSeconds(seconds), nesting);
    }

    private static YamlSection required(YamlSection root, String key) throws ConfigurationProblem {
        return root.section(key).orElseThrow(() -> root.problem(key + ": missing; the shipped conf/policy.yaml has every section"));
    }

    private static Action action(YamlValue value) throws ConfigurationProblem {
        return Action.named(value.text()).orElseThrow(() -> value.problem("'" + value.text() + "' is not an action; use hold, warn, disclose or monitor"));
    }

    private static List<String> phrases(YamlSection section, String key) throws ConfigurationProblem {
        List<YamlValue> values = section.values(key);
        if (values.isEmpty()) {
            throw section.problem((section.path().isEmpty() ? "" : section.path() + ".") + key + ": list at least one phrase");
        }
        List<String> phrases = new ArrayList<>();
        for (YamlValue value : values) {
            phrases.add(value.asText().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(phrases);
    }
}

package org.correspondencegateway.rules;

import java.util.ArrayList;
import java.util.List;

import org.correspondencegateway.directory.Directory;
import org.correspondencegateway.message.Correspondence;

/**
 * Runs every protocol rule on a message, once. A rule that fails is not a reason to let mail through
 * unchecked: its failure is reported in {@link Outcome#failures()} and the caller applies its on-error
 * policy.
 */
public final class ProtocolCheck {
    private final List<ProtocolRule> rules;

    public ProtocolCheck(List<ProtocolRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<ProtocolRule> rules() {
        return rules;
    }

    /**
     * @param findings every rule's findings, in rule order
     * @param failures the rules that could not run, and why
     */
    public record Outcome(List<Finding> findings, List<String> failures) {
        public Outcome {
            findings = List.copyOf(findings);
            failures = List.copyOf(failures);
        }
    }

    public Outcome check(Correspondence message, Directory directory) {
        List<Finding> findings = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (ProtocolRule rule : rules) {
            try {
                findings.addAll(rule.check(message, directory));
            } catch (RuntimeException e) {
                failures.add(rule.id() + " failed: " + e);
            }
        }
        return new Outcome(findings, failures);
    }
}

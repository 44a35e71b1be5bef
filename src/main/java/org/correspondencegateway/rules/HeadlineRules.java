package org.correspondencegateway.rules;

import java.util.List;

import org.correspondencegateway.policy.Policy;
import org.correspondencegateway.rules.confidential.ConfidentialMarkings;
import org.correspondencegateway.rules.obligation.EnglishReader;
import org.correspondencegateway.rules.obligation.ObligationsInCouncillorsName;
import org.correspondencegateway.rules.silentcopy.SilentCopies;

/** The three headline rules, configured by the council's policy. */
public final class HeadlineRules {
    private HeadlineRules() {
    }

    public static ProtocolCheck check(Policy policy, EnglishReader english) {
        return new ProtocolCheck(List.of(
            new SilentCopies(policy.silentCopy()),
            new ConfidentialMarkings(policy.confidential()),
            new ObligationsInCouncillorsName(policy.obligation(), english)));
    }
}

package org.correspondencegateway.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.correspondencegateway.action.Records.OFFICER;
import static org.correspondencegateway.action.Records.RESIDENT;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.correspondencegateway.policy.Action;
import org.correspondencegateway.policy.Policy;
import org.correspondencegateway.policy.PolicyFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The most restrictive action wins; the sender is told only from inside the council; the Clerk only of held mail. */
class ActionPlanTest {
    private static Policy shipped;

    @BeforeAll
    static void policy() throws Exception {
        shipped = PolicyFile.load(Path.of("conf/policy.yaml"));
    }

    @Test
    void aMessageWithoutFindingsPassesAndNobodyIsTold() {
        ActionPlan plan = ActionPlan.of(Records.of(OFFICER, true), shipped);

        assertThat(plan.disposition()).isEqualTo(Disposition.PASS);
        assertThat(plan.headerValue()).isEqualTo("passed");
        assertThat(plan.notifySender()).isFalse();
        assertThat(plan.notifyClerk()).isFalse();
    }

    @Test
    void aSilentCopyIsDisclosedByDefaultNamingTheCopiedCouncillor() {
        ActionPlan plan = ActionPlan.of(Records.of(OFFICER, true, Records.silentCopy()), shipped);

        assertThat(plan.disposition()).isEqualTo(Disposition.DISCLOSE);
        assertThat(plan.headerValue()).isEqualTo("silent-copy=disclosed");
        assertThat(plan.disclose()).containsExactly("Councillor Tom Whitlock");
        assertThat(plan.notifySender()).isTrue();
        assertThat(plan.notifyClerk()).isFalse();
    }

    @Test
    void holdingWinsAndEveryRuleSaysHeld() {
        ActionPlan plan = ActionPlan.of(Records.of(OFFICER, true, Records.silentCopy(), Records.confidential()), shipped);

        assertThat(plan.disposition()).isEqualTo(Disposition.HOLD);
        assertThat(plan.outcomes()).isEqualTo(Map.of("silent-copy", "held", "confidential-to-third-party", "held"));
        assertThat(plan.headerValue()).isEqualTo("confidential-to-third-party=held; silent-copy=held");
        assertThat(plan.disclose()).isEmpty();
        assertThat(plan.notifySender()).isTrue();
        assertThat(plan.notifyClerk()).isTrue();
    }

    @Test
    void aSignedMessageIsWarnedAboutInsteadOfAltered() {
        CheckRecord signed = Records.of(OFFICER, true, Records.silentCopy()).unalterable();

        ActionPlan plan = ActionPlan.of(signed, shipped);

        assertThat(plan.disposition()).isEqualTo(Disposition.WARN);
        assertThat(plan.headerValue()).isEqualTo("silent-copy=warned-signed");
        assertThat(plan.disclose()).isEmpty();
        assertThat(plan.notifySender()).isTrue();
    }

    @Test
    void monitorRecordsOnly() {
        Policy monitoring = shipped.withAction("confidential-to-third-party", Action.MONITOR);

        ActionPlan plan = ActionPlan.of(Records.of(OFFICER, true, Records.confidential()), monitoring);

        assertThat(plan.disposition()).isEqualTo(Disposition.MONITOR);
        assertThat(plan.headerValue()).isEqualTo("confidential-to-third-party=monitored");
        assertThat(plan.notifySender()).isFalse();
        assertThat(plan.notifyClerk()).isFalse();
    }

    @Test
    void warnDeliversAndTellsTheSender() {
        ActionPlan plan = ActionPlan.of(Records.of(OFFICER, true, Records.confidential()),
            shipped.withAction("confidential-to-third-party", Action.WARN));

        assertThat(plan.disposition()).isEqualTo(Disposition.WARN);
        assertThat(plan.headerValue()).isEqualTo("confidential-to-third-party=warned");
        assertThat(plan.notifySender()).isTrue();
        assertThat(plan.notifyClerk()).isFalse();
    }

    @Test
    void aMessageThatCouldNotBeCheckedFollowsTheOnErrorPolicy() {
        ActionPlan plan = ActionPlan.of(Records.uncheckable(OFFICER, true), shipped);

        assertThat(shipped.onError()).isEqualTo(Action.HOLD);
        assertThat(plan.disposition()).isEqualTo(Disposition.HOLD);
        assertThat(plan.headerValue()).isEqualTo("unchecked=held");
        assertThat(plan.notifyClerk()).isTrue();
    }

    @Test
    void aSenderOutsideTheCouncilIsNeverSentANotice() {
        for (CheckRecord record : List.of(Records.of(RESIDENT, false, Records.confidential()), Records.uncheckable(RESIDENT, false))) {
            ActionPlan plan = ActionPlan.of(record, shipped);

            assertThat(plan.disposition()).isEqualTo(Disposition.HOLD);
            assertThat(plan.notifySender()).isFalse();
            assertThat(plan.notifyClerk()).isTrue();
        }
    }
}

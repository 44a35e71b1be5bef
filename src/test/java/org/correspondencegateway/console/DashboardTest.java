package org.correspondencegateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.correspondencegateway.audit.AuditEvent;
import org.junit.jupiter.api.Test;

/** The dashboard's figures come from the audit log: findings per rule per week and month, waits, senders. */
class DashboardTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static AuditEvent event(String time, String what, String key, String sender, String outcome) {
        return new AuditEvent(Instant.parse(time), what, key, Optional.empty(), "s", Optional.of(sender), List.of("r@x.example"),
            Optional.ofNullable(outcome), Optional.empty(), Optional.empty());
    }

    @Test
    void findingsAreCountedPerRuleAndPeriodAndHeldMailsWaitsMeasured() {
        List<AuditEvent> log = List.of(
            event("2026-11-16T09:00:00Z", "held", "a", "jo@c.example", "confidential-to-third-party=held"),
            event("2026-11-16T10:30:00Z", "released", "a", "jo@c.example", null),
            event("2026-11-17T09:00:00Z", "disclosed", "b", "jo@c.example", "silent-copy=disclosed"),
            event("2026-11-18T09:00:00Z", "passed", "c", "al@c.example", "passed"),
            event("2026-10-01T09:00:00Z", "held", "d", "al@c.example", "confidential-to-third-party=held; silent-copy=disclosed"),
            event("2026-10-01T09:10:00Z", "rejected", "d", "al@c.example", null));

        Dashboard dashboard = Dashboard.of(log, Instant.parse("2026-11-23T12:00:00Z"), LONDON);

        assertThat(dashboard.rules()).containsExactly("confidential-to-third-party", "silent-copy");
        assertThat(dashboard.weekly().get(dashboard.weekly().size() - 2)).isEqualTo(new Dashboard.Period("w/c 16 Nov 2026", List.of(1, 1)));
        assertThat(dashboard.weekly().get(dashboard.weekly().size() - 1)).isEqualTo(new Dashboard.Period("w/c 23 Nov 2026", List.of(0, 0)));
        assertThat(dashboard.monthly()).contains(new Dashboard.Period("Oct 2026", List.of(1, 1)), new Dashboard.Period("Nov 2026", List.of(1, 1)));
        assertThat(dashboard.heldTime()).isEqualTo(new Dashboard.HeldTime(2, "1 hour 30 min", "1 hour 30 min"));
        assertThat(dashboard.senders()).containsExactly(new Dashboard.SenderCount("al@c.example", 2), new Dashboard.SenderCount("jo@c.example", 2));
    }
}

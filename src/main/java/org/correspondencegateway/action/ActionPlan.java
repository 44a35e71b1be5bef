package org.correspondencegateway.action;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.correspondencegateway.policy.Action;
import org.correspondencegateway.policy.Policy;
import org.correspondencegateway.rules.FindingSummary;

/**
 * What to do with a checked message: the most restrictive of its findings' actions (hold, disclose,
 * warn, monitor), or the on-error action when it could not be fully checked; the outcome per rule for
 * the {@value #HEADER} header; and whom to tell.
 *
 * @param disposition what happens to the message
 * @param outcomes per rule (and "unchecked"), what happened: held, disclosed, warned, monitored
 * @param disclose the councillors to name at the foot ("CC Councillor Hannah Price"), when disclosing
 * @param notifySender whether the sender gets a notice
 * @param notifyClerk whether the Clerk is told of held mail
 */
public record ActionPlan(Disposition disposition, Map<String, String> outcomes, List<String> disclose,
                         boolean notifySender, boolean notifyClerk) {

    /** The header every message the gateway delivers or holds carries. */
    public static final String HEADER = "X-Protocol-Check";
    /** The outcome key for a message that could not be fully checked. */
    public static final String UNCHECKED = "unchecked";

    public ActionPlan {
        outcomes = Map.copyOf(new LinkedHashMap<>(outcomes));
        disclose = List.copyOf(disclose);
    }

    /** The outcome header's value: "silent-copy=disclosed; obligation-in-councillor-name=held", or "passed". */
    public String headerValue() {
        if (outcomes.isEmpty()) {
            return "passed";
        }
        return outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    /** Decides what to do with {@code record} under {@code policy}. */
    public static ActionPlan of(CheckRecord record, Policy policy) {
        Map<String, Action> actions = new LinkedHashMap<>();
        if (!record.uncheckable().isEmpty()) {
            actions.put(UNCHECKED, policy.onError());
        }
        for (FindingSummary finding : record.findings()) {
            Action action = policy.actionFor(finding.rule());
            if (action == Action.DISCLOSE && record.signed()) {
                action = Action.WARN;
            }
            actions.merge(finding.rule(), action, (a, b) -> a.ordinal() < b.ordinal() ? a : b);
        }
        Disposition disposition = actions.values().stream().map(ActionPlan::disposition).max(Enum::compareTo).orElse(Disposition.PASS);

        Map<String, String> outcomes = new LinkedHashMap<>();
        actions.forEach((rule, action) -> outcomes.put(rule, disposition == Disposition.HOLD ? "held" : past(action)));
        if (record.signed()) {
            record.findings().stream().filter(f -> policy.actionFor(f.rule()) == Action.DISCLOSE && disposition != Disposition.HOLD)
                .forEach(f -> outcomes.put(f.rule(), "warned-signed"));
        }
        List<String> disclose = disposition == Disposition.DISCLOSE
            ? record.findings().stream().filter(f -> actions.get(f.rule()) == Action.DISCLOSE)
                .flatMap(f -> f.concerned().stream()).map(FindingSummary.PartyView::describe).distinct().toList()
            : List.of();
        boolean tell = disposition == Disposition.HOLD || disposition == Disposition.DISCLOSE || disposition == Disposition.WARN;
        return new ActionPlan(disposition, outcomes, disclose, tell && record.senderInside(), disposition == Disposition.HOLD);
    }

    private static Disposition disposition(Action action) {
        return switch (action) {
            case HOLD -> Disposition.HOLD;
            case DISCLOSE -> Disposition.DISCLOSE;
            case WARN -> Disposition.WARN;
            case MONITOR -> Disposition.MONITOR;
        };
    }

    private static String past(Action action) {
        return switch (action) {
            case HOLD -> "held";
            case DISCLOSE -> "disclosed";
            case WARN -> "warned";
            case MONITOR -> "monitored";
        };
    }
}

package org.correspondencegateway.console;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.correspondencegateway.action.ReviewEntry;
import org.correspondencegateway.rules.FindingSummary;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;

/**
 * The review queue, the console's front page: held mail first, oldest first, with how long it has
 * waited; then flagged mail that was delivered, to acknowledge. Filters by rule, sender and date, and
 * the findings per rule.
 */
final class QueuePage {
    private static final Map<String, String> DONE = Map.of("released", "Released: the message is on its way, once.",
        "rejected", "Rejected: the sender has been told your reason.", "acknowledged", "Acknowledged: taken off the list.");

    private final Layout layout;
    private final ReviewQueueClient gateway;
    private final Clock clock;

    QueuePage(Layout layout, ReviewQueueClient gateway, Clock clock) {
        this.layout = layout;
        this.gateway = gateway;
        this.clock = clock;
    }

    /** GET /?rule=&sender=&from=&to=&done= */
    void show(HttpServerExchange exchange, Sessions.Session session) {
        List<ReviewEntry> held;
        List<ReviewEntry> flagged;
        try {
            held = gateway.list(ReviewQueueClient.Queue.HELD);
            flagged = gateway.list(ReviewQueueClient.Queue.FLAGGED);
        } catch (ReviewQueueClient.Unavailable e) {
            layout.unreachable(exchange, Optional.of(session), e);
            return;
        }
        String rule = Exchanges.param(exchange, "rule");
        String sender = Exchanges.param(exchange, "sender").strip().toLowerCase(Locale.ROOT);
        Optional<LocalDate> from = Exchanges.date(Exchanges.param(exchange, "from"));
        Optional<LocalDate> to = Exchanges.date(Exchanges.param(exchange, "to"));
        Predicate<ReviewEntry> wanted = entry -> (rule.isEmpty() || rules(entry).contains(rule))
            && (sender.isEmpty() || entry.record().sender().orElse("").toLowerCase(Locale.ROOT).contains(sender)
                || entry.record().senderName().orElse("").toLowerCase(Locale.ROOT).contains(sender))
            && from.map(day -> !entry.since().atZone(Layout.LONDON).toLocalDate().isBefore(day)).orElse(true)
            && to.map(day -> !entry.since().atZone(Layout.LONDON).toLocalDate().isAfter(day)).orElse(true);

        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> titles = new TreeMap<>();
        Stream.concat(held.stream(), flagged.stream()).forEach(entry -> {
            rules(entry).forEach(id -> counts.merge(id, 1, Integer::sum));
            entry.record().findings().forEach(f -> titles.putIfAbsent(f.rule(), f.title()));
        });
        List<Map<String, Object>> ruleCounts = new ArrayList<>();
        counts.forEach((id, count) -> ruleCounts.add(Map.of("id", id, "title", titles.getOrDefault(id, title(id)), "count", count,
            "selected", id.equals(rule))));

        Map<String, Object> model = layout.model(Optional.of(session));
        List<Map<String, Object>> heldRows = held.stream().filter(wanted).map(e -> row(e, "held")).toList();
        List<Map<String, Object>> flaggedRows = flagged.stream().filter(wanted).map(e -> row(e, "flagged")).toList();
        model.put("title", "Review queue");
        model.put("held", heldRows);
        model.put("hasHeld", !heldRows.isEmpty());
        model.put("flagged", flaggedRows);
        model.put("hasFlagged", !flaggedRows.isEmpty());
        model.put("heldTotal", held.size());
        model.put("flaggedTotal", flagged.size());
        model.put("ruleCounts", ruleCounts);
        model.put("filter", Map.of("rule", rule, "sender", Exchanges.param(exchange, "sender"), "from", Exchanges.param(exchange, "from"),
            "to", Exchanges.param(exchange, "to")));
        model.put("filtered", !rule.isEmpty() || !sender.isEmpty() || from.isPresent() || to.isPresent());
        model.put("done", DONE.getOrDefault(Exchanges.param(exchange, "done"), ""));
        status().ifPresent(s -> model.put("status", s));
        layout.show(exchange, StatusCodes.OK, "queue", model);
    }

    private Map<String, Object> row(ReviewEntry entry, String queue) {
        Map<String, Object> row = new HashMap<>();
        row.put("href", "/" + queue + "/" + Exchanges.encode(entry.key()));
        row.put("subject", entry.record().subject().isBlank() ? "(no subject)" : entry.record().subject());
        row.put("sender", entry.record().senderName().map(n -> n + " <" + entry.record().sender().orElse("") + ">")
            .orElse(entry.record().sender().orElse("(no sender)")));
        row.put("recipients", String.join(", ", entry.record().recipients()));
        row.put("age", Dashboard.words(Duration.between(entry.since(), clock.instant())));
        row.put("since", Layout.WHEN.format(entry.since().atZone(Layout.LONDON)));
        row.put("sinceIso", entry.since().toString());
        row.put("rules", entry.record().findings().stream().map(FindingSummary::title).distinct().toList());
        row.put("unchecked", !entry.record().uncheckable().isEmpty());
        row.put("outcome", entry.outcome());
        return row;
    }

    /** The queue sizes and the directory's health, when the gateway answers. */
    private Optional<Map<String, Object>> status() {
        try {
            return Optional.of(gateway.status());
        } catch (ReviewQueueClient.Unavailable e) {
            return Optional.empty();
        }
    }

    /** The rules an entry is listed under: its findings' and its outcome's. */
    private static List<String> rules(ReviewEntry entry) {
        List<String> rules = new ArrayList<>(entry.record().findings().stream().map(FindingSummary::rule).toList());
        Dashboard.rulesOf(entry.outcome()).stream().filter(r -> !rules.contains(r)).forEach(rules::add);
        return rules;
    }

    /** A rule id in words: {@code confidential-to-third-party} becomes "Confidential to third party". */
    static String title(String ruleId) {
        String words = ruleId.replace('-', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

package org.correspondencegateway.console;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.correspondencegateway.audit.AuditEvent;

/**
 * What the dashboard shows, worked out from the audit log: findings per rule per week and per month,
 * how long held mail waited for a decision, and the senders with most findings (for training, not
 * blame). Plain values; the page draws the charts and prints the same figures as tables.
 *
 * @param rules the rules seen, in order
 * @param weekly findings per rule for each of the last weeks, oldest first
 * @param monthly findings per rule for each of the last months, oldest first
 * @param heldTime how long decided mail had waited
 * @param senders the senders with most findings, most first
 * @param events how many audit events were read
 */
public record Dashboard(List<String> rules, List<Period> weekly, List<Period> monthly, HeldTime heldTime, List<SenderCount> senders,
                        int events) {
    private static final Pattern RULE = Pattern.compile("([a-z][a-z0-9-]*)=([a-z-]+)");
    private static final int WEEKS = 12;
    private static final int MONTHS = 12;
    private static final int SENDERS = 10;
    private static final DateTimeFormatter WEEK_COMMENCING = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

    public Dashboard {
        rules = List.copyOf(rules);
        weekly = List.copyOf(weekly);
        monthly = List.copyOf(monthly);
        senders = List.copyOf(senders);
    }

    /**
     * @param label e.g. {@code w/c 16 Nov 2026} (the week commencing Monday 16 November) or {@code Nov 2026}
     * @param counts findings per rule, in the order of {@link #rules()}
     */
    public record Period(String label, List<Integer> counts) {
        public Period {
            counts = List.copyOf(counts);
        }

        public int total() {
            return counts.stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * @param decided how many held messages were released or rejected
     * @param median the median wait, in words
     * @param longest the longest wait, in words
     */
    public record HeldTime(int decided, String median, String longest) {
    }

    public record SenderCount(String sender, int findings) {
    }

    /** The rule ids an outcome header names, e.g. {@code silent-copy} in {@code silent-copy=disclosed}. */
    public static List<String> rulesOf(String outcome) {
        List<String> rules = new ArrayList<>();
        Matcher matcher = RULE.matcher(outcome);
        while (matcher.find()) {
            rules.add(matcher.group(1));
        }
        return List.copyOf(rules);
    }

    /** The dashboard for {@code events} (any order), as of {@code now} in {@code zone}. */
    public static Dashboard of(List<AuditEvent> events, Instant now, ZoneId zone) {
        TreeSet<String> rules = new TreeSet<>();
        Map<String, Map<String, Integer>> byWeek = new TreeMap<>();
        Map<String, Map<String, Integer>> byMonth = new TreeMap<>();
        Map<String, Integer> bySender = new HashMap<>();
        Map<String, Instant> heldAt = new HashMap<>();
        List<Duration> waits = new ArrayList<>();
        List<AuditEvent> oldestFirst = events.stream().sorted(Comparator.comparing(AuditEvent::time)).toList();
        for (AuditEvent event : oldestFirst) {
            if (event.isCheckOutcome() && !event.event().equals("passed")) {
                LocalDate day = event.time().atZone(zone).toLocalDate();
                String week = week(day);
                String month = month(day);
                for (String rule : rulesOf(event.outcome().orElse(""))) {
                    rules.add(rule);
                    byWeek.computeIfAbsent(week, w -> new HashMap<>()).merge(rule, 1, Integer::sum);
                    byMonth.computeIfAbsent(month, m -> new HashMap<>()).merge(rule, 1, Integer::sum);
                    bySender.merge(event.sender().orElse("(no sender)"), 1, Integer::sum);
                }
                if (event.event().equals("held")) {
                    heldAt.put(event.mailKey(), event.time());
                }
            } else if (AuditEvent.FINAL_DECISIONS.contains(event.event())) {
                Optional.ofNullable(heldAt.remove(event.mailKey())).ifPresent(held -> waits.add(Duration.between(held, event.time())));
            }
        }
        List<String> ruleList = List.copyOf(rules);
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Period> weekly = new ArrayList<>();
        for (int i = WEEKS - 1; i >= 0; i--) {
            String label = week(today.minusWeeks(i));
            weekly.add(period(label, byWeek.getOrDefault(label, Map.of()), ruleList));
        }
        List<Period> monthly = new ArrayList<>();
        for (int i = MONTHS - 1; i >= 0; i--) {
            String label = month(today.minusMonths(i));
            monthly.add(period(label, byMonth.getOrDefault(label, Map.of()), ruleList));
        }
        waits.sort(Comparator.naturalOrder());
        HeldTime heldTime = waits.isEmpty() ? new HeldTime(0, "none decided yet", "none decided yet")
            : new HeldTime(waits.size(), words(waits.get(waits.size() / 2)), words(waits.get(waits.size() - 1)));
        List<SenderCount> senders = bySender.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(SENDERS).map(e -> new SenderCount(e.getKey(), e.getValue())).toList();
        return new Dashboard(ruleList, weekly, monthly, heldTime, senders, events.size());
    }

    /** The chart data as the dashboard's script reads it: labels, and one series per rule. */
    public Map<String, Object> chartData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("rules", rules);
        data.put("weeks", weekly.stream().map(Period::label).toList());
        data.put("weekly", series(weekly));
        data.put("months", monthly.stream().map(Period::label).toList());
        data.put("monthly", series(monthly));
        return data;
    }

    private List<List<Integer>> series(List<Period> periods) {
        List<List<Integer>> series = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            int rule = r;
            series.add(periods.stream().map(p -> p.counts().get(rule)).toList());
        }
        return series;
    }

    private static Period period(String label, Map<String, Integer> counts, List<String> rules) {
        return new Period(label, rules.stream().map(rule -> counts.getOrDefault(rule, 0)).toList());
    }

    /** The week a day falls in, as a British office names it: "w/c 16 Nov 2026" (week commencing Monday). */
    private static String week(LocalDate day) {
        return "w/c " + day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).format(WEEK_COMMENCING);
    }

    private static String month(LocalDate day) {
        return day.format(MONTH);
    }

    /** A wait in words: "40 seconds", "12 minutes", "3 hours 5 minutes", "2 days 4 hours". */
    public static String words(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + (hours == 1 ? " hour" : " hours") + (minutes % 60 == 0 ? "" : " " + (minutes % 60) + " min");
        }
        long days = hours / 24;
        return days + (days == 1 ? " day" : " days") + (hours % 24 == 0 ? "" : " " + (hours % 24) + " h");
    }
}

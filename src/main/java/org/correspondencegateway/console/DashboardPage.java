package org.correspondencegateway.console;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.correspondencegateway.action.ReviewEntry;
import org.correspondencegateway.audit.AuditEvent;
import org.correspondencegateway.directory.Directory;
import org.correspondencegateway.directory.EmailAddress;
import org.correspondencegateway.directory.LiveDirectory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;

/** The dashboard page: the {@link Dashboard}'s figures as charts and tables, from the latest audit events. */
final class DashboardPage {
    private static final int AUDIT_EVENTS = 10_000;

    private final Layout layout;
    private final ReviewQueueClient gateway;
    private final LiveDirectory directory;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    DashboardPage(Layout layout, ReviewQueueClient gateway, LiveDirectory directory, Clock clock) {
        this.layout = layout;
        this.gateway = gateway;
        this.directory = directory;
        this.clock = clock;
    }

    /** GET /dashboard */
    void show(HttpServerExchange exchange, Sessions.Session session) {
        List<AuditEvent> events;
        List<ReviewEntry> held;
        try {
            events = gateway.audit(AUDIT_EVENTS);
            held = gateway.list(ReviewQueueClient.Queue.HELD);
        } catch (ReviewQueueClient.Unavailable e) {
            layout.unreachable(exchange, Optional.of(session), e);
            return;
        }
        Dashboard dashboard = Dashboard.of(events, clock.instant(), Layout.LONDON);
        Directory people = directory.current();
        List<String> rules = dashboard.rules().stream().map(QueuePage::title).toList();
        Map<String, Object> model = layout.model(Optional.of(session));
        model.put("title", "Dashboard");
        model.put("dashboard", dashboard);
        model.put("rules", rules);
        model.put("hasFindings", !dashboard.rules().isEmpty());
        model.put("weekly", periods(dashboard.weekly()));
        model.put("monthly", periods(dashboard.monthly()));
        model.put("senders", dashboard.senders().stream().map(s -> Map.of("who", named(people, s.sender()), "findings", s.findings())).toList());
        model.put("waiting", held.size());
        model.put("oldestWaiting", held.stream().findFirst().map(e -> Dashboard.words(Duration.between(e.since(), clock.instant())))
            .orElse("none"));
        Map<String, Object> chart = new LinkedHashMap<>(dashboard.chartData());
        chart.put("rules", rules);
        model.put("chartJson", json(chart));
        layout.show(exchange, StatusCodes.OK, "dashboard", model);
    }

    private static List<Map<String, Object>> periods(List<Dashboard.Period> periods) {
        return periods.stream().map(p -> Map.<String, Object>of("label", p.label(), "counts", p.counts(), "total", p.total())).toList();
    }

    /** "Jo Hughes <j.hughes@…>" for someone in the directory, else the address as it is. */
    private static String named(Directory people, String address) {
        return EmailAddress.parse(address).flatMap(a -> people.resolve(a).person()).map(p -> p.name() + " <" + address + ">").orElse(address);
    }

    /** The chart data for {@code <script type="application/json">}: "<" written as \u003c so that no "</script>" can end it. */
    private String json(Object value) {
        try {
            return json.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

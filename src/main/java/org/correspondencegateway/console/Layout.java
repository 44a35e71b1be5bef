package org.correspondencegateway.console;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.correspondencegateway.directory.LiveDirectory;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;

/**
 * What every page shares: the council's name, who is signed in and their form token, the directory's
 * health in a banner, the error page, and the clock's words for dates (London time).
 */
final class Layout {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);

    private final Pages pages = new Pages();
    private final LiveDirectory directory;

    Layout(LiveDirectory directory) {
        this.directory = directory;
    }

    /** A page's model with what the header needs; {@code session} is empty on the sign-in page. */
    Map<String, Object> model(Optional<Sessions.Session> session) {
        Map<String, Object> model = new HashMap<>();
        model.put("council", directory.current().council());
        session.ifPresent(s -> {
            model.put("user", s.user());
            model.put("roleLabel", s.user().role().label());
            model.put("csrf", s.csrfToken());
        });
        directory.problem().ifPresent(p -> model.put("directoryProblem", p.getMessage()));
        return model;
    }

    void show(HttpServerExchange exchange, int status, String page, Map<String, Object> model) {
        Exchanges.html(exchange, status, pages.render(page, model));
    }

    /** The error page, with {@code message} in plain words. */
    void error(HttpServerExchange exchange, Optional<Sessions.Session> session, int status, String message) {
        Map<String, Object> model = model(session);
        model.put("title", "Cannot be done");
        model.put("message", message);
        model.put("status", status);
        show(exchange, status, "error", model);
    }

    void unreachable(HttpServerExchange exchange, Optional<Sessions.Session> session, ReviewQueueClient.Unavailable e) {
        error(exchange, session, StatusCodes.BAD_GATEWAY, "The gateway cannot be reached just now: " + e.getMessage() + ". Try again in a minute.");
    }
}

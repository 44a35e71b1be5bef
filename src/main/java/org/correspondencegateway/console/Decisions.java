package org.correspondencegateway.console;

import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;

/**
 * The Clerk's decisions, made through the gateway's webadmin: release (with an optional note for the
 * audit log), reject (with a reason, which the sender is told), acknowledge a flagged message. The
 * console itself decides nothing: when the gateway cannot be reached, nothing is decided and the page
 * says so.
 */
final class Decisions {
    private static final Logger LOGGER = LoggerFactory.getLogger(Decisions.class);

    private final Layout layout;
    private final ReviewQueueClient gateway;

    Decisions(Layout layout, ReviewQueueClient gateway) {
        this.layout = layout;
        this.gateway = gateway;
    }

    /** POST /held/{key}/release: note (optional) */
    void release(HttpServerExchange exchange, Sessions.Session session, String key, Map<String, String> form) {
        decided(exchange, session, "held", key, "released", () -> gateway.release(key, session.user().id(), Exchanges.text(form, "note")));
    }

    /** POST /held/{key}/reject: reason (required) */
    void reject(HttpServerExchange exchange, Sessions.Session session, String key, Map<String, String> form) {
        Optional<String> reason = Exchanges.text(form, "reason");
        if (reason.isEmpty()) {
            layout.error(exchange, Optional.of(session), StatusCodes.BAD_REQUEST,
                "A rejection needs a reason: the sender is told it. Go back, write one, and reject again.");
            return;
        }
        decided(exchange, session, "held", key, "rejected", () -> gateway.reject(key, session.user().id(), reason.get()));
    }

    /** POST /flagged/{key}/acknowledge: note (optional) */
    void acknowledge(HttpServerExchange exchange, Sessions.Session session, String key, Map<String, String> form) {
        decided(exchange, session, "flagged", key, "acknowledged",
            () -> gateway.acknowledge(key, session.user().id(), Exchanges.text(form, "note")));
    }

    private interface Call {
        void run() throws ReviewQueueClient.Unavailable;
    }

    private void decided(HttpServerExchange exchange, Sessions.Session session, String queue, String key, String done, Call call) {
        try {
            call.run();
        } catch (ReviewQueueClient.Unavailable e) {
            int status = e.status() == 0 ? StatusCodes.BAD_GATEWAY : e.status();
            layout.error(exchange, Optional.of(session), status, "Nothing was decided: " + e.getMessage() + ".");
            return;
        }
        LOGGER.info("Console: {} {} {} by {}", done, queue, key, session.user().id());
        Exchanges.redirect(exchange, "/?done=" + done);
    }
}

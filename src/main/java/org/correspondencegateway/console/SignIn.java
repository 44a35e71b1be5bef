package org.correspondencegateway.console;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.correspondencegateway.directory.LiveDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.CookieImpl;
import io.undertow.util.StatusCodes;

/**
 * Signing in and out: the name and password against the password file, the lock-out after repeated
 * failures, and the session cookie (HTTP only, same site only, a new id at every sign-in).
 */
final class SignIn {
    private static final Logger LOGGER = LoggerFactory.getLogger(SignIn.class);
    static final String COOKIE = "cg-session";

    private final Layout layout;
    private final LiveDirectory directory;
    private final PasswordFile passwords;
    private final Sessions sessions;
    private final LockOut lockOut;
    private final ConsoleSettings.LockOut lockOutSettings;

    SignIn(Layout layout, LiveDirectory directory, PasswordFile passwords, Sessions sessions, LockOut lockOut,
           ConsoleSettings.LockOut lockOutSettings) {
        this.layout = layout;
        this.directory = directory;
        this.passwords = passwords;
        this.sessions = sessions;
        this.lockOut = lockOut;
        this.lockOutSettings = lockOutSettings;
    }

    /** GET /sign-in */
    void page(HttpServerExchange exchange) throws IOException {
        Map<String, Object> model = layout.model(Optional.empty());
        model.put("title", "Sign in");
        model.put("next", Exchanges.safeNext(Exchanges.param(exchange, "next")));
        model.put("nobodyYet", passwords.isEmpty());
        model.put("passwordFile", passwords.file().toString());
        layout.show(exchange, StatusCodes.OK, "sign-in", model);
    }

    /** POST /sign-in: name, password, next */
    void signIn(HttpServerExchange exchange) throws IOException {
        Map<String, String> form = Exchanges.form(exchange);
        String name = form.getOrDefault("name", "").strip().toLowerCase(Locale.ROOT);
        char[] password = form.getOrDefault("password", "").toCharArray();
        String next = Exchanges.safeNext(form.getOrDefault("next", "/"));
        Optional<ConsoleUser> user = ConsoleUser.of(directory.current(), name);
        String refusal;
        if (lockOut.isLocked(name)) {
            refusal = lockedOut() + ", or ask the IT provider to set a new password.";
            LOGGER.warn("Console sign-in refused for {}: locked out", name);
        } else if (user.isPresent() && passwords.matches(name, password)) {
            lockOut.succeeded(name);
            Sessions.Session session = sessions.open(user.get());
            exchange.setResponseCookie(cookie(session.id()));
            LOGGER.info("Console sign-in: {} ({})", name, user.get().role().label());
            Exchanges.redirect(exchange, next);
            return;
        } else {
            passwords.matches("", password); // the same work whether the name exists or not
            boolean locked = lockOut.failed(name);
            refusal = locked ? lockedOut() + "." : "That name and password do not match. Check both and try again.";
            LOGGER.warn("Console sign-in failed for {}{}", name, locked ? "; now locked out" : "");
        }
        Map<String, Object> model = layout.model(Optional.empty());
        model.put("title", "Sign in");
        model.put("next", next);
        model.put("name", name);
        model.put("refusal", refusal);
        layout.show(exchange, StatusCodes.UNAUTHORIZED, "sign-in", model);
    }

    /** POST /sign-out: csrf */
    void signOut(HttpServerExchange exchange, Sessions.Session session) throws IOException {
        if (!session.issued(Exchanges.form(exchange).getOrDefault("csrf", ""))) {
            layout.error(exchange, Optional.of(session), StatusCodes.FORBIDDEN, "This form did not come from the console.");
            return;
        }
        sessions.close(session.id());
        exchange.setResponseCookie(cookie("").setMaxAge(0));
        Exchanges.redirect(exchange, "/sign-in");
    }

    /** The session the request's cookie names, if it is still open. */
    Optional<Sessions.Session> session(HttpServerExchange exchange) {
        return Optional.ofNullable(exchange.getRequestCookie(COOKIE)).map(c -> c.getValue()).filter(id -> !id.isEmpty())
            .flatMap(id -> sessions.find(id, directory.current()));
    }

    private String lockedOut() {
        return "Too many failed attempts for this name. Wait " + Dashboard.words(lockOutSettings.lasting()) + " and try again";
    }

    private static CookieImpl cookie(String value) {
        CookieImpl cookie = new CookieImpl(COOKIE, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSiteMode("Strict");
        return cookie;
    }
}

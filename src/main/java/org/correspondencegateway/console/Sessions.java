package org.correspondencegateway.console;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Signed-in sessions: an unguessable id (the cookie) to the user and the session's CSRF token. A session
 * ends at sign-out or after {@code idle} without use. Sessions are kept in this console's memory: a
 * restart signs everyone out, which loses nothing (no mail state lives here).
 */
public final class Sessions {
    private final Cache<String, Session> sessions;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param user who signed in
     * @param csrfToken the token every form of this session must carry
     */
    public record Session(String id, ConsoleUser user, String csrfToken) {
    }

    public Sessions(Duration idle) {
        this.sessions = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(10_000).build();
    }

    /** A new session for {@code user}; any session id it had before is not reused (no fixation). */
    public Session open(ConsoleUser user) {
        Session session = new Session(token(), user, token());
        sessions.put(session.id(), session);
        return session;
    }

    public Optional<Session> find(String id) {
        return Optional.ofNullable(sessions.getIfPresent(id));
    }

    public void close(String id) {
        sessions.invalidate(id);
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

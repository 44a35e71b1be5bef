package org.correspondencegateway.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.correspondencegateway.directory.Directory;
import org.correspondencegateway.files.DurableFiles;

/**
 * Signed-in sessions, kept as files in a directory that every console of the council can share (under the
 * data directory by default), so that a restart signs nobody out and two consoles behind one address
 * know the same sessions.
 *
 * <p>A session is an unguessable id (the cookie), the directory id of who signed in, and the CSRF token
 * every form of the session carries. Its file is named after the id's SHA-256, so a listing of the
 * directory gives away no cookie; the file's modification time is when it was last used, refreshed at
 * most once a minute. A session ends at sign-out, after {@code idle} without use, or when its person is
 * no longer a reviewer or viewer in the directory (checked at every request, so a role taken away counts
 * at once).
 */
public final class Sessions {
    private static final Duration REFRESH = Duration.ofMinutes(1);

    private final Path directory;
    private final Duration idle;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param id the session's cookie
     * @param user who signed in, as the directory says now
     * @param csrfToken the token every form of this session must carry
     */
    public record Session(String id, ConsoleUser user, String csrfToken) {
        /** Whether a form carried this session's token (compared in constant time). */
        public boolean issued(String formToken) {
            return java.security.MessageDigest.isEqual(formToken.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                csrfToken.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    public Sessions(Path directory, Duration idle, Clock clock) {
        this.directory = directory;
        this.idle = idle;
        this.clock = clock;
    }

    /**
     * A new session for {@code user}; a session id it had before is never reused (no fixation). Ended
     * sessions' files are cleared away here.
     *
     * @throws UncheckedIOException if the directory cannot be written: nobody can sign in until it can
     */
    public Session open(ConsoleUser user) {
        Session session = new Session(token(), user, token());
        try {
            DurableFiles.deleteUnchangedSince(directory, clock.instant().minus(idle));
            DurableFiles.replace(file(session.id()), user.id() + "\n" + session.csrfToken() + "\n", DurableFiles.Readers.OWNER_ONLY);
            Files.setLastModifiedTime(file(session.id()), FileTime.from(clock.instant()));
        } catch (IOException e) {
            throw new UncheckedIOException("the console's sessions cannot be written to " + directory, e);
        }
        return session;
    }

    /** The session whose cookie is {@code id}, if it has not ended and its person may still use the console. */
    public Optional<Session> find(String id, Directory people) {
        Path file = file(id);
        try {
            Instant lastUsed = Files.getLastModifiedTime(file).toInstant();
            Instant now = clock.instant();
            if (ended(lastUsed, now)) {
                Files.deleteIfExists(file);
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 2) {
                return Optional.empty();
            }
            Optional<ConsoleUser> user = ConsoleUser.of(people, lines.get(0));
            if (user.isPresent() && Duration.between(lastUsed, now).compareTo(REFRESH) > 0) {
                Files.setLastModifiedTime(file, FileTime.from(now));
            }
            return user.map(u -> new Session(id, u, lines.get(1)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("the console's sessions cannot be read in " + directory, e);
        }
    }

    /** Ends the session {@code id} (signing out). */
    public void close(String id) {
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException("the console's session cannot be ended in " + directory, e);
        }
    }

    private boolean ended(Instant lastUsed, Instant now) {
        return Duration.between(lastUsed, now).compareTo(idle) > 0;
    }

    private Path file(String id) {
        return directory.resolve(DurableFiles.nameFor(id));
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package org.correspondencegateway.console;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The Clerk's console's settings, as read from {@code conf/console.yaml} by {@link ConsoleSettingsFile}.
 *
 * @param bind the IP address the console listens on
 * @param port its TCP port; 0 picks a free one (for tests)
 * @param address where the Clerk's browser reaches it, for the links in the Clerk's notifications: a
 *                reverse proxy's https address, or by default http://bind:port
 * @param webAdmin the gateway's webadmin API, where held mail is read and decided
 * @param webAdminToken a JSON Web Token for a webadmin that asks for one ({@code jwt.enabled=true})
 * @param directoryFile who is who: reviewers, viewers, and the roles shown beside each address
 * @param passwordFile where console passwords are kept, hashed (never in git: under the data directory)
 * @param stateDirectory where sessions and failed sign-ins are kept; consoles that share it share both
 * @param sessionLength how long a session lasts without use
 * @param lockOut when repeated failed sign-ins lock a name out
 */
public record ConsoleSettings(String bind, int port, URI address, URI webAdmin, Optional<String> webAdminToken, Path directoryFile,
                              Path passwordFile, Path stateDirectory, Duration sessionLength, LockOut lockOut) {

    /**
     * @param failures failed sign-ins in a row that lock a name
     * @param lasting for how long
     */
    public record LockOut(int failures, Duration lasting) {
    }

    /** Where it listens. */
    public String listensOn() {
        return bind + ":" + port;
    }

    public ConsoleSettings withWebAdmin(URI newWebAdmin) {
        return new ConsoleSettings(bind, port, address, newWebAdmin, webAdminToken, directoryFile, passwordFile, stateDirectory, sessionLength,
            lockOut);
    }
}

package org.correspondencegateway.action;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.correspondencegateway.files.DurableFiles;

/**
 * Which release of a held mail went on to delivery: one small file per held mail, named after its key
 * and holding the id of the first release seen, in a directory the gateway's nodes can share.
 *
 * <p>Why: releasing puts a copy of the held mail on the spool, then audits the release, then takes the
 * mail out of the held repository. A gateway that dies between the first two steps still shows the mail
 * as held, and the Clerk releases it again: two copies are then on their way. Each release carries an id
 * of its own; the first copy to reach the release processor claims the mail's key here, and a copy with
 * another id is a second release and is stopped. The same copy seen again (the spool gives it back after
 * a crash) has the same id and goes on: so nothing is ever stopped that was not already on its way.
 *
 * <p>Contract: {@link #admit} is atomic across threads, processes and restarts for one directory (the
 * claim is a hard link, which the file system makes or refuses at once), and the claim, its content and
 * its directory entry, is forced to disk before it is counted.
 */
public final class ReleaseLedger {
    /** What the ledger says of a released copy. */
    public enum Admission {
        /** The first release of this mail: deliver it. */
        FIRST,
        /** The same release again (the spool gave the copy back after a crash): deliver it. */
        SAME_RELEASE,
        /** Another release of a mail already released: stop this copy. */
        SECOND_RELEASE
    }

    /**
     * How long a claim is kept. A second release can only come while the mail still looks held, which
     * is minutes after a crash (the restart reconciles what a crash left behind); a month is ample.
     */
    public static final Duration KEPT_FOR = Duration.ofDays(30);

    private final Path directory;
    private final Clock clock;

    public ReleaseLedger(Path directory) {
        this(directory, Clock.systemUTC());
    }

    ReleaseLedger(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Records {@code releaseId} as the release of {@code mailKey} if it is the first, and says which it is.
     *
     * @throws UncheckedIOException if the directory cannot be written or read: the caller must then
     *                              not deliver the copy silently, nor drop it
     */
    public Admission admit(String mailKey, String releaseId) {
        Path claim = directory.resolve(DurableFiles.nameFor(mailKey));
        try {
            Files.createDirectories(directory);
            Path proposal = Files.createTempFile(directory, "claim-", ".tmp");
            try {
                DurableFiles.write(proposal, releaseId);
                Files.createLink(claim, proposal);
                DurableFiles.forceDirectory(directory);
                DurableFiles.deleteUnchangedSince(directory, clock.instant().minus(KEPT_FOR)); // the ledger does not grow for ever
                return Admission.FIRST;
            } catch (FileAlreadyExistsException taken) {
                return Files.readString(claim, StandardCharsets.UTF_8).equals(releaseId) ? Admission.SAME_RELEASE : Admission.SECOND_RELEASE;
            } finally {
                Files.deleteIfExists(proposal);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the release ledger in " + directory + " cannot be written", e);
        }
    }
}

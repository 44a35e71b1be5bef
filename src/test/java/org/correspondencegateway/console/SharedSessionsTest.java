package org.correspondencegateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.correspondencegateway.directory.Directory;
import org.correspondencegateway.directory.DirectoryFile;
import org.correspondencegateway.testing.Council;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two consoles of one council behind one address (or one console, restarted) share their sessions and
 * their failed sign-ins through the state directory, as the guide's scale-out asks: nothing of it lives
 * in one JVM's memory.
 */
class SharedSessionsTest {
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final ConsoleSettings.LockOut FIVE_FOR_FIFTEEN = new ConsoleSettings.LockOut(5, Duration.ofMinutes(15));

    @TempDir
    Path state;

    private final Hands clock = new Hands(Instant.parse("2026-11-23T09:00:00Z"));
    private final Directory council = Council.directory();
    private final ConsoleUser clerk = ConsoleUser.of(council, "s-akhtar").orElseThrow();

    @Test
    void aSessionOpenedAtOneConsoleIsKnownAtTheOtherAndAfterARestart() {
        Sessions first = new Sessions(state, IDLE, clock);
        Sessions.Session opened = first.open(clerk);

        Sessions second = new Sessions(state, IDLE, clock);
        assertThat(second.find(opened.id(), council)).hasValueSatisfying(found -> {
            assertThat(found.user()).isEqualTo(clerk);
            assertThat(found.csrfToken()).isEqualTo(opened.csrfToken());
        });
        assertThat(new Sessions(state, IDLE, clock).find(opened.id(), council)).as("after a restart").isPresent();
        assertThat(second.find("a made-up cookie", council)).isEmpty();
    }

    @Test
    void signingOutAtOneConsoleEndsTheSessionAtTheOther() {
        Sessions first = new Sessions(state, IDLE, clock);
        Sessions second = new Sessions(state, IDLE, clock);
        Sessions.Session opened = first.open(clerk);

        second.close(opened.id());

        assertThat(first.find(opened.id(), council)).isEmpty();
    }

    @Test
    void aSessionEndsAfterItsIdleTimeAndUseKeepsItGoing() {
        Sessions sessions = new Sessions(state, IDLE, clock);
        Sessions.Session kept = sessions.open(clerk);
        Sessions.Session left = sessions.open(clerk);

        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(sessions.find(kept.id(), council)).as("used every 20 minutes").isPresent();
        }
        assertThat(sessions.find(left.id(), council)).as("unused for 80 minutes").isEmpty();
    }

    @Test
    void theFileNamesGiveAwayNoCookie() throws Exception {
        Sessions.Session opened = new Sessions(state, IDLE, clock).open(clerk);

        try (var files = Files.list(state)) {
            assertThat(files.map(f -> f.getFileName().toString())).hasSize(1).noneMatch(name -> name.contains(opened.id()));
        }
    }

    @Test
    void someoneTakenOutOfTheDirectoryIsSignedOutAtOnce(@TempDir Path conf) throws Exception {
        Sessions sessions = new Sessions(state, IDLE, clock);
        Sessions.Session opened = sessions.open(ConsoleUser.of(council, "b-okonkwo").orElseThrow());
        Path changed = conf.resolve("directory.yaml");
        Files.writeString(changed, Files.readString(Council.DIRECTORY_FILE).replace("viewer: true", "viewer: false"));

        assertThat(sessions.find(opened.id(), DirectoryFile.load(changed))).isEmpty();
        assertThat(sessions.find(opened.id(), council)).isPresent();
    }

    @Test
    void failuresAtTwoConsolesCountTogetherAndSurviveARestart() {
        LockOut first = new LockOut(state, FIVE_FOR_FIFTEEN, clock);
        LockOut second = new LockOut(state, FIVE_FOR_FIFTEEN, clock);

        assertThat(first.failed("j-hughes")).isFalse();
        assertThat(second.failed("j-hughes")).isFalse();
        assertThat(first.failed("j-hughes")).isFalse();
        assertThat(second.failed("j-hughes")).isFalse();
        assertThat(first.isLocked("j-hughes")).isFalse();
        assertThat(second.failed("j-hughes")).as("the fifth, at either console").isTrue();

        assertThat(new LockOut(state, FIVE_FOR_FIFTEEN, clock).isLocked("j-hughes")).as("after a restart").isTrue();
        assertThat(first.isLocked("s-akhtar")).as("another name").isFalse();
    }

    @Test
    void aLockLastsFromTheLastFailureAndAGoodSignInClearsTheCount() {
        LockOut lockOut = new LockOut(state, FIVE_FOR_FIFTEEN, clock);
        for (int i = 0; i < 5; i++) {
            lockOut.failed("j-hughes");
        }
        clock.advance(Duration.ofMinutes(14));
        assertThat(lockOut.isLocked("j-hughes")).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(lockOut.isLocked("j-hughes")).as("15 minutes after the last failure").isFalse();
        assertThat(lockOut.failed("j-hughes")).as("counting starts again").isFalse();

        lockOut.failed("j-hughes");
        lockOut.succeeded("j-hughes");
        for (int i = 0; i < 4; i++) {
            assertThat(lockOut.failed("j-hughes")).isFalse();
        }
    }

    @Test
    void failuresAtTheSameMomentAtTwoConsolesAreAllCounted() throws Exception {
        ConsoleSettings.LockOut eighty = new ConsoleSettings.LockOut(80, Duration.ofMinutes(15));
        LockOut first = new LockOut(state, eighty, clock);
        LockOut second = new LockOut(state, eighty, clock);
        ExecutorService guessers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> guesses = new ArrayList<>();
            for (int i = 0; i < 79; i++) {
                LockOut console = i % 2 == 0 ? first : second;
                guesses.add(() -> console.failed("j-hughes"));
            }
            long locking = 0;
            for (Future<Boolean> guess : guessers.invokeAll(guesses)) {
                locking += guess.get() ? 1 : 0;
            }
            assertThat(locking).as("79 failures lock nothing").isZero();
            assertThat(first.isLocked("j-hughes")).isFalse();
            assertThat(second.failed("j-hughes")).as("the 80th locks: none of the 79 was lost").isTrue();
        } finally {
            guessers.shutdownNow();
        }
    }

    /** A clock the test moves. */
    private static final class Hands extends Clock {
        private final AtomicReference<Instant> now;

        Hands(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

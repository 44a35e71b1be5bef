package org.correspondencegateway.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Clerk saves the directory while the gateway runs: a good edit takes effect, a broken one is
 * refused with its line and the last good directory stays in force until the file is put right.
 */
class LiveDirectoryTest {
    private static final String DIRECTORY = """
        council: Priory Vale Town Council
        domains: [prioryvale-tc.example]
        people:
          - id: s-akhtar
            name: Sadia Akhtar
            role: officer
            clerk: true
            addresses: [townclerk@prioryvale-tc.example]
        """;
    private static final String NEW_COUNCILLOR = """
          - id: n-patel
            name: Nisha Patel
            role: councillor
            addresses: [cllr.patel@prioryvale-tc.example]
        """;

    @TempDir
    Path dir;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T09:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aGoodEditTakesEffectABrokenOneIsRefusedLoudlyAndAFixClearsIt() throws Exception {
        Path file = dir.resolve("directory.yaml");
        Files.writeString(file, DIRECTORY);
        LiveDirectory live = LiveDirectory.load(file, Duration.ofSeconds(2), clock);
        EmailAddress newCouncillor = EmailAddress.of("cllr.patel@prioryvale-tc.example");
        assertThat(live.current().resolve(newCouncillor).role()).isEqualTo(Role.UNLISTED_COUNCIL_ADDRESS);

        save(file, DIRECTORY + NEW_COUNCILLOR, 1);
        assertThat(live.current().resolve(newCouncillor).role()).as("not looked at before the interval").isEqualTo(Role.UNLISTED_COUNCIL_ADDRESS);
        later(3);
        assertThat(live.current().resolve(newCouncillor).role()).isEqualTo(Role.COUNCILLOR);
        assertThat(live.problem()).isEmpty();

        save(file, DIRECTORY + NEW_COUNCILLOR.replace("role: councillor", "role: councilor"), 2);
        later(3);
        assertThat(live.current().resolve(newCouncillor).role()).as("the last good directory stays").isEqualTo(Role.COUNCILLOR);
        assertThat(live.problem()).hasValueSatisfying(problem ->
            assertThat(problem.getMessage()).contains("directory.yaml line 11: people[2].role: 'councilor' is not a role"));

        save(file, DIRECTORY, 3);
        later(3);
        assertThat(live.current().resolve(newCouncillor).role()).isEqualTo(Role.UNLISTED_COUNCIL_ADDRESS);
        assertThat(live.problem()).isEmpty();
    }

    @Test
    void aDeletedFileKeepsTheLastGoodDirectory() throws Exception {
        Path file = dir.resolve("directory.yaml");
        Files.writeString(file, DIRECTORY);
        LiveDirectory live = LiveDirectory.load(file, Duration.ofSeconds(2), clock);

        Files.delete(file);
        later(3);

        assertThat(live.current().clerk().id()).isEqualTo("s-akhtar");
        assertThat(live.problem()).hasValueSatisfying(p -> assertThat(p.getMessage()).contains("cannot be read"));
    }

    private void later(int seconds) {
        now.set(now.get().plusSeconds(seconds));
    }

    /** Saves with a distinct modification time, as an editor's save a few seconds apart would. */
    private void save(Path file, String content, int version) throws Exception {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-23T09:00:00Z").plusSeconds(version * 10L)));
    }
}

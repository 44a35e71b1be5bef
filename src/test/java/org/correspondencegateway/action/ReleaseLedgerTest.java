package org.correspondencegateway.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.correspondencegateway.action.ReleaseLedger.Admission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseLedgerTest {
    @TempDir
    Path data;

    @Test
    void theFirstReleaseGoesOnAndSoDoesItsCopyAgainButASecondReleaseDoesNot() {
        ReleaseLedger ledger = new ReleaseLedger(data.resolve("releases"));
        assertThat(ledger.admit("Mail1700000000000-abc", "release-1")).isEqualTo(Admission.FIRST);
        assertThat(ledger.admit("Mail1700000000000-abc", "release-1")).as("the spool gives the same copy back").isEqualTo(Admission.SAME_RELEASE);
        assertThat(ledger.admit("Mail1700000000000-abc", "release-2")).as("the Clerk released it again").isEqualTo(Admission.SECOND_RELEASE);
        assertThat(ledger.admit("Mail1700000000000-def", "release-2")).as("another mail").isEqualTo(Admission.FIRST);
    }

    @Test
    void claimsOlderThanAMonthAreForgottenWhenTheNextMailIsReleased() throws Exception {
        ReleaseLedger ledger = new ReleaseLedger(data.resolve("releases"));
        ledger.admit("Mail-released-last-year", "release-1");
        ledger.admit("Mail-released-last-week", "release-2");
        try (var claims = Files.list(data.resolve("releases"))) {
            for (Path claim : claims.toList()) {
                boolean old = Files.readString(claim).equals("release-1");
                Files.setLastModifiedTime(claim, java.nio.file.attribute.FileTime.from(java.time.Instant.now()
                    .minus(old ? java.time.Duration.ofDays(365) : java.time.Duration.ofDays(7))));
            }
        }

        ledger.admit("Mail-released-today", "release-3");

        assertThat(ledger.admit("Mail-released-last-year", "release-4")).as("forgotten").isEqualTo(Admission.FIRST);
        assertThat(ledger.admit("Mail-released-last-week", "release-5")).as("kept").isEqualTo(Admission.SECOND_RELEASE);
    }

    @Test
    void aRestartedGatewayRemembersWhatWasReleased() {
        new ReleaseLedger(data.resolve("releases")).admit("Mail-key with spaces/and/slashes " + "x".repeat(300), "release-1");
        ReleaseLedger afterRestart = new ReleaseLedger(data.resolve("releases"));
        assertThat(afterRestart.admit("Mail-key with spaces/and/slashes " + "x".repeat(300), "release-2")).isEqualTo(Admission.SECOND_RELEASE);
        assertThat(afterRestart.admit("Mail-key with spaces/and/slashes " + "x".repeat(300), "release-1")).isEqualTo(Admission.SAME_RELEASE);
    }

    @Test
    void ofReleasesRacingForOneMailExactlyOneIsFirst() throws Exception {
        ReleaseLedger ledger = new ReleaseLedger(data.resolve("releases"));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Admission>> releases = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String id = "release-" + i;
                releases.add(() -> ledger.admit("Mail-raced", id));
            }
            List<Admission> admissions = new ArrayList<>();
            for (Future<Admission> admission : threads.invokeAll(releases)) {
                admissions.add(admission.get());
            }
            assertThat(admissions).containsOnlyOnce(Admission.FIRST).doesNotContain(Admission.SAME_RELEASE);
        } finally {
            threads.shutdown();
        }
        try (var files = Files.list(data.resolve("releases"))) {
            assertThat(files.toList()).as("one claim, no proposals left behind").hasSize(1);
        }
    }

    @Test
    void aLedgerThatCannotBeWrittenSaysSoRatherThanAdmitting() throws Exception {
        Path notADirectory = Files.writeString(data.resolve("releases"), "a file where the directory should be");
        ReleaseLedger ledger = new ReleaseLedger(notADirectory);
        assertThatThrownBy(() -> ledger.admit("Mail-1", "release-1")).isInstanceOf(UncheckedIOException.class)
            .hasMessageContaining("cannot be written");
    }
}

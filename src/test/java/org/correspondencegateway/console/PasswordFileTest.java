package org.correspondencegateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Console passwords are kept as Argon2id hashes, readable by their owner only, and checked exactly. */
class PasswordFileTest {
    @TempDir
    Path directory;

    @Test
    void aPasswordSetIsKeptHashedAndMatchesOnlyItself() throws Exception {
        PasswordFile passwords = new PasswordFile(directory.resolve("console/passwords"));
        assertThat(passwords.isEmpty()).isTrue();

        passwords.set("s-akhtar", "allotments and minutes".toCharArray());
        passwords.set("j-hughes", "another long password".toCharArray());

        String file = Files.readString(passwords.file());
        assertThat(file).contains("s-akhtar:$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("allotments");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords.file()))).isEqualTo("rw-------");
        assertThat(passwords.matches("s-akhtar", "allotments and minutes".toCharArray())).isTrue();
        assertThat(passwords.matches("s-akhtar", "allotments and minutes ".toCharArray())).isFalse();
        assertThat(passwords.matches("j-hughes", "allotments and minutes".toCharArray())).as("another's password").isFalse();
        assertThat(passwords.matches("nobody", "allotments and minutes".toCharArray())).isFalse();
    }

    @Test
    void settingAgainReplacesTheOldPassword() throws Exception {
        PasswordFile passwords = new PasswordFile(directory.resolve("passwords"));
        passwords.set("s-akhtar", "the first password".toCharArray());
        passwords.set("s-akhtar", "the second password".toCharArray());

        assertThat(passwords.matches("s-akhtar", "the first password".toCharArray())).isFalse();
        assertThat(passwords.matches("s-akhtar", "the second password".toCharArray())).isTrue();
        assertThat(Files.readAllLines(passwords.file())).filteredOn(line -> line.startsWith("s-akhtar:")).hasSize(1);
    }
}

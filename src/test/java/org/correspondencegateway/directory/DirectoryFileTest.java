package org.correspondencegateway.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.correspondencegateway.config.ConfigurationProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Town Clerk edits the directory; each mistake is named with its line. */
class DirectoryFileTest {
    private static final String GOOD = """
        council: Priory Vale Town Council
        domains: [prioryvale-tc.example]
        people:
          - id: s-akhtar
            name: Sadia Akhtar
            role: officer
            clerk: true
            addresses: [townclerk@prioryvale-tc.example]
          - id: b-okonkwo
            name: Bola Okonkwo
            role: councillor
            addresses: [cllr.okonkwo@prioryvale-tc.example]
        """;

    @TempDir
    Path dir;

    @Test
    void readsAGoodDirectory() throws Exception {
        Directory directory = DirectoryFile.load(write(GOOD));

        assertThat(directory.council()).isEqualTo("Priory Vale Town Council");
        assertThat(directory.councillors()).extracting(Person::id).containsExactly("b-okonkwo");
        assertThat(directory.clerk().line()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiterString = " ~ ", quoteCharacter = '"', textBlock = """
        role: officer|role: mayor ~ 6 ~ 'mayor' is not a role; use councillor, officer or partner
        addresses: [cllr.okonkwo@prioryvale-tc.example]|addresses: [townclerk@prioryvale-tc.example] ~ 12 ~ townclerk@prioryvale-tc.example is already listed on line 8; one address belongs to one person
        addresses: [cllr.okonkwo@prioryvale-tc.example]|addresses: [not-an-address] ~ 12 ~ 'not-an-address' is not an email address
        id: b-okonkwo|id: s-akhtar ~ 9 ~ the id s-akhtar is already used on line 4
        id: b-okonkwo|id: B Okonkwo ~ 9 ~ 'B Okonkwo' is not an id
        clerk: true|clerk: false ~ 1 ~ no one is the reviewing Clerk
        role: councillor|role: councillor\\n    clerk: true ~ 12 ~ the reviewing Clerk must be an officer
        domains: [prioryvale-tc.example]|domains: [not a domain] ~ 2 ~ 'not a domain' is not a mail domain
        name: Bola Okonkwo|name: Bola Okonkwo\\n    direct-contact: [s-akhtar] ~ 11 ~ direct-contact is for officers
        role: officer|role: officer\\n    direct-contact: [nobody] ~ 7 ~ 'nobody' is not the id of a councillor in this directory
        name: Bola Okonkwo|nmae: Bola Okonkwo ~ 10 ~ nmae: unknown setting
        """)
    void aMistakeIsReportedWithItsLine(String replace, int line, String expected) throws Exception {
        String[] change = replace.split("\\|");
        Path file = write(GOOD.replaceFirst(java.util.regex.Pattern.quote(change[0]), change[1].replace("\\n", "\n")));

        assertThatThrownBy(() -> DirectoryFile.load(file))
            .isInstanceOf(ConfigurationProblem.class)
            .hasMessageContaining("directory.yaml line " + line + ": ")
            .hasMessageContaining(expected);
    }

    @Test
    void theShippedSampleIsValid() throws Exception {
        Directory sample = DirectoryFile.load(Path.of("conf/directory.yaml"));

        assertThat(sample.councillors()).hasSize(6);
        assertThat(sample.people()).hasSize(13);
    }

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("directory.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}

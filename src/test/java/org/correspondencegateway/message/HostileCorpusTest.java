package org.correspondencegateway.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.correspondencegateway.testing.Readers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CPython's email test messages, written to break MIME parsers (../shared/corpus/cpython-email): every
 * one gives a model without an exception, and the malformed ones say what is wrong with them.
 */
class HostileCorpusTest {
    static final Path CORPUS = Path.of(System.getProperty("corpus.dir", "../shared/corpus/cpython-email"));

    /** Messages with a defect the reader must report: missing boundaries, broken base64, bad addresses. */
    private static final Set<String> MALFORMED = Set.of("msg_05.txt", "msg_15.txt", "msg_17.txt", "msg_31.txt",
        "msg_39.txt", "msg_41.txt", "msg_42.txt");

    @BeforeAll
    static void theCorpusIsThere() {
        assertThat(CORPUS).as("the hostile corpus (set -Dcorpus.dir to move it)").isDirectory();
    }

    static Stream<Path> corpus() throws Exception {
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<Path> messages = files.filter(p -> p.getFileName().toString().matches("msg_.*\\.txt")).sorted().toList();
            assertThat(messages).hasSizeGreaterThanOrEqualTo(48);
            return messages.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyMessageGivesAModelAndMalformedOnesListTheirProblems(Path file) {
        Correspondence[] model = new Correspondence[1];
        assertThatCode(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                model[0] = Readers.reader().read(in, new Envelope(Optional.empty(), List.of(), Optional.empty()));
            }
        }).doesNotThrowAnyException();

        Correspondence correspondence = model[0];
        assertThat(correspondence.subject()).isNotNull();
        assertThat(correspondence.segments()).isNotEmpty();
        if (MALFORMED.contains(file.getFileName().toString())) {
            assertThat(correspondence.problems()).as("problems of " + file.getFileName()).isNotEmpty();
        }
    }
}

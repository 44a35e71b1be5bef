package org.correspondencegateway.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import org.correspondencegateway.directory.Directory;
import org.correspondencegateway.policy.PolicyFile;
import org.correspondencegateway.rules.HeadlineRules;
import org.correspondencegateway.rules.ProtocolCheck;
import org.correspondencegateway.rules.obligation.EnglishReader;
import org.correspondencegateway.testing.Council;
import org.correspondencegateway.testing.Readers;
import org.junit.jupiter.api.Test;

/**
 * A fuzz test of the message model and the rules: real messages (the hostile corpus and the mail
 * clients' shapes) are mutated at random (bytes flipped, lines dropped, duplicated or cut, boundaries
 * broken, headers repeated, nesting deepened, 8-bit junk and encoded words spliced in) and each mutant is
 * read and checked. The reader and the rules must give a model and an outcome for every one, never an
 * exception.
 *
 * <p>Bounded: {@code -Dfuzz.seconds} (10 by default, for CI) and {@code -Dfuzz.seed} (random by default,
 * printed, so a failure can be replayed). Longer on demand:
 * {@code ./mvnw test -Dtest=MessageModelFuzzTest -Dfuzz.seconds=600}.
 */
class MessageModelFuzzTest {
    private static final Path CORPUS = Path.of(System.getProperty("corpus.dir", "../shared/corpus/cpython-email"));
    private static final String[] SPLICES = {
        "\r\n--", "\r\nContent-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\n", "=?utf-8?B?", "=?iso-8859-1?Q?=E9=0D=0A?=",
        "\u0000", "\r\n\r\n", "Content-Transfer-Encoding: base64\r\n", "Content-Transfer-Encoding: quoted-printable\r\n",
        "\r\nContent-Type: message/rfc822\r\n\r\n", ";;;boundary=", "\"", "<", ">", "@", ",", "\t", "=\r\n", "CONFIDENTIAL",
        "\r\nBcc: cllr.reid@prioryvale-tc.example", "From: \"", "Content-Disposition: attachment; filename*=utf-8''%ZZ\r\n",
    };

    @Test
    void readingAndCheckingNeverThrowWhateverTheBytes() throws Exception {
        long seconds = Long.getLong("fuzz.seconds", 10);
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        List<byte[]> seeds = seeds();
        CorrespondenceReader reader = Readers.reader();
        ProtocolCheck check = HeadlineRules.check(PolicyFile.load(Path.of("conf/policy.yaml")), new EnglishReader());
        Directory directory = Council.directory();
        Envelope envelope = Envelope.of("j.hughes@prioryvale-tc.example", List.of("m.patel@resident.example", "cllr.reid@prioryvale-tc.example"));

        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        int mutants = 0;
        int withProblems = 0;
        while (System.nanoTime() < until) {
            byte[] mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
            Correspondence model;
            try {
                model = reader.read(new ByteArrayInputStream(mutant), envelope);
                ProtocolCheck.Outcome outcome = check.check(model, directory);
                assertThat(outcome).isNotNull();
            } catch (Exception | StackOverflowError e) {
                Path kept = Files.createTempFile("fuzz-mutant-", ".eml");
                Files.write(kept, mutant);
                throw new AssertionError("mutant " + mutants + " (seed " + seed + ", kept in " + kept + ") broke the reader or the rules", e);
            }
            if (!model.problems().isEmpty() || !model.unread().isEmpty()) {
                withProblems++;
            }
            mutants++;
        }
        System.out.printf(Locale.ROOT, "fuzz: %d mutants of %d seeds in %d s (seed %d), %d reported as malformed, no exception%n",
            mutants, seeds.size(), seconds, seed, withProblems);
        assertThat(mutants).isPositive();
    }

    private static List<byte[]> seeds() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (Path folder : List.of(CORPUS, Path.of("src/test/resources/messages"), Path.of("src/test/resources/letters"))) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".eml")).sorted().toList()) {
                    seeds.add(Files.readAllBytes(file));
                }
            }
        }
        return seeds;
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original;
        int rounds = 1 + random.nextInt(6);
        for (int r = 0; r < rounds; r++) {
            bytes = switch (random.nextInt(7)) {
                case 0 -> flip(bytes, random);
                case 1 -> splice(bytes, SPLICES[random.nextInt(SPLICES.length)].getBytes(StandardCharsets.ISO_8859_1), random);
                case 2 -> cut(bytes, random);
                case 3 -> repeatLine(bytes, random);
                case 4 -> dropLine(bytes, random);
                case 5 -> nest(bytes, random);
                default -> splice(bytes, junk(random), random);
            };
        }
        return bytes;
    }

    private static byte[] flip(byte[] bytes, Random random) {
        byte[] copy = bytes.clone();
        for (int i = 0, n = 1 + random.nextInt(16); i < n && copy.length > 0; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private static byte[] splice(byte[] bytes, byte[] piece, Random random) {
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        byte[] out = new byte[bytes.length + piece.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(bytes, at, out, at + piece.length, bytes.length - at);
        return out;
    }

    private static byte[] cut(byte[] bytes, Random random) {
        return bytes.length == 0 ? bytes : java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
    }

    private static byte[] repeatLine(byte[] bytes, Random random) {
        List<String> lines = lines(bytes);
        if (lines.isEmpty()) {
            return bytes;
        }
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        for (int i = 0, n = 1 + random.nextInt(50); i < n; i++) {
            lines.add(at, line);
        }
        return join(lines);
    }

    private static byte[] dropLine(byte[] bytes, Random random) {
        List<String> lines = lines(bytes);
        if (!lines.isEmpty()) {
            lines.remove(random.nextInt(lines.size()));
        }
        return join(lines);
    }

    /** Wraps the body in multiparts, a few or hundreds deep. */
    private static byte[] nest(byte[] bytes, Random random) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\n\n");
        if (split < 0) {
            return bytes;
        }
        int depth = random.nextBoolean() ? 1 + random.nextInt(5) : 100 + random.nextInt(400);
        StringBuilder out = new StringBuilder(text.substring(0, split + 1)).append("MIME-Version: 1.0\n");
        for (int i = 0; i < depth; i++) {
            out.append("Content-Type: multipart/mixed; boundary=\"n").append(i).append("\"\n\n--n").append(i).append('\n');
        }
        out.append(text.substring(split + 1));
        for (int i = depth - 1; i >= 0; i--) {
            if (random.nextInt(10) > 0) {
                out.append("\n--n").append(i).append("--\n");
            }
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] junk(Random random) {
        byte[] junk = new byte[1 + random.nextInt(64)];
        random.nextBytes(junk);
        return junk;
    }

    private static List<String> lines(byte[] bytes) {
        return new ArrayList<>(List.of(new String(bytes, StandardCharsets.ISO_8859_1).split("\n", -1)));
    }

    private static byte[] join(List<String> lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }
}

package org.correspondencegateway.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import javax.mail.util.SharedFileInputStream;

import org.correspondencegateway.action.CheckRecord;
import org.correspondencegateway.config.ConfigurationProblem;
import org.correspondencegateway.directory.Directory;
import org.correspondencegateway.directory.DirectoryFile;
import org.correspondencegateway.extraction.AttachmentSpool;
import org.correspondencegateway.extraction.AttachmentTextExtractor;
import org.correspondencegateway.extraction.CachingExtractor;
import org.correspondencegateway.extraction.TikaExtractor;
import org.correspondencegateway.memory.FileCorrespondenceMemory;
import org.correspondencegateway.message.Correspondence;
import org.correspondencegateway.message.CorrespondenceReader;
import org.correspondencegateway.message.Envelope;
import org.correspondencegateway.policy.Policy;
import org.correspondencegateway.policy.PolicyFile;
import org.correspondencegateway.rules.HeadlineRules;
import org.correspondencegateway.rules.ProtocolCheck;
import org.correspondencegateway.rules.obligation.EnglishReader;
import org.correspondencegateway.testing.Documents;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole check of one message, as the {@code CheckProtocols} mailet runs it: parse the MIME (James
 * hands the mailet a parsed message; here it is parsed from bytes each time, so the figures include
 * that), build the message model over the directory, run every protocol rule of the shipped policy,
 * make the check record, and remember the message in the file-backed correspondence memory. One
 * thread, so the throughput figures are per core.
 *
 * <ul>
 *   <li>{@code textMail}: an officer's 5 KB plain-text reply to two councillors and a resident.
 *   <li>{@code pdfFirstSeen} / {@code pdfSeenBefore}: the same with a 200 KB PDF attached; the first
 *       time Tika reads it, then the attachment cache (keyed by SHA-256) answers.
 *   <li>{@code bySize}: plain text of 10 KB to 10 MB.
 *   <li>{@code byDirectory}: the text mail over a directory of 20 to 20,000 people.
 *   <li>{@code largeAttachmentIn256MbHeap}: a 24 MB PDF, the heap capped at 256 MB.
 * </ul>
 * The warm-up is long because on two cores the JIT compilers need some 15 seconds to settle.
 *
 * <pre>./mvnw -q test-compile exec:exec@jmh -Djmh.args="CheckBenchmark"</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class CheckBenchmark {
    static final String OFFICER = "j.hughes@prioryvale-tc.example";
    static final List<String> RECIPIENTS = List.of("cllr.reid@prioryvale-tc.example", "cllr.price@prioryvale-tc.example", "m.patel@resident.example");

    /** The gateway's check with the shipped policy and a directory, as the mailet holds it. */
    public static class Gateway implements AutoCloseable {
        final Session session = Session.getInstance(new Properties());
        final Envelope envelope = Envelope.of(OFFICER, RECIPIENTS);
        final Directory directory;
        final TikaExtractor tika;
        final CorrespondenceReader reader;
        final ProtocolCheck rules;
        final FileCorrespondenceMemory memory;
        final Path work;

        Gateway(Directory directory, boolean cacheAttachments) throws IOException, ConfigurationProblem {
            Policy policy = PolicyFile.load(Path.of("conf/policy.yaml"));
            this.directory = directory;
            this.work = Files.createTempDirectory("check-bench");
            this.tika = new TikaExtractor(policy.attachments(), 2);
            AttachmentTextExtractor extractor = cacheAttachments ? new CachingExtractor(tika) : tika;
            this.memory = FileCorrespondenceMemory.open(work.resolve("memory.jsonl"), 200_000);
            this.reader = new CorrespondenceReader(() -> directory, extractor,
                new AttachmentSpool(1024 * 1024, policy.attachments().maxBytes(), work.resolve("spool")), memory);
            this.rules = HeadlineRules.check(policy, new EnglishReader());
        }

        CheckRecord check(byte[] raw) throws MessagingException {
            return check(new MimeMessage(session, new ByteArrayInputStream(raw)));
        }

        CheckRecord check(MimeMessage message) {
            Correspondence correspondence = reader.read(message, envelope);
            ProtocolCheck.Outcome outcome = rules.check(correspondence, directory);
            correspondence.remembered(Instant.now()).ifPresent(memory::remember);
            return CheckRecord.of(correspondence, outcome);
        }

        @Override
        public void close() throws IOException {
            tika.close();
            memory.close();
        }
    }

    @State(Scope.Benchmark)
    public static class TextMail {
        Gateway gateway;
        byte[] raw;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            gateway = new Gateway(DirectoryFile.load(Path.of("conf/directory.yaml")), true);
            raw = letter(Messages.textBody(5 * 1024), null);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            gateway.close();
        }
    }

    @State(Scope.Benchmark)
    public static class PdfMail {
        Gateway firstSeen;
        Gateway seenBefore;
        byte[] raw;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            Directory directory = DirectoryFile.load(Path.of("conf/directory.yaml"));
            firstSeen = new Gateway(directory, false);
            seenBefore = new Gateway(directory, true);
            raw = letter(Messages.textBody(2 * 1024), Documents.largePdf(200 * 1024));
            seenBefore.check(raw);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            firstSeen.close();
            seenBefore.close();
        }
    }

    @State(Scope.Benchmark)
    public static class SizedMail {
        @Param({"10", "100", "1000", "10000"})
        int sizeKb;

        Gateway gateway;
        byte[] raw;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            gateway = new Gateway(DirectoryFile.load(Path.of("conf/directory.yaml")), true);
            raw = letter(Messages.textBody(sizeKb * 1024), null);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            gateway.close();
        }
    }

    @State(Scope.Benchmark)
    public static class LargeCouncil {
        @Param({"20", "200", "2000", "20000"})
        int people;

        Gateway gateway;
        byte[] raw;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            Path file = Files.createTempFile("directory-", ".yaml");
            Files.writeString(file, LargeDirectory.yaml(Path.of("conf/directory.yaml"), people));
            gateway = new Gateway(DirectoryFile.load(file), true);
            raw = letter(Messages.textBody(5 * 1024), null);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            gateway.close();
        }
    }

    /**
     * A message with a PDF of {@code attachmentMb} (pages of minutes), read from a file as James's file
     * repositories hand it over, checked in a JVM whose heap is capped at 256 MB. It completes only if
     * the check stays within that heap; the peak heap it reached is printed after each iteration.
     */
    @State(Scope.Benchmark)
    public static class LargeAttachment {
        @Param({"24"})
        int attachmentMb;

        Gateway gateway;
        Path file;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            gateway = new Gateway(DirectoryFile.load(Path.of("conf/directory.yaml")), false);
            file = gateway.work.resolve("large.eml");
            Files.write(file, letter(Messages.textBody(2 * 1024), Documents.largePdf(attachmentMb * 1024 * 1024)));
        }

        @Setup(Level.Iteration)
        public void forgetThePeak() {
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        }

        @TearDown(Level.Iteration)
        public void printThePeak() {
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            System.out.printf(Locale.ROOT, "%n  peak heap while checking: %d MB of %d MB (message %d MB)%n", peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20, file.toFile().length() >> 20);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            gateway.close();
        }
    }

    @Benchmark
    public CheckRecord textMail(TextMail mail) throws MessagingException {
        return mail.gateway.check(mail.raw);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public CheckRecord pdfFirstSeen(PdfMail mail) throws MessagingException {
        return mail.firstSeen.check(mail.raw);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public CheckRecord pdfSeenBefore(PdfMail mail) throws MessagingException {
        return mail.seenBefore.check(mail.raw);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public CheckRecord bySize(SizedMail mail) throws MessagingException {
        return mail.gateway.check(mail.raw);
    }

    @Benchmark
    public CheckRecord byDirectory(LargeCouncil council) throws MessagingException {
        return council.gateway.check(council.raw);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    @Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
    public CheckRecord largeAttachmentIn256MbHeap(LargeAttachment mail) throws MessagingException, IOException {
        try (SharedFileInputStream in = new SharedFileInputStream(mail.file.toFile())) {
            MimeMessage message = new MimeMessage(mail.gateway.session, in);
            return mail.gateway.check(message);
        }
    }

    /** An officer's reply to a resident, copied to two councillors, with a PDF attached if {@code pdf} is not null. */
    static byte[] letter(String body, byte[] pdf) throws MessagingException, IOException {
        MimeMessage message = Messages.officerLetter(Session.getInstance(new Properties()), "check", body, Optional.ofNullable(pdf));
        message.setRecipients(MimeMessage.RecipientType.CC, "Cllr Rachel Reid <cllr.reid@prioryvale-tc.example>, Cllr Hannah Price <cllr.price@prioryvale-tc.example>");
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}

package org.correspondencegateway.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import org.correspondencegateway.extraction.AttachmentContent;
import org.correspondencegateway.extraction.AttachmentSpool;
import org.correspondencegateway.extraction.CachingExtractor;
import org.correspondencegateway.extraction.Extraction;
import org.correspondencegateway.extraction.ExtractionLimits;
import org.correspondencegateway.extraction.TikaExtractor;
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
 * Reading an attachment's text: a PDF of {@code sizeKb}, the first time (Tika parses it) and again (the
 * SHA-256 cache answers). Spooling (digest and copy) is part of both, as it is for every message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class AttachmentBenchmark {
    @Param({"2048"})
    int sizeKb;

    private byte[] pdf;
    private TikaExtractor tika;
    private CachingExtractor cache;
    private AttachmentSpool spool;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        pdf = Documents.largePdf(sizeKb * 1024);
        tika = new TikaExtractor(ExtractionLimits.DEFAULT, 1);
        cache = new CachingExtractor(tika);
        spool = new AttachmentSpool(1024 * 1024, ExtractionLimits.DEFAULT.maxBytes(), Files.createTempDirectory("bench-spool"));
        try (AttachmentContent content = spool.spool("pack.pdf", "application/pdf", new ByteArrayInputStream(pdf))) {
            cache.extract(content);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        tika.close();
    }

    /** Tika parses the PDF: the cost of an attachment seen for the first time. */
    @Benchmark
    public Extraction first() throws IOException {
        try (AttachmentContent content = spool.spool("pack.pdf", "application/pdf", new ByteArrayInputStream(pdf))) {
            return tika.extract(content);
        }
    }

    /** The same PDF again: digest, cache hit. */
    @Benchmark
    public Extraction cached() throws IOException {
        try (AttachmentContent content = spool.spool("pack.pdf", "application/pdf", new ByteArrayInputStream(pdf))) {
            return cache.extract(content);
        }
    }
}

package org.correspondencegateway.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.correspondencegateway.memory.CorrespondenceMemory;
import org.correspondencegateway.message.Correspondence;
import org.correspondencegateway.message.CorrespondenceReader;
import org.correspondencegateway.message.Envelope;
import org.correspondencegateway.testing.Readers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building the message model of text-only mail: parsing the MIME, resolving every party through the
 * directory, separating new text, quoted history and signature. One thread; messages per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ModelBenchmark {
    @Param({"outlook-reply.eml", "gmail-forward.eml", "thunderbird-reply.eml"})
    String message;

    private byte[] raw;
    private CorrespondenceReader reader;
    private Envelope envelope;

    @Setup
    public void setUp() throws IOException {
        raw = Files.readAllBytes(Path.of("src/test/resources/messages", message));
        reader = Readers.reader(CorrespondenceMemory.NONE);
        envelope = Envelope.of("j.hughes@prioryvale-tc.example",
            List.of("cllr.okonkwo@prioryvale-tc.example", "cllr.reid@prioryvale-tc.example", "cllr.price@prioryvale-tc.example"));
    }

    @Benchmark
    public Correspondence readTextMail() throws IOException {
        return reader.read(new ByteArrayInputStream(raw), envelope);
    }
}

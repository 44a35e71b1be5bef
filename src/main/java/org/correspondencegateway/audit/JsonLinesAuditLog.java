package org.correspondencegateway.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.commons.io.input.ReversedLinesFileReader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The audit log as a file of JSON lines, appended and forced to disk (fsync) before {@link #record}
 * returns. Reading goes backwards from the newest line and stops as soon as it has what was asked (the
 * latest page; a mail's trail back to its check outcome), so it costs what the answer needs, not what
 * the file holds. A line damaged by a crash mid-write is ended when the log is
 * next opened, so that it damages no other, and skipped when read.
 */
public final class JsonLinesAuditLog implements AuditLog {
    private static final Logger LOGGER = LoggerFactory.getLogger(JsonLinesAuditLog.class);

    private final Path file;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new Jdk8Module())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public JsonLinesAuditLog(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        endTornLine();
    }

    /** A crash mid-write leaves a line without its end: end it, so the next event starts a line of its own. */
    private void endTornLine() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size == 0) {
                return;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            if (last.get(0) != '\n') {
                LOGGER.warn("{}: the last line was cut short (a crash while writing?); it is kept as it is and skipped", file);
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
                channel.force(false);
            }
        }
    }

    @Override
    public synchronized void record(AuditEvent event) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap((json.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("the audit log " + file + " cannot be written", e);
        }
    }

    @Override
    public Map<String, List<AuditEvent>> forMails(Set<String> mailKeys) {
        Map<String, List<AuditEvent>> trails = new HashMap<>();
        Set<String> open = new HashSet<>(mailKeys);
        backwards(event -> {
            if (open.contains(event.mailKey())) {
                trails.computeIfAbsent(event.mailKey(), k -> new ArrayList<>()).add(0, event);
                if (event.isCheckOutcome()) {
                    // a mail's trail begins with its check outcome: nothing older concerns it
                    open.remove(event.mailKey());
                }
            }
            return !open.isEmpty();
        });
        Map<String, List<AuditEvent>> result = new HashMap<>();
        trails.forEach((key, trail) -> result.put(key, List.copyOf(trail)));
        return Map.copyOf(result);
    }

    @Override
    public List<AuditEvent> latest(int limit) {
        List<AuditEvent> events = new ArrayList<>();
        backwards(event -> {
            events.add(event);
            return events.size() < limit;
        });
        return List.copyOf(events);
    }

    /** Reads the events newest first, while {@code more} says to go on. */
    private void backwards(Predicate<AuditEvent> more) {
        try (ReversedLinesFileReader lines = ReversedLinesFileReader.builder().setPath(file).setCharset(StandardCharsets.UTF_8).get()) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                AuditEvent event;
                try {
                    event = json.readValue(line, AuditEvent.class);
                } catch (JsonProcessingException e) {
                    LOGGER.warn("{}: skipped a damaged line", file);
                    continue;
                }
                if (!more.test(event)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the audit log " + file + " cannot be read", e);
        }
    }
}

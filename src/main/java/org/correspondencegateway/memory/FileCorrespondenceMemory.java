package org.correspondencegateway.memory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The memory of correspondence kept in a file of JSON lines, one remembered message per line, appended
 * as messages pass, and held in a Caffeine cache of at most {@code capacity} messages (Caffeine's
 * size eviction decides which are forgotten; the newest is always kept). At start the file's last
 * {@code capacity} lines are read back. When the file holds twice the capacity it is rewritten with at
 * most {@code capacity} messages the cache holds, oldest first (written beside it, then moved into
 * place). Eviction runs on the writing thread, so the bound holds when the file is compacted. A damaged line (a crash mid-write) is skipped and logged.
 *
 * <p>For one gateway. A cluster shares a {@link CorrespondenceMemory} backed by its database instead.
 * Thread-safe.
 */
public final class FileCorrespondenceMemory implements CorrespondenceMemory, AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(FileCorrespondenceMemory.class);

    private final Path file;
    private final int capacity;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Cache<String, RememberedMessage> messages;
    private BufferedWriter out;
    private long linesInFile;

    private FileCorrespondenceMemory(Path file, int capacity) {
        this.file = file;
        this.capacity = capacity;
        this.messages = Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run).build();
    }

    /** Opens (or creates) the memory in {@code file}, remembering at most {@code capacity} messages. */
    public static FileCorrespondenceMemory open(Path file, int capacity) throws IOException {
        FileCorrespondenceMemory memory = new FileCorrespondenceMemory(file, capacity);
        memory.load();
        return memory;
    }

    private synchronized void load() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            linesInFile = lines.size();
            int damaged = 0;
            for (String line : lines.subList(Math.max(0, lines.size() - capacity), lines.size())) {
                try {
                    RememberedMessage message = json.readValue(line, RememberedMessage.class);
                    messages.put(message.messageId(), message);
                } catch (JsonProcessingException e) {
                    damaged++;
                }
            }
            if (damaged > 0) {
                LOGGER.warn("{}: skipped {} damaged line(s)", file, damaged);
            }
        }
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public synchronized void remember(RememberedMessage message) {
        messages.put(message.messageId(), message);
        try {
            out.write(json.writeValueAsString(message));
            out.newLine();
            out.flush();
            linesInFile++;
            if (linesInFile >= 2L * capacity) {
                compact();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + file, e);
        }
    }

    @Override
    public Optional<RememberedMessage> recall(String messageId) {
        return Optional.ofNullable(messages.getIfPresent(CorrespondenceMemory.bare(messageId)));
    }

    /** How many messages are remembered now. */
    public long size() {
        messages.cleanUp();
        return messages.estimatedSize();
    }

    private void compact() throws IOException {
        out.close();
        // Caffeine evicts in its maintenance cycle, which may lag behind the writes: run it now, and
        // never write more than the capacity whatever the cache still holds.
        messages.cleanUp();
        List<RememberedMessage> held = new ArrayList<>(messages.asMap().values());
        held.sort((a, b) -> a.seen().compareTo(b.seen()));
        List<RememberedMessage> kept = held.subList(Math.max(0, held.size() - capacity), held.size());
        Path next = file.resolveSibling(file.getFileName() + ".new");
        try (BufferedWriter writer = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
            for (RememberedMessage message : kept) {
                writer.write(json.writeValueAsString(message));
                writer.newLine();
            }
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        linesInFile = kept.size();
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        LOGGER.info("{} compacted to {} messages", file, kept.size());
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}

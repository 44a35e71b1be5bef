package org.correspondencegateway.memory;

import java.util.Optional;

/**
 * The gateway's memory of recent correspondence, by Message-ID. Bounded: old messages are forgotten.
 * Implementations must be thread-safe and must keep what they remember across restarts; one shared by a
 * cluster of gateways (a database table keyed by Message-ID) fits the same contract.
 */
public interface CorrespondenceMemory {

    void remember(RememberedMessage message);

    /** The message with {@code messageId} (with or without angle brackets), if remembered. */
    Optional<RememberedMessage> recall(String messageId);

    /** A memory that remembers nothing: for the check command run without one. */
    CorrespondenceMemory NONE = new CorrespondenceMemory() {
        @Override
        public void remember(RememberedMessage message) {
        }

        @Override
        public Optional<RememberedMessage> recall(String messageId) {
            return Optional.empty();
        }
    };

    /**
     * A memory held in this JVM only, of at most {@code capacity} messages: for the check command, so
     * that replies in an archive find the messages they answer.
     */
    static CorrespondenceMemory inMemory(int capacity) {
        com.github.benmanes.caffeine.cache.Cache<String, RememberedMessage> messages =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(capacity).build();
        return new CorrespondenceMemory() {
            @Override
            public void remember(RememberedMessage message) {
                messages.put(message.messageId(), message);
            }

            @Override
            public Optional<RememberedMessage> recall(String messageId) {
                return Optional.ofNullable(messages.getIfPresent(bare(messageId)));
            }
        };
    }

    /** A Message-ID without its angle brackets and surrounding space. */
    static String bare(String messageId) {
        String id = messageId.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        return id.strip();
    }
}

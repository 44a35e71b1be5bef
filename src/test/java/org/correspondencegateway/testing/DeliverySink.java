package org.correspondencegateway.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail as the council's mail server for load runs: it notes when each copy arrives, keyed by the
 * message's {@value #SEQUENCE_HEADER} header, and counts copies, so that duplicates show.
 */
public final class DeliverySink implements AutoCloseable {
    public static final String SEQUENCE_HEADER = "X-Load-Sequence";

    private final GreenMail greenMail;
    private final Map<String, Long> firstArrivalNanos = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> copiesBySequence = new ConcurrentHashMap<>();
    private final AtomicLong copies = new AtomicLong();

    public DeliverySink() {
        this(0);
    }

    /** A sink on {@code port} (0: a free one). */
    public DeliverySink(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", "smtp");
        greenMail = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        greenMail.start();
        MessageDeliveryHandler store = greenMail.getUserManager().getMessageDeliveryHandler();
        greenMail.getUserManager().setMessageDeliveryHandler((message, address) -> {
            long now = System.nanoTime();
            String[] sequence = message.getMessage().getHeader(SEQUENCE_HEADER);
            if (sequence != null && sequence.length > 0) {
                firstArrivalNanos.putIfAbsent(sequence[0], now);
                copiesBySequence.computeIfAbsent(sequence[0], k -> new AtomicLong()).incrementAndGet();
            }
            copies.incrementAndGet();
            return store.handle(message, address);
        });
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** When the copy carrying {@code sequence} first arrived ({@link System#nanoTime()}), or null. */
    public Long arrivalNanos(String sequence) {
        return firstArrivalNanos.get(sequence);
    }

    /** How many copies carrying {@code sequence} arrived: 1 is right, 2 or more a duplicate. */
    public long copiesOf(String sequence) {
        AtomicLong count = copiesBySequence.get(sequence);
        return count == null ? 0 : count.get();
    }

    public int distinctMessages() {
        return firstArrivalNanos.size();
    }

    public long copies() {
        return copies.get();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}

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
    private final AtomicLong copies = new AtomicLong();

    public DeliverySink() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        greenMail.start();
        MessageDeliveryHandler store = greenMail.getUserManager().getMessageDeliveryHandler();
        greenMail.getUserManager().setMessageDeliveryHandler((message, address) -> {
            long now = System.nanoTime();
            String[] sequence = message.getMessage().getHeader(SEQUENCE_HEADER);
            if (sequence != null && sequence.length > 0) {
                firstArrivalNanos.putIfAbsent(sequence[0], now);
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

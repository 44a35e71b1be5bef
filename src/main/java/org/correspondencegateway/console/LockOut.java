package org.correspondencegateway.console;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Failed sign-ins per name: after {@code failures} in a row the name is locked for {@code lasting} (from
 * the last failure), whatever password is then given. A good sign-in clears the count. Counted per name,
 * not per address, so that guessing one person's password from many machines is stopped too.
 */
public final class LockOut {
    private final int failures;
    private final Cache<String, AtomicInteger> counts;

    public LockOut(ConsoleSettings.LockOut settings) {
        this.failures = settings.failures();
        this.counts = Caffeine.newBuilder().expireAfterWrite(settings.lasting()).maximumSize(100_000).build();
    }

    public boolean isLocked(String name) {
        AtomicInteger count = counts.getIfPresent(name);
        return count != null && count.get() >= failures;
    }

    /** Records a failure; true when this one locks the name. */
    public boolean failed(String name) {
        AtomicInteger count = counts.get(name, n -> new AtomicInteger());
        int now = count.incrementAndGet();
        counts.put(name, count); // the lock lasts from the last failure
        return now >= failures;
    }

    public void succeeded(String name) {
        counts.invalidate(name);
    }
}

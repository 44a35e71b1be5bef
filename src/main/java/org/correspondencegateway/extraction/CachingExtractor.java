package org.correspondencegateway.extraction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;

/**
 * Remembers each attachment's extraction by the SHA-256 of its content, so an attachment forwarded ten
 * times is read once. The cache is bounded by the characters it holds ({@code maxCharacters}) and
 * forgets entries not used for {@code expireAfterAccess}. Outcomes that depend on the moment (a
 * time-out, a failure such as running out of memory) are not remembered: the next message tries again.
 *
 * <p>Thread-safe. Two threads reading the same new attachment at once read it once: Caffeine computes
 * each key once.
 */
public final class CachingExtractor implements AttachmentTextExtractor {
    private final AttachmentTextExtractor delegate;
    private final Cache<String, Extraction> cache;

    public CachingExtractor(AttachmentTextExtractor delegate, long maxCharacters, Duration expireAfterAccess) {
        this.delegate = delegate;
        this.cache = Caffeine.newBuilder()
            .maximumWeight(maxCharacters)
            .weigher((String key, Extraction value) -> weight(value))
            .expireAfterAccess(expireAfterAccess)
            .build();
    }

    /** 50 million characters (about 100 MB of heap at most), forgotten after a day unused. */
    public CachingExtractor(AttachmentTextExtractor delegate) {
        this(delegate, 50_000_000L, Duration.ofDays(1));
    }

    @Override
    public Extraction extract(AttachmentContent content) {
        Extraction extraction = cache.get(content.sha256(), key -> delegate.extract(content));
        if (extraction instanceof Extraction.NotInspected notInspected && isMomentary(notInspected.reason())) {
            cache.invalidate(content.sha256());
        }
        return extraction;
    }

    private static boolean isMomentary(Extraction.Reason reason) {
        return reason == Extraction.Reason.TIMED_OUT || reason == Extraction.Reason.FAILED;
    }

    private static int weight(Extraction extraction) {
        if (extraction instanceof Extraction.Extracted extracted) {
            return (int) Math.min(Integer.MAX_VALUE, 64 + extracted.characters());
        }
        return 64;
    }
}

package org.correspondencegateway.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads attachments' text with Apache Tika: PDF, Word (DOCX and DOC), OpenDocument, RTF, Excel, ZIP
 * contents, attached mail, Outlook's winmail.dat, and whatever else Tika's standard parsers know.
 *
 * <p>Each attachment is read on a worker thread under the {@link ExtractionLimits}: its size is checked
 * before reading, the text stops at the character limit (the result says so), reading stops at the time
 * limit, and Tika's own zip-bomb guard (compression ratio and nesting) is set from the limits. Every
 * outcome is an {@link Extraction}; nothing is thrown.
 *
 * <p>A parser that ignores interruption keeps its worker after a time-out; the pool is bounded, so
 * further attachments then wait and time out too, and say so, rather than pile up threads.
 */
public final class TikaExtractor implements AttachmentTextExtractor, AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(TikaExtractor.class);

    private final AutoDetectParser parser;
    private final ExtractionLimits limits;
    private final ExecutorService workers;

    public TikaExtractor(ExtractionLimits limits, int threads) {
        this.limits = limits;
        this.parser = new AutoDetectParser(TikaConfig.getDefaultConfig());
        AutoDetectParserConfig config = new AutoDetectParserConfig();
        config.setMaximumPackageEntryDepth(limits.maxEmbeddingDepth());
        config.setMaximumDepth(100);
        config.setOutputThreshold(1_000_000);
        config.setMaximumCompressionRatio(100);
        config.setThrowOnZeroBytes(false);
        parser.setAutoDetectParserConfig(config);
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "attachment-text-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public TikaExtractor() {
        this(ExtractionLimits.DEFAULT, Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    public ExtractionLimits limits() {
        return limits;
    }

    @Override
    public Extraction extract(AttachmentContent content) {
        if (!content.isHeld() || content.size() > limits.maxBytes()) {
            return new Extraction.NotInspected(Extraction.Reason.TOO_LARGE, String.format(Locale.ROOT,
                "%s is %s, over the %s limit for reading attachments", content.name(), size(content.size()), size(limits.maxBytes())));
        }
        Future<Extraction> reading = workers.submit(() -> read(content));
        try {
            return reading.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            return new Extraction.NotInspected(Extraction.Reason.TIMED_OUT,
                content.name() + " took longer than " + limits.timeout().toSeconds() + " seconds to read");
        } catch (InterruptedException e) {
            reading.cancel(true);
            Thread.currentThread().interrupt();
            return new Extraction.NotInspected(Extraction.Reason.FAILED, "reading " + content.name() + " was interrupted");
        } catch (ExecutionException e) {
            LOGGER.warn("Reading {} failed", content.name(), e.getCause());
            return new Extraction.NotInspected(Extraction.Reason.FAILED, content.name() + " could not be read: " + e.getCause());
        }
    }

    private Extraction read(AttachmentContent content) {
        PartCollector collector = new PartCollector(limits.maxCharacters());
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, content.name());
        if (!content.contentType().isBlank()) {
            MediaType declared = MediaType.parse(content.contentType());
            if (declared != null && !declared.equals(MediaType.OCTET_STREAM)) {
                metadata.set(Metadata.CONTENT_TYPE, declared.toString());
            }
        }
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        try (InputStream in = content.open(); TikaInputStream stream = TikaInputStream.get(in)) {
            parser.parse(stream, collector, metadata, context);
        } catch (EncryptedDocumentException e) {
            return new Extraction.NotInspected(Extraction.Reason.ENCRYPTED, content.name() + " is password-protected or encrypted");
        } catch (ZeroByteFileException e) {
            return new Extraction.Extracted(List.of(), false);
        } catch (OutOfMemoryError e) {
            return new Extraction.NotInspected(Extraction.Reason.FAILED, content.name() + " needed more memory than the gateway has to read it");
        } catch (IOException | org.xml.sax.SAXException | TikaException | RuntimeException e) {
            if (causedBy(e, PartCollector.CharacterLimitReached.class)) {
                return new Extraction.Extracted(collector.parts(), true);
            }
            if (causedBy(e, EncryptedDocumentException.class)) {
                return new Extraction.NotInspected(Extraction.Reason.ENCRYPTED, content.name() + " is password-protected or encrypted");
            }
            Optional<String> limit = messages(e).filter(m -> {
                String lower = m.toLowerCase(Locale.ROOT);
                return lower.contains("zip bomb") || lower.contains("max depth") || lower.contains("package entry depth")
                    || lower.contains("nested too deep");
            }).findFirst();
            if (limit.isPresent()) {
                return new Extraction.NotInspected(Extraction.Reason.LIMIT_EXCEEDED,
                    content.name() + " was stopped by a safety limit (" + firstLine(limit.get()) + ")");
            }
            String message = String.valueOf(e.getMessage());
            if (Thread.currentThread().isInterrupted()) {
                return new Extraction.NotInspected(Extraction.Reason.TIMED_OUT, content.name() + " took too long to read");
            }
            return new Extraction.NotInspected(Extraction.Reason.CORRUPT,
                content.name() + " could not be read (" + e.getClass().getSimpleName() + ": " + firstLine(message) + ")");
        }
        List<Extraction.Part> parts = collector.parts();
        String type = metadata.get(Metadata.CONTENT_TYPE);
        if (parts.isEmpty() && type != null && isPictureOrSound(type)) {
            return new Extraction.NotInspected(Extraction.Reason.NO_TEXT, content.name() + " is a " + kind(type) + ", with no text to read");
        }
        return new Extraction.Extracted(parts, false);
    }

    private static boolean isPictureOrSound(String type) {
        return type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/");
    }

    private static String kind(String type) {
        return type.startsWith("image/") ? "picture" : type.startsWith("audio/") ? "sound recording" : "video";
    }

    private static java.util.stream.Stream<String> messages(Throwable e) {
        java.util.List<String> messages = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && messages.size() < 20; t = t.getCause()) {
            if (t.getMessage() != null) {
                messages.add(t.getMessage());
            }
        }
        return messages.stream();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("").strip();
    }

    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%d KB", Math.max(1, bytes / 1024));
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}

package org.correspondencegateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.MimeMessage;

import org.correspondencegateway.audit.AuditEvent;
import org.correspondencegateway.testing.DeliverySink;
import org.correspondencegateway.testing.Documents;
import org.correspondencegateway.testing.GatewayHome;
import org.correspondencegateway.testing.GatewayProcess;
import org.correspondencegateway.testing.ReviewQueue;
import org.correspondencegateway.testing.WebAdmin;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole gateway, its heap capped, checking mail with a large attachment: it starts the gateway in a
 * JVM of its own with {@code --heap} (default 256m) and a GC log, sends {@code --messages} letters each
 * carrying the same PDF of {@code --attachment-mb} over SMTP on loopback, one after the other, and for
 * each waits for the check's outcome in the audit log (and, for mail let through, its arrival at
 * GreenMail). It prints each outcome and how long it took, the largest heap the collector saw, the
 * gateway's peak resident memory, and whether the JVM ran out of memory. It stops by itself.
 *
 * <pre>./mvnw -q test-compile exec:exec@large-attachment -Dload.args="--attachment-mb 24"</pre>
 */
@Command(name = "large-attachment", mixinStandardHelpOptions = true, description = "The gateway with a capped heap, checking large attachments.")
public final class LargeAttachmentRun implements Callable<Integer> {
    private static final Pattern HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @Option(names = "--attachment-mb", description = "the PDF's size in MB (default ${DEFAULT-VALUE})")
    int attachmentMb = 24;

    @Option(names = "--messages", description = "letters sent, each with the same PDF (default ${DEFAULT-VALUE})")
    int messages = 2;

    @Option(names = "--heap", description = "the gateway's -Xmx (default ${DEFAULT-VALUE})")
    String heap = "256m";

    @Option(names = "--max-seconds", description = "per message: stop waiting after this long (default ${DEFAULT-VALUE})")
    int maxSeconds = 300;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LargeAttachmentRun()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (attachmentMb < 1 || attachmentMb > 45 || messages < 1 || messages > 20) {
            throw new CommandLine.ParameterException(new CommandLine(this), "attachment-mb 1..45, messages 1..20");
        }
        Path home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "large-attachment-");
        GatewayHome.copyOfProject(home);
        Path gcLog = home.resolve("gc.log");
        byte[] pdf = Documents.largePdf(attachmentMb * 1024 * 1024);
        System.out.printf(Locale.ROOT, "a PDF of %.1f MB; gateway heap -Xmx%s%n", pdf.length / 1048576.0, heap);
        boolean everyOutcome = true;
        try (DeliverySink sink = new DeliverySink();
             GatewayProcess gateway = GatewayProcess.relayingTo(sink.port(), home, List.of("-Xmx" + heap, "-Xlog:gc:file=" + gcLog))) {
            ReviewQueue clerk = new ReviewQueue(new WebAdmin("127.0.0.1", gateway.webAdminPort()));
            Properties properties = new Properties();
            properties.setProperty("mail.smtp.host", "127.0.0.1");
            properties.setProperty("mail.smtp.port", Integer.toString(gateway.smtpPort()));
            Session session = Session.getInstance(properties);
            for (int i = 0; i < messages; i++) {
                MimeMessage letter = Messages.officerLetter(session, "large-" + i, Messages.textBody(2 * 1024), Optional.of(pdf));
                long sent = System.nanoTime();
                Transport.send(letter);
                long accepted = System.nanoTime();
                String messageId = letter.getMessageID().replaceAll("[<>]", "");
                String outcome = awaitOutcome(clerk, messageId, sink, "large-" + i);
                everyOutcome &= !outcome.startsWith("no outcome");
                System.out.printf(Locale.ROOT, "letter %d: sent in %.1f s; %s %.1f s after the 250%n", i + 1, (accepted - sent) / 1e9, outcome,
                    (System.nanoTime() - accepted) / 1e9);
            }
            boolean outOfMemory = gateway.output().stream().anyMatch(line -> line.contains("OutOfMemoryError"));
            List<String> collections = Files.readAllLines(gcLog);
            List<String> full = collections.stream().filter(line -> line.contains("Pause Full")).toList();
            System.out.printf(Locale.ROOT, "largest heap the collector saw: %d MB in use before a collection, %d MB after, of %d MB%n",
                heapFigure(collections, 1), heapFigure(collections, 2), heapFigure(collections, 3));
            System.out.printf(Locale.ROOT, "full collections: %d; the most still in use after one (live data): %d MB%n", full.size(), heapFigure(full, 2));
            System.out.printf(Locale.ROOT, "gateway resident memory: %d MB peak; OutOfMemoryError: %s%n",
                gateway.peakResidentKb().orElse(-1) / 1024, outOfMemory ? "YES" : "none");
            return everyOutcome && !outOfMemory ? 0 : 1;
        }
    }

    /** The check's outcome from the audit log; for mail let through, once it has also arrived. */
    private String awaitOutcome(ReviewQueue clerk, String messageId, DeliverySink sink, String sequence) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode event : clerk.auditOfMessage(messageId)) {
                String kind = event.get("event").asText();
                if (kind.equals("held")) {
                    return "held (" + event.path("outcome").asText() + ")";
                }
                if (AuditEvent.CHECK_OUTCOMES.contains(kind) && sink.arrivalNanos(sequence) != null) {
                    return "delivered (" + event.path("outcome").asText() + ")";
                }
            }
            Thread.sleep(200);
        }
        return "no outcome within " + maxSeconds + " s";
    }

    /** The largest of group {@code group} (1 before, 2 after, 3 committed) over these GC log lines. */
    private static long heapFigure(List<String> collections, int group) {
        long largest = -1;
        for (String line : collections) {
            Matcher m = HEAP.matcher(line);
            if (m.find()) {
                largest = Math.max(largest, Long.parseLong(m.group(group)));
            }
        }
        return largest;
    }
}

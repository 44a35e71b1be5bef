package org.correspondencegateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.correspondencegateway.testing.DeliverySink;
import org.correspondencegateway.testing.GatewayProcess;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * An SMTP load run against the gateway, on loopback only, bounded in count and in time.
 *
 * <p>It starts GreenMail as the council's mail server ({@link DeliverySink}), starts the gateway in a JVM
 * of its own with that as its next hop, sends a warm-up, then sends {@code --messages} messages of
 * {@code --size-kb} over {@code --connections} concurrent SMTP connections, and waits until every message
 * has been delivered (or {@code --max-seconds} is up). It prints messages per second accepted (the
 * gateway's 250 after DATA) and delivered (arrival at GreenMail), the latency from the end of DATA to
 * delivery, and the gateway's start-up time and resident memory.
 *
 * <pre>./mvnw -q test-compile exec:exec@smtp-load -Dload.args="--messages 2000 --connections 2"</pre>
 */
@Command(name = "smtp-load", mixinStandardHelpOptions = true, description = "An SMTP load run against the gateway, on loopback.")
public final class SmtpLoadRun implements Callable<Integer> {
    @Option(names = "--messages", description = "messages to time (default ${DEFAULT-VALUE}; at most 100000)")
    int messages = 2000;

    @Option(names = "--warmup", description = "messages sent first and not timed (default ${DEFAULT-VALUE})")
    int warmup = 300;

    @Option(names = "--connections", description = "concurrent SMTP connections (default ${DEFAULT-VALUE})")
    int connections = 2;

    @Option(names = "--size-kb", description = "message size in KB (default ${DEFAULT-VALUE})")
    int sizeKb = 5;

    @Option(names = "--max-seconds", description = "stop sending, and stop waiting for delivery, after this long (default ${DEFAULT-VALUE})")
    int maxSeconds = 300;

    @Option(names = "--gateway-jvm", split = " ", description = "JVM options for the gateway (default: none, as `./mvnw compile exec:exec` runs it)")
    List<String> gatewayJvm = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new SmtpLoadRun()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (messages < 1 || messages > 100_000 || connections < 1 || connections > 64 || maxSeconds > 3600) {
            throw new CommandLine.ParameterException(new CommandLine(this), "messages 1..100000, connections 1..64, max-seconds up to 3600");
        }
        Path home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "load-run-");
        try (DeliverySink sink = new DeliverySink();
             GatewayProcess gateway = GatewayProcess.relayingTo(sink.port(), home, gatewayJvm)) {
            long residentAfterStart = gateway.residentKb().orElse(-1);
            System.out.printf(Locale.ROOT, "gateway pid %d started in %.2f s (JVM launch to \"running\"); resident memory %d MB; JVM options %s%n",
                gateway.pid(), gateway.startUpTime().toMillis() / 1000.0, residentAfterStart / 1024, gatewayJvm.isEmpty() ? "none" : gatewayJvm);

            String body = Messages.textBody(sizeKb * 1024);
            send(gateway.smtpPort(), "warm-", warmup, body, Duration.ofSeconds(maxSeconds));
            awaitDelivery(sink, "warm-", warmup, Duration.ofSeconds(maxSeconds));

            System.out.printf(Locale.ROOT, "sending %d messages of %d KB over %d connections…%n", messages, sizeKb, connections);
            long began = System.nanoTime();
            long[] acceptedAt = send(gateway.smtpPort(), "run-", messages, body, Duration.ofSeconds(maxSeconds));
            long lastAccepted = Arrays.stream(acceptedAt).max().orElse(began);
            int accepted = (int) Arrays.stream(acceptedAt).filter(t -> t > 0).count();
            awaitDelivery(sink, "run-", accepted, Duration.ofSeconds(maxSeconds));

            List<Long> latencies = new ArrayList<>();
            long lastDelivered = began;
            int delivered = 0;
            for (int i = 0; i < messages; i++) {
                Long arrival = sink.arrivalNanos("run-" + i);
                if (arrival != null && acceptedAt[i] > 0) {
                    delivered++;
                    latencies.add(arrival - acceptedAt[i]);
                    lastDelivered = Math.max(lastDelivered, arrival);
                }
            }
            latencies.sort(null);
            long expectedCopies = (long) warmup + accepted;
            System.out.printf(Locale.ROOT, "accepted:  %d in %.2f s = %.1f messages/s%n", accepted,
                seconds(lastAccepted - began), accepted / seconds(lastAccepted - began));
            System.out.printf(Locale.ROOT, "delivered: %d in %.2f s = %.1f messages/s (copies at the next hop: %d for %d sent; missing: %d)%n",
                delivered, seconds(lastDelivered - began), delivered / seconds(lastDelivered - began),
                sink.copies(), expectedCopies, accepted - delivered);
            if (!latencies.isEmpty()) {
                System.out.printf(Locale.ROOT, "end of DATA to delivery: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    millis(percentile(latencies, 50)), millis(percentile(latencies, 95)), millis(percentile(latencies, 99)),
                    millis(latencies.get(latencies.size() - 1)));
            }
            System.out.printf(Locale.ROOT, "gateway resident memory: %d MB now, %d MB peak%n",
                gateway.residentKb().orElse(-1) / 1024, gateway.peakResidentKb().orElse(-1) / 1024);
            return delivered == messages && sink.copies() == expectedCopies ? 0 : 1;
        }
    }

    private long[] send(int port, String prefix, int count, String body, Duration limit) throws Exception {
        long[] acceptedAt = new long[count];
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + limit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<Void>> workers = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                workers.add(pool.submit(() -> {
                    Properties properties = new Properties();
                    properties.setProperty("mail.smtp.host", "127.0.0.1");
                    properties.setProperty("mail.smtp.port", Integer.toString(port));
                    properties.setProperty("mail.smtp.localhost", "load.council.example");
                    Session session = Session.getInstance(properties);
                    InternetAddress[] recipients = {new InternetAddress("m.patel@resident.example")};
                    try (Transport transport = session.getTransport("smtp")) {
                        transport.connect();
                        int i;
                        while ((i = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
                            MimeMessage message = Messages.officerLetter(session, prefix + i, body);
                            transport.sendMessage(message, recipients);
                            acceptedAt[i] = System.nanoTime();
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return acceptedAt;
    }

    private static void awaitDelivery(DeliverySink sink, String prefix, int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            int arrived = 0;
            for (int i = 0; i < count; i++) {
                if (sink.arrivalNanos(prefix + i) != null) {
                    arrived++;
                }
            }
            if (arrived >= count) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}

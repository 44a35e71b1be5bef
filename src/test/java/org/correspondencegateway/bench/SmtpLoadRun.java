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
import org.correspondencegateway.testing.GatewayHome;
import org.correspondencegateway.testing.GatewayProcess;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * An SMTP load run against the gateway, on loopback only, bounded in count and in time: stock James
 * (the pass-through chain) and the full chain, one after the other in the same run, so that the two
 * can be compared on the same machine at the same time.
 *
 * <p>For each chain it starts GreenMail as the council's mail server ({@link DeliverySink}), starts the
 * gateway in a JVM of its own with that as its next hop (the durable queue, the shipped conf/ and
 * mailets/), sends a warm-up, then sends {@code --messages} messages of {@code --size-kb} over
 * {@code --connections} concurrent SMTP connections, and waits until every message has been delivered
 * (or {@code --max-seconds} is up). It prints messages per second accepted (the gateway's 250 after
 * DATA) and delivered (arrival at GreenMail), the latency from the end of DATA to delivery, the
 * gateway's resident memory, and at the end the full chain's figures against the pass-through's.
 *
 * <p>The pass-through chain is the shipped {@code mailets/mailetcontainer.xml} with its root processor
 * sending every message straight to {@code transport}: the check and action stages never run, and
 * everything else (queue, spooler threads, RemoteDelivery) is the same.
 *
 * <pre>./mvnw -q test-compile exec:exec@smtp-load -Dload.args="--messages 2000 --connections 2"</pre>
 */
@Command(name = "smtp-load", mixinStandardHelpOptions = true, description = "An SMTP load run against the gateway, on loopback.")
public final class SmtpLoadRun implements Callable<Integer> {
    /** Which chains to run. */
    enum Chains { BOTH, PASS_THROUGH, FULL }

    @Option(names = "--messages", description = "messages to time per chain (default ${DEFAULT-VALUE}; at most 100000)")
    int messages = 2000;

    @Option(names = "--warmup", description = "messages sent first and not timed (default ${DEFAULT-VALUE})")
    int warmup = 300;

    @Option(names = "--connections", description = "concurrent SMTP connections (default ${DEFAULT-VALUE})")
    int connections = 2;

    @Option(names = "--size-kb", description = "message size in KB (default ${DEFAULT-VALUE})")
    int sizeKb = 5;

    @Option(names = "--chains", description = "BOTH, PASS_THROUGH or FULL (default ${DEFAULT-VALUE})")
    Chains chains = Chains.BOTH;

    @Option(names = "--max-seconds", description = "per chain: stop sending, and stop waiting for delivery, after this long (default ${DEFAULT-VALUE})")
    int maxSeconds = 300;

    @Option(names = "--gateway-jvm", split = " ", description = "JVM options for the gateway (default: none, as `./mvnw compile exec:exec` runs it)")
    List<String> gatewayJvm = new ArrayList<>();

    @Option(names = "--rate", description = "messages per second offered in the latency phase (default ${DEFAULT-VALUE}; 0 skips it)")
    int rate = 20;

    @Option(names = "--paced-messages", description = "messages sent in the latency phase (default ${DEFAULT-VALUE})")
    int pacedMessages = 600;

    /** What one phase of one chain measured. */
    record Phase(int accepted, double acceptedPerSecond, int delivered, double deliveredPerSecond, double p50, double p95, double p99, double max) {
        static final Phase NONE = new Phase(0, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** What one chain did: flat out, paced, and its memory and losses. */
    record Result(String chain, Phase flatOut, Phase paced, long peakResidentMb, long missing, long extraCopies) {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SmtpLoadRun()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (messages < 1 || messages > 100_000 || connections < 1 || connections > 64 || maxSeconds > 3600 || rate < 0 || rate > 10_000
            || pacedMessages < 1 || pacedMessages > 100_000) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                "messages and paced-messages 1..100000, connections 1..64, rate 0..10000, max-seconds up to 3600");
        }
        List<Result> results = new ArrayList<>();
        if (chains != Chains.FULL) {
            results.add(run("pass-through", true));
        }
        if (chains != Chains.PASS_THROUGH) {
            results.add(run("full chain", false));
        }
        System.out.printf(Locale.ROOT, "%n%d messages of %d KB over %d connections as fast as accepted; then %d at %d/s%n", messages, sizeKb, connections,
            rate == 0 ? 0 : pacedMessages, rate);
        System.out.printf(Locale.ROOT, "%-13s %11s %11s | %-29s | %-29s | %9s %8s %6s%n", "", "flat out", "", "flat out, DATA to delivery, ms",
            "at " + rate + "/s, DATA to delivery, ms", "", "", "");
        System.out.printf(Locale.ROOT, "%-13s %11s %11s | %9s %9s %9s | %9s %9s %9s | %9s %8s %6s%n", "chain", "accepted/s", "delivered/s",
            "p50", "p95", "p99", "p50", "p95", "p99", "peak RSS", "missing", "extra");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-13s %11.1f %11.1f | %9.1f %9.1f %9.1f | %9.1f %9.1f %9.1f | %6d MB %8d %6d%n", r.chain(),
                r.flatOut().acceptedPerSecond(), r.flatOut().deliveredPerSecond(), r.flatOut().p50(), r.flatOut().p95(), r.flatOut().p99(),
                r.paced().p50(), r.paced().p95(), r.paced().p99(), r.peakResidentMb(), r.missing(), r.extraCopies());
        }
        if (results.size() == 2) {
            Phase pass = results.get(0).flatOut();
            Phase full = results.get(1).flatOut();
            System.out.printf(Locale.ROOT, "full chain / pass-through, flat out: accepted %.1f%%, delivered %.1f%%%n",
                100 * full.acceptedPerSecond() / pass.acceptedPerSecond(), 100 * full.deliveredPerSecond() / pass.deliveredPerSecond());
            if (rate > 0) {
                Phase passPaced = results.get(0).paced();
                Phase fullPaced = results.get(1).paced();
                System.out.printf(Locale.ROOT, "latency the full chain adds at %d/s: p50 %+.1f ms, p95 %+.1f ms, p99 %+.1f ms%n", rate,
                    fullPaced.p50() - passPaced.p50(), fullPaced.p95() - passPaced.p95(), fullPaced.p99() - passPaced.p99());
            }
        }
        return results.stream().allMatch(r -> r.missing() == 0 && r.extraCopies() == 0) ? 0 : 1;
    }

    private Result run(String chain, boolean passThrough) throws Exception {
        Path home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "load-run-");
        GatewayHome.copyOfProject(home);
        if (passThrough) {
            Path mailets = home.resolve("mailets/mailetcontainer.xml");
            String full = Files.readString(mailets);
            String straightOn = full.replace("<processor>protocol-check</processor>", "<processor>transport</processor>");
            if (straightOn.equals(full)) {
                throw new IllegalStateException("the root processor of " + mailets + " no longer hands mail to protocol-check");
            }
            Files.writeString(mailets, straightOn);
        }
        System.out.printf(Locale.ROOT, "%n== %s%n", chain);
        try (DeliverySink sink = new DeliverySink();
             GatewayProcess gateway = GatewayProcess.relayingTo(sink.port(), home, gatewayJvm)) {
            System.out.printf(Locale.ROOT, "gateway pid %d started in %.2f s (JVM launch to \"running\"); resident memory %d MB; JVM options %s%n",
                gateway.pid(), gateway.startUpTime().toMillis() / 1000.0, gateway.residentKb().orElse(-1) / 1024,
                gatewayJvm.isEmpty() ? "none" : gatewayJvm);
            String body = Messages.textBody(sizeKb * 1024);
            measure(sink, gateway, "warm-", warmup, 0, body);
            Phase flatOut = measure(sink, gateway, "run-", messages, 0, body);
            print("flat out", flatOut);
            Phase paced = Phase.NONE;
            if (rate > 0) {
                paced = measure(sink, gateway, "paced-", pacedMessages, rate, body);
                print("at " + rate + "/s", paced);
            }
            long sent = warmup + flatOut.accepted() + paced.accepted();
            long arrived = sink.distinctMessages();
            long peak = gateway.peakResidentKb().orElse(-1) / 1024;
            System.out.printf(Locale.ROOT, "copies at the next hop: %d for %d accepted (%d distinct); resident memory %d MB now, %d MB peak%n",
                sink.copies(), sent, arrived, gateway.residentKb().orElse(-1) / 1024, peak);
            return new Result(chain, flatOut, paced, peak, sent - arrived, sink.copies() - arrived);
        }
    }

    /** Sends {@code count} messages (paced at {@code perSecond}, or as fast as accepted when 0) and waits for their delivery. */
    private Phase measure(DeliverySink sink, GatewayProcess gateway, String prefix, int count, int perSecond, String body) throws Exception {
        long began = System.nanoTime();
        long[] acceptedAt = send(gateway.smtpPort(), prefix, count, perSecond, body, Duration.ofSeconds(maxSeconds));
        long lastAccepted = Arrays.stream(acceptedAt).max().orElse(began);
        int accepted = (int) Arrays.stream(acceptedAt).filter(t -> t > 0).count();
        awaitDelivery(sink, prefix, count, Duration.ofSeconds(maxSeconds));
        List<Long> latencies = new ArrayList<>();
        long lastDelivered = began;
        for (int i = 0; i < count; i++) {
            Long arrival = sink.arrivalNanos(prefix + i);
            if (arrival != null && acceptedAt[i] > 0) {
                latencies.add(arrival - acceptedAt[i]);
                lastDelivered = Math.max(lastDelivered, arrival);
            }
        }
        latencies.sort(null);
        if (latencies.isEmpty()) {
            return new Phase(accepted, accepted / seconds(lastAccepted - began), 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Phase(accepted, accepted / seconds(lastAccepted - began), latencies.size(), latencies.size() / seconds(lastDelivered - began),
            millis(percentile(latencies, 50)), millis(percentile(latencies, 95)), millis(percentile(latencies, 99)),
            millis(latencies.get(latencies.size() - 1)));
    }

    private static void print(String phase, Phase p) {
        System.out.printf(Locale.ROOT, "%-9s accepted %d = %.1f/s, delivered %d = %.1f/s; end of DATA to delivery p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
            phase, p.accepted(), p.acceptedPerSecond(), p.delivered(), p.deliveredPerSecond(), p.p50(), p.p95(), p.p99(), p.max());
    }

    private long[] send(int port, String prefix, int count, int perSecond, String body, Duration limit) throws Exception {
        long[] acceptedAt = new long[count];
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
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
                            if (perSecond > 0) {
                                long due = start + i * 1_000_000_000L / perSecond;
                                long wait = due - System.nanoTime();
                                if (wait > 0) {
                                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                                }
                            }
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

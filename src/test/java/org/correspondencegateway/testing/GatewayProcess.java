package org.correspondencegateway.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway as an IT provider runs it: {@code GatewayCommand run} in a JVM of its own, with a home
 * directory holding {@code conf/gateway.yaml} and a copy of the project's {@code mailets/}. Used where a
 * test or benchmark needs the gateway's own process: its resident memory, or killing it.
 */
public final class GatewayProcess implements AutoCloseable {
    private static final Pattern BANNER = Pattern.compile("SMTP [0-9.]+:(\\d+), webadmin http://[0-9.]+:(\\d+)");

    private final Process process;
    private final int smtpPort;
    private final int webAdminPort;
    private final Duration startUpTime;
    private final List<String> output;

    private GatewayProcess(Process process, int smtpPort, int webAdminPort, Duration startUpTime, List<String> output) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.webAdminPort = webAdminPort;
        this.startUpTime = startUpTime;
        this.output = output;
    }

    /**
     * A gateway at {@code home} with its data in {@code home/var}, on free ports, relaying to the mail
     * server on 127.0.0.1:{@code nextHopPort}.
     */
    public static GatewayProcess relayingTo(int nextHopPort, Path home, List<String> jvmOptions) throws IOException, InterruptedException {
        return start(home, """
            data-directory: var
            smtp:
              port: 0
            webadmin:
              port: 0
            next-hop:
              host: 127.0.0.1
              port: %d
            """.formatted(nextHopPort), jvmOptions, Duration.ofMinutes(2));
    }

    /**
     * Copies the project's conf/ and mailets/ into {@code home} (unless they are there already, from an
     * earlier start), writes {@code gatewayYaml} as its conf/gateway.yaml, and starts the gateway.
     */
    public static GatewayProcess start(Path home, String gatewayYaml, List<String> jvmOptions, Duration timeout) throws IOException, InterruptedException {
        if (!Files.exists(home.resolve("conf"))) {
            GatewayHome.copyOfProject(home);
        }
        Files.writeString(home.resolve("conf/gateway.yaml"), gatewayYaml);
        Files.writeString(home.resolve("conf/console.yaml"), "port: 0\n"); // the console on a free port too

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        // the test classpath has logback-test.xml first; the gateway should log as in production
        command.add("-Dlogback.configurationFile=" + Path.of("src/main/resources/logback.xml").toAbsolutePath());
        command.add("org.correspondencegateway.GatewayCommand");
        command.add("run");
        command.add("--home");
        command.add(home.toString());

        long began = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Matcher> banner = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    Matcher matcher = BANNER.matcher(line);
                    if (matcher.find()) {
                        banner.complete(matcher);
                    }
                }
            } catch (IOException e) {
                banner.completeExceptionally(e);
            }
            banner.completeExceptionally(new IllegalStateException("the gateway stopped before it was running: " + output));
        }, "gateway-output");
        reader.setDaemon(true);
        reader.start();
        try {
            Matcher matcher = banner.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Duration startUp = Duration.ofNanos(System.nanoTime() - began);
            return new GatewayProcess(process, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), startUp, output);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the gateway did not start: " + output, e);
        }
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int webAdminPort() {
        return webAdminPort;
    }

    public long pid() {
        return process.pid();
    }

    /** From launching the JVM to the gateway's "is running" line. */
    public Duration startUpTime() {
        return startUpTime;
    }

    /** Resident memory now, in kB (Linux {@code VmRSS}). */
    public OptionalLong residentKb() {
        return status("VmRSS");
    }

    /** The highest resident memory so far, in kB (Linux {@code VmHWM}). */
    public OptionalLong peakResidentKb() {
        return status("VmHWM");
    }

    public List<String> output() {
        return List.copyOf(output);
    }

    /** Kills the JVM at once, as a power cut or {@code kill -9} would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Asks the gateway to stop (SIGTERM, as a service manager does) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private OptionalLong status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}

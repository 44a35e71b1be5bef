package org.correspondencegateway.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.james.GuiceJamesServer;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.modules.data.MemoryUsersRepositoryModule;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.modules.server.MailQueueRoutesModule;
import org.apache.james.modules.server.MailRepositoriesRoutesModule;
import org.apache.james.modules.server.NoJwtModule;
import org.apache.james.modules.server.WebAdminServerModule;
import org.apache.james.server.core.configuration.Configuration;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.correspondencegateway.config.ConfigurationProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.net.InetAddresses;

/**
 * A real Apache James 3.8.1 server, composed from James's own Guice modules and started in this JVM:
 * the SMTP-only composition of James's memory server ({@link MemoryJamesServerMain#SMTP_ONLY_MODULE}:
 * mailet container, memory mail queue, SMTP), its memory users repository, and webadmin with the mail
 * repository and mail queue routes (without JMAP, so without its JWT fallback: {@code NoJwtModule}). Mail repositories are James's {@code FileMailRepository}, on disk
 * under the data directory. IMAP, POP3, LMTP, ManageSieve and JMAP are not composed, so they cannot be
 * switched on by accident.
 *
 * <p>{@link #start} returns once SMTP accepts connections, or fails with one line saying why. Closing
 * stops James: the SMTP server first, then the mail spooler and delivery.
 */
public final class EmbeddedGateway implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedGateway.class);

    private final GatewaySettings settings;
    private final GuiceJamesServer server;
    private final int smtpPort;
    private final int webAdminPort;
    private final Duration startUpTime;

    private EmbeddedGateway(GatewaySettings settings, GuiceJamesServer server, Duration startUpTime) {
        this.settings = settings;
        this.server = server;
        this.startUpTime = startUpTime;
        this.smtpPort = server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue();
        this.webAdminPort = server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort().getValue();
    }

    /**
     * Starts a gateway with {@code settings}.
     *
     * @throws ConfigurationProblem when the chain file cannot be used
     * @throws GatewayStartFailure when James cannot start: a port in use, a data directory that cannot be
     *     written, a chain James rejects; the message is one line, the cause is logged
     */
    public static EmbeddedGateway start(GatewaySettings settings) throws ConfigurationProblem, GatewayStartFailure {
        long began = System.nanoTime();
        // Read by GuiceJamesServer when its class loads: report start-up errors to us, never System.exit.
        System.setProperty("james.exit.on.startup.error", "false");

        MailetChain chain = MailetChain.read(settings.chainFile());
        GatewayDirectories directories = new GatewayDirectories(settings.dataDirectory());
        Map<String, String> files = JamesConfigurationFiles.render(settings, chain.forEmbeddedGateway(settings.nextHop()));
        try {
            JamesConfigurationFiles.write(files, directories.jamesConfiguration());
        } catch (IOException e) {
            throw new GatewayStartFailure("cannot write to the data directory " + directories.dataDirectory()
                + " (" + e.getMessage() + "); set data-directory in conf/gateway.yaml to a writable directory", e);
        }
        ensureFree("SMTP", "smtp", settings.smtp().bind(), settings.smtp().port());
        ensureFree("webadmin", "webadmin", settings.webAdmin().bind(), settings.webAdmin().port());

        GuiceJamesServer server = compose(directories);
        try {
            server.start();
        } catch (Throwable failure) {
            LOGGER.error("James could not start", failure);
            stopQuietly(server);
            throw new GatewayStartFailure(StartUpFailures.describe(failure, settings), failure);
        }
        EmbeddedGateway gateway = new EmbeddedGateway(settings, server, Duration.ofNanos(System.nanoTime() - began));
        LOGGER.info("Correspondence Gateway started in {} ms: SMTP {}:{}, webadmin {}:{}, data {}",
            gateway.startUpTime.toMillis(), settings.smtp().bind(), gateway.smtpPort,
            settings.webAdmin().bind(), gateway.webAdminPort, directories.dataDirectory());
        return gateway;
    }

    private static GuiceJamesServer compose(GatewayDirectories directories) {
        Configuration configuration = new Configuration.Basic(
            new Configuration.ConfigurationPath(FileSystem.FILE_PROTOCOL_AND_CONF), directories);
        return GuiceJamesServer.forConfiguration(configuration)
            .combineWith(MemoryJamesServerMain.SMTP_ONLY_MODULE)
            .combineWith(new MemoryUsersRepositoryModule())
            .combineWith(new WebAdminServerModule(), new MailRepositoriesRoutesModule(), new MailQueueRoutesModule(),
                new NoJwtModule())
            .overrideWith(new DurableMailQueueModule());
    }

    /**
     * Fails with a clear line when another program holds the port. James would fail too, but deep in
     * Netty or Jetty, after minutes of stack trace.
     */
    private static void ensureFree(String service, String setting, String bind, int port) throws GatewayStartFailure {
        if (port == 0) {
            return;
        }
        InetAddress address = InetAddresses.forString(bind);
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw new GatewayStartFailure("cannot listen for " + service + " on " + bind + ":" + port
                + ": the port is in use or not allowed (" + e.getMessage() + "); change " + setting
                + ".port in conf/gateway.yaml or stop the other program", e);
        }
    }

    private static void stopQuietly(GuiceJamesServer server) {
        try {
            server.stop();
        } catch (RuntimeException e) {
            LOGGER.warn("James did not stop cleanly after a failed start", e);
        }
    }

    public GatewaySettings settings() {
        return settings;
    }

    /** The port SMTP listens on (the configured one, or the one picked when configured as 0). */
    public int smtpPort() {
        return smtpPort;
    }

    /** The port webadmin listens on. */
    public int webAdminPort() {
        return webAdminPort;
    }

    /** The data directory, absolute. */
    public Path dataDirectory() {
        return settings.dataDirectory().toAbsolutePath().normalize();
    }

    /** How long {@link #start} took, from reading the chain to SMTP accepting connections. */
    public Duration startUpTime() {
        return startUpTime;
    }

    /** Stops James. Idempotent. */
    @Override
    public void close() {
        if (server.isStarted()) {
            server.stop();
            LOGGER.info("Correspondence Gateway stopped");
        }
    }
}

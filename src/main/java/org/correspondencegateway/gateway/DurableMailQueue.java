package org.correspondencegateway.gateway;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.ActiveMQPrefetchPolicy;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.queue.activemq.ActiveMQMailQueueFactory;
import org.apache.james.queue.activemq.FileSystemBlobTransferPolicy;
import org.apache.james.queue.activemq.metric.ActiveMQMetricCollectorNoop;
import org.apache.james.queue.api.MailQueueItemDecoratorFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's mail queues (the spool between SMTP and the mailet chain, and RemoteDelivery's
 * outgoing queue) kept on disk, so that mail the SMTP server has accepted survives a crash: James's
 * ActiveMQ mail queue over an ActiveMQ 5 broker embedded in this JVM.
 *
 * <p>Contract: once James's SMTP server has answered 250 to a message, it is in the KahaDB journal,
 * forced to disk ({@code journalDiskSyncStrategy=always}); a message leaves a queue only when the
 * processing that took it has finished (the JMS session is committed), so a crash mid-processing
 * puts it back to be processed again. A message can thus be processed twice, never lost. Large
 * messages travel as blob files beside the journal, written before the journal entry that names them.
 *
 * <p>The broker has no network connector: it is reached only through {@code vm://} from this JVM.
 * Its files are under {@value #STORE} (the data directory's {@code queue/}).
 */
final class DurableMailQueue {
    private static final Logger LOGGER = LoggerFactory.getLogger(DurableMailQueue.class);
    /** Where the broker keeps its journal, index and blobs. */
    static final String STORE = "file://var/queue/";
    private static final String BROKER = "correspondence-gateway";

    private final BrokerService broker;
    private final ActiveMQMailQueueFactory queues;

    @Inject
    DurableMailQueue(FileSystem fileSystem, MailQueueItemDecoratorFactory decorators, MetricFactory metrics, GaugeRegistry gauges)
        throws Exception {
        File store = fileSystem.getFile(STORE);
        broker = broker(store);
        broker.start();
        broker.waitUntilStarted();
        LOGGER.info("Durable mail queue started in {}", store);
        queues = new ActiveMQMailQueueFactory(connections(fileSystem), decorators, metrics, gauges, new ActiveMQMetricCollectorNoop());
        queues.setUseJMX(false);
        queues.init();
    }

    private static BrokerService broker(File store) throws IOException {
        KahaDBPersistenceAdapter journal = new KahaDBPersistenceAdapter();
        journal.setDirectory(new File(store, "kahadb"));
        journal.setJournalDiskSyncStrategy("always");
        BrokerService broker = new BrokerService();
        broker.setBrokerName(BROKER);
        broker.setPersistent(true);
        broker.setPersistenceAdapter(journal);
        broker.setDataDirectoryFile(store);
        broker.setTmpDataDirectory(new File(store, "tmp"));
        broker.setUseJmx(false);
        broker.setUseShutdownHook(false);
        broker.setSchedulerSupport(false);
        broker.setAdvisorySupport(false);
        // ActiveMQ's default store limit (100 GB) is more than most disks have free, and it says so on
        // every start: ask for nine tenths of the free space instead. A full store makes SMTP wait.
        Files.createDirectories(store.toPath());
        long room = Math.max(64L << 20, Files.getFileStore(store.toPath()).getUsableSpace() / 10 * 9);
        broker.getSystemUsage().getStoreUsage().setLimit(Math.min(room, 100L << 30));
        broker.getSystemUsage().getTempUsage().setLimit(Math.min(room, 10L << 30));
        return broker;
    }

    private static ActiveMQConnectionFactory connections(FileSystem fileSystem) {
        ActiveMQConnectionFactory connections = new ActiveMQConnectionFactory("vm://" + BROKER + "?create=false");
        connections.setTrustAllPackages(false);
        // a consumer takes one message at a time: none waits in a client buffer where a crash would strand it
        ActiveMQPrefetchPolicy prefetch = new ActiveMQPrefetchPolicy();
        prefetch.setQueuePrefetch(0);
        prefetch.setTopicPrefetch(0);
        connections.setPrefetchPolicy(prefetch);
        FileSystemBlobTransferPolicy blobs = new FileSystemBlobTransferPolicy();
        blobs.setFileSystem(fileSystem);
        blobs.setDefaultUploadUrl(STORE + "blobs");
        connections.setBlobTransferPolicy(blobs);
        return connections;
    }

    ActiveMQMailQueueFactory queues() {
        return queues;
    }

    /** Closes the queues, then the broker (James stops the spooler and delivery before this). */
    @PreDestroy
    void stop() throws Exception {
        queues.destroy();
        broker.stop();
        broker.waitUntilStopped();
        LOGGER.info("Durable mail queue stopped");
    }
}

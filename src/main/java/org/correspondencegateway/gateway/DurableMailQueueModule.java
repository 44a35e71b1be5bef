package org.correspondencegateway.gateway;

import javax.inject.Singleton;

import org.apache.james.queue.activemq.ActiveMQMailQueueFactory;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.ManageableMailQueue;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;

/**
 * Puts the {@link DurableMailQueue} where James's memory server has its in-memory queue: James asks
 * for its mail queues by three keys, and this module answers all three. Install it with
 * {@code GuiceJamesServer.overrideWith}.
 */
final class DurableMailQueueModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(DurableMailQueue.class).in(Scopes.SINGLETON);
    }

    @Provides
    @Singleton
    ActiveMQMailQueueFactory queues(DurableMailQueue queue) {
        return queue.queues();
    }

    @Provides
    @Singleton
    MailQueueFactory<? extends ManageableMailQueue> manageable(ActiveMQMailQueueFactory queues) {
        return queues;
    }

    @Provides
    @Singleton
    MailQueueFactory<?> any(ActiveMQMailQueueFactory queues) {
        return queues;
    }

    @Provides
    @Singleton
    MailQueueFactory<? extends MailQueue> plain(ActiveMQMailQueueFactory queues) {
        return queues;
    }
}

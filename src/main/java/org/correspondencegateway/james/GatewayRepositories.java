package org.correspondencegateway.james;

import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;

/**
 * The mail repositories the gateway keeps mail in, as James repository URLs: durable, listed by
 * webadmin's {@code /mailRepositories} routes, and shared by every node of a cluster when James's
 * repositories are (a distributed James names them {@code cassandra://var/mail/held/}, for instance).
 * Set in {@code correspondence-gateway.properties} ({@code repository.held}, {@code repository.flagged}).
 *
 * @param held mail waiting for the Town Clerk
 * @param flagged copies of delivered mail that had findings, for the Clerk to acknowledge
 */
public record GatewayRepositories(MailRepositoryUrl held, MailRepositoryUrl flagged) {
    /** The held repository of a James whose repositories are files: the embedded gateway's. */
    public static final String HELD = "file://var/mail/held/";
    /** The flagged repository of a James whose repositories are files. */
    public static final String FLAGGED = "file://var/mail/flagged/";

    MailRepository held(MailRepositoryStore store) throws MailRepositoryStore.MailRepositoryStoreException {
        return store.select(held);
    }

    MailRepository flagged(MailRepositoryStore store) throws MailRepositoryStore.MailRepositoryStoreException {
        return store.select(flagged);
    }
}

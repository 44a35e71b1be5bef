package org.correspondencegateway.gateway;

/**
 * The James mail repositories the gateway keeps mail in. Each URL is a James repository URL: in the
 * embedded gateway {@code file://var/} is the data directory; in an existing James it is that server's
 * own {@code var/}. They are plain {@code FileMailRepository} stores, so they survive restarts and are
 * listed, read and emptied through webadmin's {@code /mailRepositories} routes.
 */
public final class MailRepositories {
    /** Outgoing mail when no next hop is configured: what would have been sent. */
    public static final String OUTBOX = "file://var/mail/outbox/";
    /** Mail that a processor failed on, after the sender was told. */
    public static final String ERROR = "file://var/mail/error/";

    private MailRepositories() {
    }

    /** The path webadmin knows a repository by: its URL without the protocol, e.g. {@code var/mail/outbox/}. */
    public static String webAdminPath(String repositoryUrl) {
        return repositoryUrl.substring(repositoryUrl.indexOf("://") + 3);
    }
}

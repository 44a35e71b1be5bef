package org.correspondencegateway.james;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.correspondencegateway.action.CheckRecord;
import org.correspondencegateway.audit.AuditEvent;
import org.correspondencegateway.directory.Person;

/**
 * The Town Clerk's decisions on held and flagged mail, as services the console calls through webadmin
 * ({@link ProtocolRoutes}): release (delivered exactly once), reject (the sender gets the Clerk's
 * reason), acknowledge a flagged message. Only people the directory names as reviewers may decide;
 * every decision is audited.
 *
 * <p>Decisions on one JVM are serialised, so two reviewers pressing "release" at once deliver once.
 * A release puts the mail on James's spool (to the {@value #RELEASED} processor) before removing it from
 * the held repository: a crash between the two leaves it in both, never in neither.
 */
@Singleton
public final class HeldMail {
    /** The processor released mail goes to. */
    public static final String RELEASED = "protocol-released";

    private final MailRepositoryStore repositories;
    private final MailetContext context;
    private final GatewayServices services;

    @Inject
    public HeldMail(MailRepositoryStore repositories, MailetContext context, GatewayServices services) {
        this.repositories = repositories;
        this.context = context;
        this.services = services;
    }

    /**
     * One held or flagged mail, as the console lists it.
     *
     * @param key its repository key
     * @param since when it was held or flagged
     * @param record what the check found
     * @param outcome its outcome header
     */
    public record Entry(String key, Instant since, CheckRecord record, String outcome) {
    }

    /** A decision that cannot be made: unknown mail, not a reviewer, no reason given. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        /** The HTTP status that says why: 404 no such mail, 403 not a reviewer, 400 missing reason. */
        public int status() {
            return status;
        }
    }

    public List<Entry> held() throws MessagingException {
        return entries(held(true));
    }

    public List<Entry> flagged() throws MessagingException {
        return entries(held(false));
    }

    public Optional<Entry> held(String key) throws MessagingException {
        return entry(held(true), key);
    }

    public Optional<Entry> flagged(String key) throws MessagingException {
        return entry(held(false), key);
    }

    /** The held message itself, as it would be delivered. */
    public Optional<byte[]> heldMessage(String key) throws MessagingException {
        return message(held(true), key);
    }

    /** The flagged message, as it was delivered. */
    public Optional<byte[]> flaggedMessage(String key) throws MessagingException {
        return message(held(false), key);
    }

    /** Delivers a held mail, exactly once, as it is; {@code note} is kept in the audit. */
    public synchronized void release(String key, String reviewerId, Optional<String> note) throws MessagingException, Refused {
        decide(true, key, reviewer(reviewerId), "released", note, (mail, record) -> {
            // a copy read in full: the repository's copy is removed next, and the spool may read it later
            MailImpl copy = MailImpl.duplicateWithoutMessage(mail).mimeMessage(new MimeMessage(mail.getMessage())).build();
            copy.setName(key);
            context.sendMail(copy, RELEASED);
        });
    }

    /** Removes a held mail undelivered and tells its sender why. */
    public synchronized void reject(String key, String reviewerId, String reason) throws MessagingException, Refused {
        Person reviewer = reviewer(reviewerId);
        if (reason == null || reason.isBlank()) {
            throw new Refused(400, "a rejection needs a reason for the sender");
        }
        decide(true, key, reviewer, "rejected", Optional.of(reason.strip()), (mail, record) -> {
            if (record.sender().isPresent() && record.senderInside()) {
                context.sendMail(services.notices().rejected(record, reason.strip(), services.council()).message());
            }
        });
    }

    /** Takes a flagged (delivered) mail off the Clerk's list. */
    public synchronized void acknowledge(String key, String reviewerId, Optional<String> note) throws MessagingException, Refused {
        decide(false, key, reviewer(reviewerId), "acknowledged", note, (mail, record) -> {
        });
    }

    private interface Decision {
        void apply(Mail mail, CheckRecord record) throws MessagingException;
    }

    /** Takes the mail {@code key} out of its repository once {@code decision} has been carried out, and audits it. */
    private void decide(boolean heldMail, String key, Person reviewer, String event, Optional<String> reason, Decision decision)
        throws MessagingException, Refused {
        MailRepository repository = held(heldMail);
        Mail mail = repository.retrieve(new MailKey(key));
        if (mail == null) {
            throw new Refused(404, "no " + (heldMail ? "held" : "flagged") + " message " + key);
        }
        CheckRecord record;
        try {
            record = CheckRecordAttribute.get(mail).orElseThrow(() -> new MessagingException(key + " has no check record"));
            decision.apply(mail, record);
        } finally {
            LifecycleUtil.dispose(mail);
        }
        repository.remove(new MailKey(key));
        services.audit().record(new AuditEvent(Instant.now(), event, key, record.messageId(), record.subject(), record.sender(),
            record.recipients(), Optional.empty(), Optional.of(reviewer.id()), reason));
    }

    private Person reviewer(String reviewerId) throws Refused {
        return services.directory().current().reviewers().stream().filter(p -> p.id().equals(reviewerId)).findFirst()
            .orElseThrow(() -> new Refused(403, reviewerId + " is not a reviewer in the directory"));
    }

    private MailRepository held(boolean held) throws MessagingException {
        try {
            return held ? services.repositories().held(repositories) : services.repositories().flagged(repositories);
        } catch (MailRepositoryStore.MailRepositoryStoreException e) {
            throw new MessagingException("the gateway's mail repositories cannot be reached", e);
        }
    }

    private static List<Entry> entries(MailRepository repository) throws MessagingException {
        List<Entry> entries = new ArrayList<>();
        Iterator<MailKey> keys = repository.list();
        while (keys.hasNext()) {
            entry(repository, keys.next().asString()).ifPresent(entries::add);
        }
        entries.sort((a, b) -> a.since().compareTo(b.since()));
        return List.copyOf(entries);
    }

    private static Optional<byte[]> message(MailRepository repository, String key) throws MessagingException {
        Mail mail = repository.retrieve(new MailKey(key));
        if (mail == null) {
            return Optional.empty();
        }
        try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            mail.getMessage().writeTo(out);
            return Optional.of(out.toByteArray());
        } catch (java.io.IOException e) {
            throw new MessagingException("the message " + key + " cannot be read", e);
        } finally {
            LifecycleUtil.dispose(mail);
        }
    }

    private static Optional<Entry> entry(MailRepository repository, String key) throws MessagingException {
        Mail mail = repository.retrieve(new MailKey(key));
        if (mail == null) {
            return Optional.empty();
        }
        try {
            Optional<CheckRecord> record = CheckRecordAttribute.get(mail);
            String outcome = Optional.ofNullable(mail.getMessage().getHeader(org.correspondencegateway.action.ActionPlan.HEADER, "; ")).orElse("");
            Instant since = Optional.ofNullable(mail.getLastUpdated()).map(java.util.Date::toInstant).orElse(Instant.EPOCH);
            return record.map(r -> new Entry(key, since, r, outcome));
        } finally {
            LifecycleUtil.dispose(mail);
        }
    }
}

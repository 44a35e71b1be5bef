package org.correspondencegateway.james;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
import org.correspondencegateway.action.ActionPlan;
import org.correspondencegateway.action.CheckRecord;
import org.correspondencegateway.action.ReviewEntry;
import org.correspondencegateway.audit.AuditEvent;
import org.correspondencegateway.directory.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Town Clerk's decisions on held and flagged mail, as services the console calls through webadmin
 * ({@link ProtocolRoutes}): release (delivered exactly once), reject (the sender gets the Clerk's
 * reason), acknowledge a flagged message. Only people the directory names as reviewers may decide;
 * every decision is audited.
 *
 * <p>Decisions on one JVM are serialised, so two reviewers pressing "release" at once deliver once.
 * A decision is carried out first (a released mail put on James's durable spool, to the
 * {@value #RELEASED} processor; a rejection notice sent), then audited, then the mail is removed from
 * the held repository: a crash between the audit and the removal is completed by the next listing
 * ({@link #held()}); a crash between putting it on the spool and the audit leaves it looking held, and
 * should the Clerk release it again, {@link ReleaseHeldMail} keeps that second copy instead of
 * delivering it (each release has an id). A mail is never lost on the way.
 * In a cluster the serialisation is per node: two nodes releasing the same mail at the same moment
 * could both put it on its way, and only a release ledger on storage the nodes share keeps the second
 * copy back.
 */
@Singleton
public final class HeldMail {
    private static final Logger LOGGER = LoggerFactory.getLogger(HeldMail.class);
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

    /**
     * The held mail, oldest first. A mail whose release or rejection is in the audit log but which is
     * still in the repository (the gateway stopped between the two) is taken out now, so that it is
     * never released twice.
     */
    public synchronized List<ReviewEntry> held() throws MessagingException {
        MailRepository repository = held(true);
        Set<String> keys = new HashSet<>();
        repository.list().forEachRemaining(key -> keys.add(key.asString()));
        Map<String, List<AuditEvent>> trails = services.audit().forMails(keys);
        for (String key : keys) {
            List<AuditEvent> trail = trails.getOrDefault(key, List.of());
            if (trail.stream().anyMatch(e -> AuditEvent.FINAL_DECISIONS.contains(e.event()))) {
                LOGGER.warn("Held mail {} was {} before the gateway stopped; taking it out of the held repository now", key,
                    trail.get(trail.size() - 1).event());
                repository.remove(new MailKey(key));
            }
        }
        return entries(repository);
    }

    public synchronized List<ReviewEntry> flagged() throws MessagingException {
        return entries(held(false));
    }

    public Optional<ReviewEntry> held(String key) throws MessagingException {
        return entry(held(true), key);
    }

    public Optional<ReviewEntry> flagged(String key) throws MessagingException {
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
            ReleaseHeldMail.identify(copy, UUID.randomUUID().toString());
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
        if (heldMail && services.audit().forMail(key).stream().anyMatch(e -> AuditEvent.FINAL_DECISIONS.contains(e.event()))) {
            // decided before the gateway stopped, and not yet taken out: finish that, and decide nothing more
            LifecycleUtil.dispose(mail);
            repository.remove(new MailKey(key));
            throw new Refused(404, "no held message " + key + ": it was already decided");
        }
        CheckRecord record;
        try {
            record = record(mail);
            decision.apply(mail, record);
        } finally {
            LifecycleUtil.dispose(mail);
        }
        // audited before it leaves the repository: a crash in between is completed by the next listing
        services.audit().record(new AuditEvent(Instant.now(), event, key, record.messageId(), record.subject(), record.sender(),
            record.recipients(), Optional.empty(), Optional.of(reviewer.id()), reason));
        repository.remove(new MailKey(key));
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

    private static List<ReviewEntry> entries(MailRepository repository) throws MessagingException {
        List<ReviewEntry> entries = new ArrayList<>();
        Iterator<MailKey> keys = repository.list();
        while (keys.hasNext()) {
            entry(repository, keys.next().asString()).ifPresent(entries::add);
        }
        entries.sort((a, b) -> a.since().compareTo(b.since()));
        return List.copyOf(entries);
    }

    /** The check's record kept with the mail; a mail without one is still shown, as one that could not be read. */
    static CheckRecord record(Mail mail) {
        return CheckRecordAttribute.get(mail).orElseGet(() -> CheckRecord.unreadable(
            mail.getMaybeSender().asOptional().map(a -> a.asString()), mail.getRecipients().stream().map(a -> a.asString()).toList(),
            subject(mail), "the check's record is missing from the repository"));
    }

    private static String subject(Mail mail) {
        try {
            return Optional.ofNullable(mail.getMessage().getSubject()).orElse("");
        } catch (MessagingException e) {
            return "";
        }
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

    private static Optional<ReviewEntry> entry(MailRepository repository, String key) throws MessagingException {
        Mail mail = repository.retrieve(new MailKey(key));
        if (mail == null) {
            return Optional.empty();
        }
        try {
            CheckRecord record = record(mail);
            String outcome = Optional.ofNullable(mail.getMessage().getHeader(ActionPlan.HEADER, "; ")).orElse("");
            Instant since = Optional.ofNullable(mail.getLastUpdated()).map(java.util.Date::toInstant).orElse(Instant.EPOCH);
            return Optional.of(new ReviewEntry(key, since, record, outcome));
        } finally {
            LifecycleUtil.dispose(mail);
        }
    }
}

package org.correspondencegateway.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.imap.ImapConstants;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.Store;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;

/**
 * What the council's mail server (GreenMail, the gateway's next hop) received, copy by copy and
 * mailbox by mailbox: the mail people sent, and the gateway's notices (which carry
 * {@code X-Correspondence-Gateway}). GreenMail 2 speaks Jakarta Mail 2
 * ({@code jakarta.mail}); the gateway, like James 3.8, {@code javax.mail}.
 */
public final class Mailboxes {
    private static final String NOTICE_FIELD = "X-Correspondence-Gateway";

    private final GreenMailExtension server;

    public Mailboxes(GreenMailExtension server) {
        this.server = server;
    }

    /** One copy of a message, in one recipient's mailbox. */
    public record Copy(String recipient, MimeMessage message) {
        public RawMessage raw() {
            return RawMessage.parse(GreenMailUtil.getWholeMessage(message));
        }

        /** The notice's kind (sender, clerk-held, rejected), if this copy is a gateway notice. */
        public Optional<String> notice() {
            return header(NOTICE_FIELD);
        }

        /** The gateway's outcome field. */
        public Optional<String> outcome() {
            return header("X-Protocol-Check");
        }

        public String messageId() {
            return header("Message-ID").orElse("");
        }

        /** Whether this copy is the message sent with {@code messageId}, or a notice about it. */
        public boolean concerns(String messageId) {
            return messageId().contains(messageId) || header("In-Reply-To").orElse("").contains(messageId);
        }

        /** The text of the first part of {@code type} (text/plain, text/html), however deep. */
        public String text(String type) {
            try {
                return find(message, type).orElseThrow(() -> new AssertionError("no " + type + " part"));
            } catch (MessagingException | IOException e) {
                throw new AssertionError(e);
            }
        }

        private Optional<String> header(String name) {
            try {
                return Optional.ofNullable(message.getHeader(name, ", "));
            } catch (MessagingException e) {
                throw new AssertionError(e);
            }
        }

        private static Optional<String> find(jakarta.mail.Part part, String type) throws MessagingException, IOException {
            if (part.isMimeType(type) && !jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return Optional.of(String.valueOf(part.getContent()));
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    Optional<String> found = find(child, type);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Every copy received so far, read in one walk over GreenMail's folders. (GreenMail's own
     * per-user look-ups scan every mailbox each time: after the 10,000-recipient test, reading all
     * copies that way took minutes.)
     */
    public List<Copy> copies() {
        Map<String, String> addressByMailbox = new HashMap<>();
        for (GreenMailUser user : server.getUserManager().listUser()) {
            addressByMailbox.put(user.getQualifiedMailboxName().toLowerCase(Locale.ROOT), user.getEmail());
        }
        Store store = server.getManagers().getImapHostManager().getStore();
        MailFolder users = store.getMailbox(ImapConstants.USER_NAMESPACE);
        if (users == null) {
            return List.of();
        }
        List<Copy> copies = new ArrayList<>();
        for (MailFolder mailbox : snapshot(store.getChildren(users))) {
            String recipient = addressByMailbox.get(mailbox.getName().toLowerCase(Locale.ROOT));
            if (recipient == null) {
                continue;
            }
            for (MailFolder folder : snapshot(store.getChildren(mailbox))) {
                if (folder.getName().equalsIgnoreCase(ImapConstants.INBOX_NAME)) {
                    folder.getMessages().forEach(stored -> copies.add(new Copy(recipient, stored.getMimeMessage())));
                }
            }
        }
        return List.copyOf(copies);
    }

    /** GreenMail's folder lists are plain lists that grow as mail arrives: copy, never iterate them. */
    private static List<MailFolder> snapshot(Collection<MailFolder> folders) {
        return new ArrayList<>(folders).stream().filter(Objects::nonNull).toList();
    }

    /** The copies of the message sent with {@code messageId} (not the notices about it). */
    public List<Copy> mail(String messageId) {
        return copies().stream().filter(c -> c.notice().isEmpty() && c.messageId().contains(messageId)).toList();
    }

    /** The gateway's notices about the message sent with {@code messageId}. */
    public List<Copy> notices(String messageId) {
        return copies().stream().filter(c -> c.notice().isPresent() && c.concerns(messageId)).toList();
    }

    /** Every notice the gateway has sent. */
    public List<Copy> notices() {
        return copies().stream().filter(c -> c.notice().isPresent()).toList();
    }

    /**
     * Waits until the copies matching {@code which} number at least {@code count}, then a moment
     * more, so that a copy too many, were there one, would be counted; returns them.
     */
    public List<Copy> waitFor(int count, Predicate<Copy> which) {
        await().atMost(Duration.ofSeconds(60)).until(() -> copies().stream().filter(which).count() >= count);
        await().pollDelay(Duration.ofMillis(700)).until(() -> true);
        return copies().stream().filter(which).toList();
    }

    public List<Copy> awaitMail(String messageId, int count) {
        return waitFor(count, c -> c.notice().isEmpty() && c.messageId().contains(messageId));
    }

    public List<Copy> awaitNotices(String messageId, int count) {
        return waitFor(count, c -> c.notice().isPresent() && c.concerns(messageId));
    }
}

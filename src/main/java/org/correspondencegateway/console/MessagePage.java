package org.correspondencegateway.console;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.correspondencegateway.action.ReviewEntry;
import org.correspondencegateway.audit.AuditEvent;
import org.correspondencegateway.directory.Directory;
import org.correspondencegateway.directory.EmailAddress;
import org.correspondencegateway.directory.LiveDirectory;
import org.correspondencegateway.directory.Party;
import org.correspondencegateway.message.Location;
import org.correspondencegateway.rules.FindingSummary;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;

/**
 * One held or flagged message: its sender and recipients with their roles, each finding with its
 * protocol paragraphs, explanation, evidence and advice, the message's text with the evidence marked
 * (and the lines around it in the attachments it was found in),
 * the message as formatted by the sender (sanitised), its attachments to download, and its audit trail.
 */
final class MessagePage {
    /** A protocol citation's source file, e.g. "(004_67db9816b9dd2982.txt)" at its end. */
    private static final Pattern SOURCE = Pattern.compile("^(.*) \\(([^()]+\\.txt)\\)$");

    private final Layout layout;
    private final ReviewQueueClient gateway;
    private final LiveDirectory directory;
    private final AttachmentExcerpts excerpts;
    private final Clock clock;

    MessagePage(Layout layout, ReviewQueueClient gateway, LiveDirectory directory, AttachmentExcerpts excerpts, Clock clock) {
        this.layout = layout;
        this.gateway = gateway;
        this.directory = directory;
        this.excerpts = excerpts;
        this.clock = clock;
    }

    /** GET /{queue}/{key} */
    void show(HttpServerExchange exchange, Sessions.Session session) {
        Optional<ReviewQueueClient.Queue> queue = queue(exchange);
        String key = Exchanges.param(exchange, "key");
        if (queue.isEmpty()) {
            layout.error(exchange, Optional.of(session), StatusCodes.NOT_FOUND, "There is no such page.");
            return;
        }
        Optional<ReviewQueueClient.Detail> detail;
        Optional<byte[]> raw;
        try {
            detail = gateway.detail(queue.get(), key);
            raw = gateway.message(queue.get(), key);
        } catch (ReviewQueueClient.Unavailable e) {
            layout.unreachable(exchange, Optional.of(session), e);
            return;
        }
        if (detail.isEmpty() || raw.isEmpty()) {
            layout.error(exchange, Optional.of(session), StatusCodes.NOT_FOUND, "This message is no longer " + queue.get().path()
                + ": someone may have decided on it already. Its audit trail is on the dashboard.");
            return;
        }
        ReviewEntry entry = detail.get().entry();
        MessageView view = MessageView.of(raw.get());
        List<FindingSummary.EvidenceView> found = entry.record().findings().stream().flatMap(f -> f.evidence().stream()).toList();
        List<String> evidence = found.stream().map(FindingSummary.EvidenceView::words).toList();
        Directory people = directory.current();
        String base = "/" + queue.get().path() + "/" + Exchanges.encode(key);
        String subject = entry.record().subject().isBlank() ? "(no subject)" : entry.record().subject();

        Map<String, Object> model = layout.model(Optional.of(session));
        model.put("queue", queue.get().path());
        model.put("isHeld", queue.get() == ReviewQueueClient.Queue.HELD);
        model.put("mayDecide", session.user().mayDecide());
        model.put("base", base);
        model.put("title", subject);
        model.put("subjectMarked", Highlighter.mark(subject, evidence));
        model.put("since", Layout.WHEN.format(entry.since().atZone(Layout.LONDON)));
        model.put("age", Dashboard.words(Duration.between(entry.since(), clock.instant())));
        model.put("outcome", entry.outcome());
        model.put("sender", entry.record().sender().map(a -> party(people, a)).orElse(Map.of("address", "(no sender)", "role", "")));
        model.put("recipients", entry.record().recipients().stream().map(a -> party(people, a)).toList());
        model.put("findings", entry.record().findings().stream().map(MessagePage::finding).toList());
        model.put("uncheckable", entry.record().uncheckable());
        model.put("hasUncheckable", !entry.record().uncheckable().isEmpty());
        model.put("textMarked", Highlighter.mark(view.text(), evidence));
        view.safeHtml().ifPresent(html -> model.put("safeHtml", html));
        model.put("attachments", view.attachments().stream().map(a -> Map.of("href", base + "/attachments/" + a.index(),
            "name", a.name(), "type", a.contentType(), "size", a.sizeInWords())).toList());
        model.put("excerpts", excerpts.of(raw.get(), view.attachments(), found).stream()
            .map(e -> Map.of("attachment", e.attachment(), "markedHtml", e.markedHtml())).toList());
        view.problem().ifPresent(p -> model.put("problem", p));
        model.put("audit", detail.get().audit().stream().map(e -> auditRow(people, e)).toList());
        layout.show(exchange, StatusCodes.OK, "message", model);
    }

    /** GET /{queue}/{key}/original: the whole message, as an .eml file. */
    void original(HttpServerExchange exchange, Sessions.Session session) throws ReviewQueueClient.Unavailable {
        Optional<ReviewQueueClient.Queue> queue = queue(exchange);
        Optional<byte[]> raw = queue.isEmpty() ? Optional.empty() : gateway.message(queue.get(), Exchanges.param(exchange, "key"));
        if (raw.isEmpty()) {
            layout.error(exchange, Optional.of(session), StatusCodes.NOT_FOUND, "This message is no longer in the queue.");
            return;
        }
        Exchanges.download(exchange, "message.eml", raw.get());
    }

    /** GET /{queue}/{key}/attachments/{index}: one attachment, as a file. */
    void attachment(HttpServerExchange exchange, Sessions.Session session) throws ReviewQueueClient.Unavailable {
        Optional<ReviewQueueClient.Queue> queue = queue(exchange);
        Optional<byte[]> raw = queue.isEmpty() ? Optional.empty() : gateway.message(queue.get(), Exchanges.param(exchange, "key"));
        Optional<MessageView.Download> download = Optional.empty();
        try {
            int index = Integer.parseInt(Exchanges.param(exchange, "index"));
            download = raw.flatMap(bytes -> MessageView.attachment(bytes, index));
        } catch (NumberFormatException e) {
            // no such attachment
        }
        if (download.isEmpty()) {
            layout.error(exchange, Optional.of(session), StatusCodes.NOT_FOUND, "There is no such attachment.");
            return;
        }
        Exchanges.download(exchange, download.get().name(), download.get().content());
    }

    private static Optional<ReviewQueueClient.Queue> queue(HttpServerExchange exchange) {
        String name = Exchanges.param(exchange, "queue");
        for (ReviewQueueClient.Queue queue : ReviewQueueClient.Queue.values()) {
            if (queue.path().equals(name)) {
                return Optional.of(queue);
            }
        }
        return Optional.empty();
    }

    private static Map<String, Object> finding(FindingSummary finding) {
        Map<String, Object> view = new HashMap<>();
        view.put("title", finding.title());
        view.put("severity", finding.severity().toLowerCase(java.util.Locale.ROOT));
        view.put("protocols", finding.protocols().stream().map(MessagePage::citation).toList());
        view.put("explanation", finding.explanation());
        view.put("advice", finding.advice());
        view.put("concerned", finding.concerned().stream().map(FindingSummary.PartyView::describe).toList());
        view.put("evidence", finding.evidence().stream().map(e -> Map.of(
            "where", e.where(),
            "why", e.why(),
            "inAttachment", e.location().equals(Location.ATTACHMENT_TEXT.name()) || e.location().equals(Location.ATTACHMENT_NAME.name()),
            "wordsMarked", "<mark>" + Highlighter.escape(e.words()) + "</mark>")).toList());
        return view;
    }

    /** A protocol paragraph as the Clerk reads it, with the text file it comes from set apart (for the IT provider). */
    private static Map<String, String> citation(String cited) {
        Matcher parts = SOURCE.matcher(cited);
        return parts.matches() ? Map.of("text", parts.group(1), "source", parts.group(2)) : Map.of("text", cited, "source", "");
    }

    private static Map<String, Object> party(Directory people, String address) {
        Optional<EmailAddress> parsed = EmailAddress.parse(address);
        if (parsed.isEmpty()) {
            return Map.of("address", address, "role", "unknown");
        }
        Party party = people.resolve(parsed.get());
        return Map.of("address", address, "role", party.role().label(), "name", party.person().map(p -> p.name()).orElse(""));
    }

    private static Map<String, Object> auditRow(Directory people, AuditEvent event) {
        Map<String, Object> row = new HashMap<>();
        row.put("when", Layout.WHEN.format(event.time().atZone(Layout.LONDON)));
        row.put("event", event.event());
        row.put("actor", event.actor().flatMap(id -> people.person(id).map(p -> p.name())).or(event::actor).orElse("the gateway"));
        row.put("detail", event.reason().or(event::outcome).orElse(""));
        return row;
    }
}

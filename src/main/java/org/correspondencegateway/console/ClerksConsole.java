package org.correspondencegateway.console;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.correspondencegateway.action.ReviewEntry;
import org.correspondencegateway.audit.AuditEvent;
import org.correspondencegateway.directory.Directory;
import org.correspondencegateway.directory.EmailAddress;
import org.correspondencegateway.directory.LiveDirectory;
import org.correspondencegateway.directory.Party;
import org.correspondencegateway.message.Location;
import org.correspondencegateway.rules.FindingSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.server.handlers.CookieImpl;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormDataParser;
import io.undertow.server.handlers.form.FormParserFactory;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;

/**
 * The Town Clerk's console: a web server (Undertow) on 127.0.0.1:8080 by default where the Clerk and
 * deputies review held mail and release or reject it, and viewers (e.g. the Chair) read along.
 *
 * <p>It keeps no mail and decides nothing itself: every list, message and decision goes through the
 * gateway's webadmin routes ({@link ReviewQueueClient}), so it serves the embedded gateway and a remote
 * James alike. What it does keep: sessions and failed sign-in counts, as small files in its state directory
 * (under the data directory), which consoles behind one address can share; nothing else.
 *
 * <pre>
 * GET  /sign-in, POST /sign-in, POST /sign-out
 * GET  /                                  the queue: held (oldest first), then flagged; filters
 * GET  /held/{key}, /flagged/{key}        a message: parties, findings, evidence marked, the message, its audit trail
 * GET  /held/{key}/attachments/{n}        an attachment, as a download; /original: the whole message (.eml)
 * POST /held/{key}/release                note (optional)
 * POST /held/{key}/reject                 reason (required; sent to the sender)
 * POST /flagged/{key}/acknowledge         note (optional)
 * GET  /dashboard                         findings per rule per week and month, held time, senders
 * </pre>
 * Every POST carries the session's CSRF token; every page is sent with a Content-Security-Policy that
 * allows nothing but the console's own scripts and styles.
 */
public final class ClerksConsole implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(ClerksConsole.class);
    private static final String COOKIE = "cg-session";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);
    private static final int AUDIT_EVENTS = 10_000;
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final ConsoleSettings settings;
    private final ReviewQueueClient gateway;
    private final LiveDirectory directory;
    private final PasswordFile passwords;
    private final Sessions sessions;
    private final LockOut lockOut;
    private final Clock clock;
    private final Pages pages = new Pages();
    private final ObjectMapper json = new ObjectMapper();
    private final Undertow server;

    private ClerksConsole(ConsoleSettings settings, LiveDirectory directory, Clock clock) {
        this.settings = settings;
        this.gateway = new ReviewQueueClient(settings.webAdmin(), settings.webAdminToken());
        this.directory = directory;
        this.passwords = new PasswordFile(settings.passwordFile());
        this.sessions = new Sessions(settings.stateDirectory().resolve("sessions"), settings.sessionLength(), clock);
        this.lockOut = new LockOut(settings.stateDirectory().resolve("lock-out"), settings.lockOut(), clock);
        this.clock = clock;
        RoutingHandler routes = Handlers.routing()
            .get("/sign-in", this::signInPage)
            .post("/sign-in", this::signIn)
            .post("/sign-out", signedIn(this::signOut))
            .get("/", signedIn(this::queue))
            .get("/dashboard", signedIn(this::dashboard))
            .get("/{queue}/{key}", signedIn(this::message))
            .get("/{queue}/{key}/original", signedIn(this::original))
            .get("/{queue}/{key}/attachments/{index}", signedIn(this::attachment))
            .post("/held/{key}/release", decision(this::release))
            .post("/held/{key}/reject", decision(this::reject))
            .post("/flagged/{key}/acknowledge", decision(this::acknowledge))
            .get("/static/{file}", this::asset)
            .setFallbackHandler(exchange -> error(exchange, StatusCodes.NOT_FOUND, "There is no such page."));
        this.server = Undertow.builder().addHttpListener(settings.port(), settings.bind())
            .setHandler(new BlockingHandler(exchange -> {
                secure(exchange);
                try {
                    routes.handleRequest(exchange);
                } catch (Exception e) {
                    LOGGER.error("The console failed on {} {}", exchange.getRequestMethod(), exchange.getRequestPath(), e);
                    if (!exchange.isResponseStarted()) {
                        error(exchange, StatusCodes.INTERNAL_SERVER_ERROR, "Something went wrong on this page. Nothing was decided.");
                    }
                }
            })).build();
    }

    /** Starts the console; it listens until {@link #close()}. */
    public static ClerksConsole start(ConsoleSettings settings, LiveDirectory directory) {
        return start(settings, directory, Clock.systemUTC());
    }

    static ClerksConsole start(ConsoleSettings settings, LiveDirectory directory, Clock clock) {
        ClerksConsole console = new ClerksConsole(settings, directory, clock);
        console.server.start();
        return console;
    }

    /** The port it listens on (the one chosen when the settings said 0). */
    public int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    public String url() {
        return "http://" + settings.bind() + ":" + port();
    }

    public PasswordFile passwords() {
        return passwords;
    }

    @Override
    public void close() {
        server.stop();
    }

    // --- signing in and out -------------------------------------------------------------------

    private interface Page {
        void handle(HttpServerExchange exchange, Sessions.Session session) throws Exception;
    }

    private io.undertow.server.HttpHandler signedIn(Page page) {
        return exchange -> {
            Optional<Sessions.Session> session = session(exchange);
            if (session.isEmpty()) {
                if (exchange.getRequestMethod().equalToString("GET")) {
                    redirect(exchange, "/sign-in?next=" + URLEncoder.encode(exchange.getRequestURI()
                        + (exchange.getQueryString().isEmpty() ? "" : "?" + exchange.getQueryString()), StandardCharsets.UTF_8));
                } else {
                    error(exchange, StatusCodes.FORBIDDEN, "Your session has ended. Sign in again, then repeat what you did.");
                }
                return;
            }
            page.handle(exchange, session.get());
        };
    }

    private interface Decision {
        void decide(HttpServerExchange exchange, Sessions.Session session, String key, Map<String, String> form) throws Exception;
    }

    /** A POST that decides: signed in, the session's CSRF token, and a reviewer. */
    private io.undertow.server.HttpHandler decision(Decision decision) {
        return signedIn((exchange, session) -> {
            Map<String, String> form = form(exchange);
            if (!csrfMatches(form, session)) {
                error(exchange, StatusCodes.FORBIDDEN, "This form has expired or did not come from the console. Nothing was decided; "
                    + "open the message again and repeat.");
                return;
            }
            if (!session.user().mayDecide()) {
                error(exchange, StatusCodes.FORBIDDEN, session.user().name() + " may read the console but not release or reject mail.");
                return;
            }
            decision.decide(exchange, session, param(exchange, "key"), form);
        });
    }

    private void signInPage(HttpServerExchange exchange) throws IOException {
        Map<String, Object> model = model(Optional.empty());
        model.put("title", "Sign in");
        model.put("next", safeNext(param(exchange, "next")));
        model.put("nobodyYet", passwords.isEmpty());
        model.put("passwordFile", passwords.file().toString());
        html(exchange, StatusCodes.OK, pages.render("sign-in", model));
    }

    private void signIn(HttpServerExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        String name = form.getOrDefault("name", "").strip().toLowerCase(Locale.ROOT);
        char[] password = form.getOrDefault("password", "").toCharArray();
        String next = safeNext(form.getOrDefault("next", "/"));
        Optional<ConsoleUser> user = ConsoleUser.of(directory.current(), name);
        String refusal;
        if (lockOut.isLocked(name)) {
            refusal = lockedOut() + ", or ask the IT provider to set a new password.";
            LOGGER.warn("Console sign-in refused for {}: locked out", name);
        } else if (user.isPresent() && passwords.matches(name, password)) {
            lockOut.succeeded(name);
            Sessions.Session session = sessions.open(user.get());
            exchange.setResponseCookie(cookie(session.id()));
            LOGGER.info("Console sign-in: {} ({})", name, user.get().role().label());
            redirect(exchange, next);
            return;
        } else {
            passwords.matches("", password); // the same work whether the name exists or not
            boolean locked = lockOut.failed(name);
            refusal = locked ? lockedOut() + "." : "That name and password do not match. Check both and try again.";
            LOGGER.warn("Console sign-in failed for {}{}", name, locked ? "; now locked out" : "");
        }
        Map<String, Object> model = model(Optional.empty());
        model.put("title", "Sign in");
        model.put("next", next);
        model.put("name", name);
        model.put("refusal", refusal);
        html(exchange, StatusCodes.UNAUTHORIZED, pages.render("sign-in", model));
    }

    private String lockedOut() {
        return "Too many failed attempts for this name. Wait " + Dashboard.words(settings.lockOut().lasting()) + " and try again";
    }

    private void signOut(HttpServerExchange exchange, Sessions.Session session) throws IOException {
        if (!csrfMatches(form(exchange), session)) {
            error(exchange, StatusCodes.FORBIDDEN, "This form did not come from the console.");
            return;
        }
        sessions.close(session.id());
        exchange.setResponseCookie(cookie("").setMaxAge(0));
        redirect(exchange, "/sign-in");
    }

    // --- the queue --------------------------------------------------------------------------------

    private void queue(HttpServerExchange exchange, Sessions.Session session) throws Exception {
        List<ReviewEntry> held;
        List<ReviewEntry> flagged;
        try {
            held = gateway.list(ReviewQueueClient.Queue.HELD);
            flagged = gateway.list(ReviewQueueClient.Queue.FLAGGED);
        } catch (ReviewQueueClient.Unavailable e) {
            unreachable(exchange, e);
            return;
        }
        String rule = param(exchange, "rule");
        String sender = param(exchange, "sender").strip().toLowerCase(Locale.ROOT);
        Optional<LocalDate> from = date(param(exchange, "from"));
        Optional<LocalDate> to = date(param(exchange, "to"));
        Predicate<ReviewEntry> wanted = entry -> (rule.isEmpty() || rules(entry).contains(rule))
            && (sender.isEmpty() || entry.record().sender().orElse("").toLowerCase(Locale.ROOT).contains(sender)
                || entry.record().senderName().orElse("").toLowerCase(Locale.ROOT).contains(sender))
            && from.map(day -> !entry.since().atZone(LONDON).toLocalDate().isBefore(day)).orElse(true)
            && to.map(day -> !entry.since().atZone(LONDON).toLocalDate().isAfter(day)).orElse(true);

        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> titles = new TreeMap<>();
        for (ReviewEntry entry : concat(held, flagged)) {
            for (String id : rules(entry)) {
                counts.merge(id, 1, Integer::sum);
            }
            entry.record().findings().forEach(f -> titles.putIfAbsent(f.rule(), f.title()));
        }
        List<Map<String, Object>> ruleCounts = new ArrayList<>();
        counts.forEach((id, count) -> ruleCounts.add(Map.of("id", id, "title", titles.getOrDefault(id, title(id)), "count", count,
            "selected", id.equals(rule))));

        Map<String, Object> model = model(Optional.of(session));
        List<Map<String, Object>> heldRows = held.stream().filter(wanted).map(e -> row(e, "held")).toList();
        List<Map<String, Object>> flaggedRows = flagged.stream().filter(wanted).map(e -> row(e, "flagged")).toList();
        model.put("title", "Review queue");
        model.put("held", heldRows);
        model.put("hasHeld", !heldRows.isEmpty());
        model.put("flagged", flaggedRows);
        model.put("hasFlagged", !flaggedRows.isEmpty());
        model.put("heldTotal", held.size());
        model.put("flaggedTotal", flagged.size());
        model.put("ruleCounts", ruleCounts);
        model.put("filter", Map.of("rule", rule, "sender", param(exchange, "sender"), "from", param(exchange, "from"), "to", param(exchange, "to")));
        model.put("filtered", !rule.isEmpty() || !sender.isEmpty() || from.isPresent() || to.isPresent());
        model.put("done", Optional.ofNullable(DONE.get(param(exchange, "done"))).orElse(""));
        status().ifPresent(s -> model.put("status", s));
        html(exchange, StatusCodes.OK, pages.render("queue", model));
    }

    private static final Map<String, String> DONE = Map.of("released", "Released: the message is on its way, once.",
        "rejected", "Rejected: the sender has been told your reason.", "acknowledged", "Acknowledged: taken off the list.");

    private Map<String, Object> row(ReviewEntry entry, String queue) {
        Map<String, Object> row = new HashMap<>();
        row.put("href", "/" + queue + "/" + encode(entry.key()));
        row.put("subject", entry.record().subject().isBlank() ? "(no subject)" : entry.record().subject());
        row.put("sender", entry.record().senderName().map(n -> n + " <" + entry.record().sender().orElse("") + ">")
            .orElse(entry.record().sender().orElse("(no sender)")));
        row.put("recipients", String.join(", ", entry.record().recipients()));
        row.put("age", Dashboard.words(Duration.between(entry.since(), clock.instant())));
        row.put("since", WHEN.format(entry.since().atZone(LONDON)));
        row.put("sinceIso", entry.since().toString());
        row.put("rules", entry.record().findings().stream().map(FindingSummary::title).distinct().toList());
        row.put("unchecked", !entry.record().uncheckable().isEmpty());
        row.put("outcome", entry.outcome());
        return row;
    }

    // --- one message ------------------------------------------------------------------------------

    private void message(HttpServerExchange exchange, Sessions.Session session) throws Exception {
        Optional<ReviewQueueClient.Queue> queue = queue(exchange);
        String key = param(exchange, "key");
        if (queue.isEmpty()) {
            error(exchange, StatusCodes.NOT_FOUND, "There is no such page.");
            return;
        }
        Optional<ReviewQueueClient.Detail> detail;
        Optional<byte[]> raw;
        try {
            detail = gateway.detail(queue.get(), key);
            raw = gateway.message(queue.get(), key);
        } catch (ReviewQueueClient.Unavailable e) {
            unreachable(exchange, e);
            return;
        }
        if (detail.isEmpty() || raw.isEmpty()) {
            error(exchange, StatusCodes.NOT_FOUND, "This message is no longer " + queue.get().path()
                + ": someone may have decided on it already. Its audit trail is on the dashboard.");
            return;
        }
        ReviewEntry entry = detail.get().entry();
        MessageView view = MessageView.of(raw.get());
        List<String> evidence = entry.record().findings().stream().flatMap(f -> f.evidence().stream()).map(FindingSummary.EvidenceView::words).toList();
        Directory people = directory.current();

        Map<String, Object> model = model(Optional.of(session));
        model.put("queue", queue.get().path());
        model.put("isHeld", queue.get() == ReviewQueueClient.Queue.HELD);
        model.put("mayDecide", session.user().mayDecide());
        model.put("base", "/" + queue.get().path() + "/" + encode(key));
        model.put("subjectMarked", Highlighter.mark(entry.record().subject().isBlank() ? "(no subject)" : entry.record().subject(), evidence));
        model.put("since", WHEN.format(entry.since().atZone(LONDON)));
        model.put("age", Dashboard.words(Duration.between(entry.since(), clock.instant())));
        model.put("outcome", entry.outcome());
        model.put("sender", entry.record().sender().map(a -> party(people, a)).orElse(Map.of("address", "(no sender)", "role", "")));
        model.put("recipients", entry.record().recipients().stream().map(a -> party(people, a)).toList());
        model.put("findings", entry.record().findings().stream().map(this::finding).toList());
        model.put("uncheckable", entry.record().uncheckable());
        model.put("hasUncheckable", !entry.record().uncheckable().isEmpty());
        model.put("title", entry.record().subject().isBlank() ? "(no subject)" : entry.record().subject());
        model.put("textMarked", Highlighter.mark(view.text(), evidence));
        view.safeHtml().ifPresent(html -> model.put("safeHtml", html));
        model.put("attachments", view.attachments().stream().map(a -> Map.of("href", "/" + queue.get().path() + "/" + encode(key)
            + "/attachments/" + a.index(), "name", a.name(), "type", a.contentType(), "size", a.sizeInWords())).toList());
        view.problem().ifPresent(p -> model.put("problem", p));
        model.put("audit", detail.get().audit().stream().map(this::auditRow).toList());
        html(exchange, StatusCodes.OK, pages.render("message", model));
    }

    private Map<String, Object> finding(FindingSummary finding) {
        Map<String, Object> view = new HashMap<>();
        view.put("title", finding.title());
        view.put("severity", finding.severity().toLowerCase(Locale.ROOT));
        view.put("protocols", finding.protocols().stream().map(ClerksConsole::citation).toList());
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

    private static final java.util.regex.Pattern SOURCE = java.util.regex.Pattern.compile("^(.*) \\(([^()]+\\.txt)\\)$");

    /** A protocol paragraph as the Clerk reads it, with the text file it comes from set apart (for the IT provider). */
    private static Map<String, String> citation(String cited) {
        java.util.regex.Matcher parts = SOURCE.matcher(cited);
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

    /** "Jo Hughes <j.hughes@…>" for someone in the directory, else the address as it is. */
    private static String named(Directory people, String address) {
        return EmailAddress.parse(address).flatMap(a -> people.resolve(a).person()).map(p -> p.name() + " <" + address + ">").orElse(address);
    }

    private Map<String, Object> auditRow(AuditEvent event) {
        Map<String, Object> row = new HashMap<>();
        row.put("when", WHEN.format(event.time().atZone(LONDON)));
        row.put("event", event.event());
        row.put("actor", event.actor().flatMap(id -> directory.current().person(id).map(p -> p.name())).or(event::actor).orElse("the gateway"));
        row.put("detail", event.reason().or(event::outcome).orElse(""));
        return row;
    }

    private void original(HttpServerExchange exchange, Sessions.Session session) throws Exception {
        Optional<ReviewQueueClient.Queue> queue = queue(exchange);
        Optional<byte[]> raw = queue.isEmpty() ? Optional.empty() : gateway.message(queue.get(), param(exchange, "key"));
        if (raw.isEmpty()) {
            error(exchange, StatusCodes.NOT_FOUND, "This message is no longer in the queue.");
            return;
        }
        download(exchange, "message.eml", raw.get());
    }

    private void attachment(HttpServerExchange exchange, Sessions.Session session) throws Exception {
        Optional<ReviewQueueClient.Queue> queue = queue(exchange);
        Optional<byte[]> raw = queue.isEmpty() ? Optional.empty() : gateway.message(queue.get(), param(exchange, "key"));
        Optional<MessageView.Download> download = Optional.empty();
        try {
            int index = Integer.parseInt(param(exchange, "index"));
            download = raw.flatMap(bytes -> MessageView.attachment(bytes, index));
        } catch (NumberFormatException e) {
            // no such attachment
        }
        if (download.isEmpty()) {
            error(exchange, StatusCodes.NOT_FOUND, "There is no such attachment.");
            return;
        }
        download(exchange, download.get().name(), download.get().content());
    }

    // --- decisions --------------------------------------------------------------------------------

    private void release(HttpServerExchange exchange, Sessions.Session session, String key, Map<String, String> form) throws Exception {
        decided(exchange, "held", key, "released", () -> gateway.release(key, session.user().id(), text(form, "note")));
    }

    private void reject(HttpServerExchange exchange, Sessions.Session session, String key, Map<String, String> form) throws Exception {
        Optional<String> reason = text(form, "reason");
        if (reason.isEmpty()) {
            error(exchange, StatusCodes.BAD_REQUEST, "A rejection needs a reason: the sender is told it. Go back, write one, and reject again.");
            return;
        }
        decided(exchange, "held", key, "rejected", () -> gateway.reject(key, session.user().id(), reason.get()));
    }

    private void acknowledge(HttpServerExchange exchange, Sessions.Session session, String key, Map<String, String> form) throws Exception {
        decided(exchange, "flagged", key, "acknowledged", () -> gateway.acknowledge(key, session.user().id(), text(form, "note")));
    }

    private interface Call {
        void run() throws ReviewQueueClient.Unavailable;
    }

    private void decided(HttpServerExchange exchange, String queue, String key, String done, Call call) throws IOException {
        try {
            call.run();
        } catch (ReviewQueueClient.Unavailable e) {
            int status = e.status() == 0 ? StatusCodes.BAD_GATEWAY : e.status();
            error(exchange, status, "Nothing was decided: " + e.getMessage() + ".");
            return;
        }
        LOGGER.info("Console: {} {} {}", done, queue, key);
        redirect(exchange, "/?done=" + done);
    }

    // --- the dashboard ----------------------------------------------------------------------------

    private void dashboard(HttpServerExchange exchange, Sessions.Session session) throws Exception {
        List<AuditEvent> events;
        List<ReviewEntry> held;
        try {
            events = gateway.audit(AUDIT_EVENTS);
            held = gateway.list(ReviewQueueClient.Queue.HELD);
        } catch (ReviewQueueClient.Unavailable e) {
            unreachable(exchange, e);
            return;
        }
        Dashboard dashboard = Dashboard.of(events, clock.instant(), LONDON);
        Map<String, Object> model = model(Optional.of(session));
        model.put("title", "Dashboard");
        model.put("dashboard", dashboard);
        model.put("rules", dashboard.rules().stream().map(ClerksConsole::title).toList());
        model.put("hasFindings", !dashboard.rules().isEmpty());
        model.put("weekly", periods(dashboard.weekly()));
        model.put("monthly", periods(dashboard.monthly()));
        Directory people = directory.current();
        model.put("senders", dashboard.senders().stream().map(s -> Map.of("who", named(people, s.sender()), "findings", s.findings())).toList());
        model.put("waiting", held.size());
        model.put("oldestWaiting", held.stream().findFirst().map(e -> Dashboard.words(Duration.between(e.since(), clock.instant()))).orElse("none"));
        Map<String, Object> chart = new LinkedHashMap<>(dashboard.chartData());
        chart.put("rules", dashboard.rules().stream().map(ClerksConsole::title).toList());
        model.put("chartJson", json(chart));
        html(exchange, StatusCodes.OK, pages.render("dashboard", model));
    }

    private static List<Map<String, Object>> periods(List<Dashboard.Period> periods) {
        return periods.stream().map(p -> Map.<String, Object>of("label", p.label(), "counts", p.counts(), "total", p.total())).toList();
    }

    // --- plumbing ---------------------------------------------------------------------------------

    private Optional<Map<String, Object>> status() {
        try {
            return Optional.of(gateway.status());
        } catch (ReviewQueueClient.Unavailable e) {
            return Optional.empty();
        }
    }

    private Map<String, Object> model(Optional<Sessions.Session> session) {
        Map<String, Object> model = new HashMap<>();
        model.put("council", directory.current().council());
        session.ifPresent(s -> {
            model.put("user", s.user());
            model.put("roleLabel", s.user().role().label());
            model.put("csrf", s.csrfToken());
        });
        directory.problem().ifPresent(p -> model.put("directoryProblem", p.getMessage()));
        return model;
    }

    private Optional<Sessions.Session> session(HttpServerExchange exchange) {
        return Optional.ofNullable(exchange.getRequestCookie(COOKIE)).map(c -> c.getValue()).filter(id -> !id.isEmpty())
            .flatMap(id -> sessions.find(id, directory.current()));
    }

    private static boolean csrfMatches(Map<String, String> form, Sessions.Session session) {
        return java.security.MessageDigest.isEqual(form.getOrDefault("csrf", "").getBytes(StandardCharsets.UTF_8),
            session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    private static CookieImpl cookie(String value) {
        CookieImpl cookie = new CookieImpl(COOKIE, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSiteMode("Strict");
        return cookie;
    }

    private static Map<String, String> form(HttpServerExchange exchange) throws IOException {
        Map<String, String> fields = new HashMap<>();
        FormDataParser parser = FormParserFactory.builder().build().createParser(exchange);
        if (parser == null) {
            return fields;
        }
        FormData data = parser.parseBlocking();
        for (String name : data) {
            FormData.FormValue value = data.getFirst(name);
            if (value != null && !value.isFileItem()) {
                fields.put(name, value.getValue());
            }
        }
        return fields;
    }

    private static Optional<String> text(Map<String, String> form, String name) {
        return Optional.ofNullable(form.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static String param(HttpServerExchange exchange, String name) {
        return Optional.ofNullable(exchange.getQueryParameters().get(name)).map(d -> d.peekFirst()).orElse("");
    }

    private static Optional<ReviewQueueClient.Queue> queue(HttpServerExchange exchange) {
        String name = param(exchange, "queue");
        for (ReviewQueueClient.Queue queue : ReviewQueueClient.Queue.values()) {
            if (queue.path().equals(name)) {
                return Optional.of(queue);
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return text.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(text.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Where to go after signing in: a path in the console, never another site. */
    private static String safeNext(String next) {
        return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") && !next.contains("\r") && !next.contains("\n")
            ? next : "/";
    }

    private static List<String> rules(ReviewEntry entry) {
        List<String> rules = new ArrayList<>(entry.record().findings().stream().map(FindingSummary::rule).toList());
        Dashboard.rulesOf(entry.outcome()).stream().filter(r -> !rules.contains(r)).forEach(rules::add);
        return rules;
    }

    /** A rule id in words: {@code confidential-to-third-party} becomes "Confidential to third party". */
    static String title(String ruleId) {
        String words = ruleId.replace('-', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static List<ReviewEntry> concat(List<ReviewEntry> a, List<ReviewEntry> b) {
        List<ReviewEntry> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String json(Object value) {
        try {
            // inside <script type="application/json">: "<" written as \u003c so that no "</script>" can end it
            return json.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void secure(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(new HttpString("Content-Security-Policy"), CSP);
        exchange.getResponseHeaders().put(new HttpString("X-Content-Type-Options"), "nosniff");
        exchange.getResponseHeaders().put(new HttpString("X-Frame-Options"), "DENY");
        exchange.getResponseHeaders().put(new HttpString("Referrer-Policy"), "no-referrer");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    }

    private void error(HttpServerExchange exchange, int status, String message) {
        Map<String, Object> model = model(session(exchange));
        model.put("title", "Cannot be done");
        model.put("message", message);
        model.put("status", status);
        html(exchange, status, pages.render("error", model));
    }

    private void unreachable(HttpServerExchange exchange, ReviewQueueClient.Unavailable e) {
        error(exchange, StatusCodes.BAD_GATEWAY, "The gateway cannot be reached just now: " + e.getMessage() + ". Try again in a minute.");
    }

    private static void html(HttpServerExchange exchange, int status, String page) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
        exchange.getResponseSender().send(page, StandardCharsets.UTF_8);
    }

    private static void redirect(HttpServerExchange exchange, String location) {
        exchange.setStatusCode(StatusCodes.SEE_OTHER);
        exchange.getResponseHeaders().put(Headers.LOCATION, location);
        exchange.endExchange();
    }

    private static void download(HttpServerExchange exchange, String name, byte[] content) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/octet-stream");
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        exchange.getResponseHeaders().put(Headers.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
            + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        exchange.getResponseSender().send(ByteBuffer.wrap(content));
    }

    private static final Map<String, String> ASSETS = Map.of(
        "console.css", "console/static/console.css",
        "dashboard.js", "console/static/dashboard.js",
        "chart.umd.min.js", "META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.min.js");

    private void asset(HttpServerExchange exchange) throws IOException {
        String resource = ASSETS.get(param(exchange, "file"));
        InputStream in = resource == null ? null : ClerksConsole.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            error(exchange, StatusCodes.NOT_FOUND, "There is no such file.");
            return;
        }
        try (in) {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, resource.endsWith(".css") ? "text/css; charset=utf-8"
                : "text/javascript; charset=utf-8");
            exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "max-age=3600");
            exchange.getResponseSender().send(ByteBuffer.wrap(in.readAllBytes()));
        }
    }
}

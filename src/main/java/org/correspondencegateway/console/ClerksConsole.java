package org.correspondencegateway.console;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.correspondencegateway.directory.LiveDirectory;
import org.correspondencegateway.extraction.ExtractionLimits;
import org.correspondencegateway.extraction.TikaExtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
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
 * allows nothing but the console's own scripts and styles ({@link Exchanges}). This class wires the
 * pages ({@link SignIn}, {@link QueuePage}, {@link MessagePage}, {@link Decisions}, {@link DashboardPage})
 * to their routes and guards them: signed in for every page; for a decision, also the form's token and a
 * reviewer's role.
 */
public final class ClerksConsole implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(ClerksConsole.class);
    private static final Map<String, String> ASSETS = Map.of(
        "console.css", "console/static/console.css",
        "dashboard.js", "console/static/dashboard.js",
        "chart.umd.min.js", "META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.min.js");

    private final ConsoleSettings settings;
    private final PasswordFile passwords;
    private final Layout layout;
    private final SignIn signIn;
    private final TikaExtractor tika = new TikaExtractor(ExtractionLimits.DEFAULT, 1);
    private final Undertow server;

    private ClerksConsole(ConsoleSettings settings, LiveDirectory directory, Clock clock) {
        this.settings = settings;
        ReviewQueueClient gateway = new ReviewQueueClient(settings.webAdmin(), settings.webAdminToken());
        this.passwords = new PasswordFile(settings.passwordFile());
        this.layout = new Layout(directory);
        this.signIn = new SignIn(layout, directory, passwords, new Sessions(settings.stateDirectory().resolve("sessions"), settings.sessionLength(), clock),
            new LockOut(settings.stateDirectory().resolve("lock-out"), settings.lockOut(), clock), settings.lockOut());
        QueuePage queue = new QueuePage(layout, gateway, clock);
        MessagePage message = new MessagePage(layout, gateway, directory, new AttachmentExcerpts(tika), clock);
        Decisions decisions = new Decisions(layout, gateway);
        DashboardPage dashboard = new DashboardPage(layout, gateway, directory, clock);
        RoutingHandler routes = Handlers.routing()
            .get("/sign-in", signIn::page)
            .post("/sign-in", signIn::signIn)
            .post("/sign-out", signedIn(signIn::signOut))
            .get("/", signedIn(queue::show))
            .get("/dashboard", signedIn(dashboard::show))
            .get("/{queue}/{key}", signedIn(message::show))
            .get("/{queue}/{key}/original", signedIn(message::original))
            .get("/{queue}/{key}/attachments/{index}", signedIn(message::attachment))
            .post("/held/{key}/release", decision(decisions::release))
            .post("/held/{key}/reject", decision(decisions::reject))
            .post("/flagged/{key}/acknowledge", decision(decisions::acknowledge))
            .get("/static/{file}", this::asset)
            .setFallbackHandler(exchange -> layout.error(exchange, signIn.session(exchange), StatusCodes.NOT_FOUND, "There is no such page."));
        this.server = Undertow.builder().addHttpListener(settings.port(), settings.bind())
            .setHandler(new BlockingHandler(exchange -> {
                Exchanges.secure(exchange);
                try {
                    routes.handleRequest(exchange);
                } catch (Exception e) {
                    LOGGER.error("The console failed on {} {}", exchange.getRequestMethod(), exchange.getRequestPath(), e);
                    if (!exchange.isResponseStarted()) {
                        layout.error(exchange, Optional.empty(), StatusCodes.INTERNAL_SERVER_ERROR,
                            "Something went wrong on this page. Nothing was decided.");
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

    /** Where it listens, e.g. http://127.0.0.1:8080. */
    public String url() {
        return "http://" + settings.bind() + ":" + port();
    }

    public PasswordFile passwords() {
        return passwords;
    }

    @Override
    public void close() {
        server.stop();
        tika.close();
    }

    /** A page for someone signed in. */
    private interface Page {
        void handle(HttpServerExchange exchange, Sessions.Session session) throws Exception;
    }

    private HttpHandler signedIn(Page page) {
        return exchange -> {
            Optional<Sessions.Session> session = signIn.session(exchange);
            if (session.isEmpty()) {
                if (exchange.getRequestMethod().equalToString("GET")) {
                    Exchanges.redirect(exchange, "/sign-in?next=" + URLEncoder.encode(exchange.getRequestURI()
                        + (exchange.getQueryString().isEmpty() ? "" : "?" + exchange.getQueryString()), StandardCharsets.UTF_8));
                } else {
                    layout.error(exchange, Optional.empty(), StatusCodes.FORBIDDEN,
                        "Your session has ended. Sign in again, then repeat what you did.");
                }
                return;
            }
            page.handle(exchange, session.get());
        };
    }

    /** A decision on one mail, given its key and the posted form. */
    private interface Decision {
        void decide(HttpServerExchange exchange, Sessions.Session session, String key, Map<String, String> form) throws Exception;
    }

    /** A POST that decides: signed in, the session's CSRF token, and a reviewer. */
    private HttpHandler decision(Decision decision) {
        return signedIn((exchange, session) -> {
            Map<String, String> form = Exchanges.form(exchange);
            if (!session.issued(form.getOrDefault("csrf", ""))) {
                layout.error(exchange, Optional.of(session), StatusCodes.FORBIDDEN, "This form has expired or did not come from the console. "
                    + "Nothing was decided; open the message again and repeat.");
                return;
            }
            if (!session.user().mayDecide()) {
                layout.error(exchange, Optional.of(session), StatusCodes.FORBIDDEN,
                    session.user().name() + " may read the console but not release or reject mail.");
                return;
            }
            decision.decide(exchange, session, Exchanges.param(exchange, "key"), form);
        });
    }

    /** GET /static/{file}: the console's own style sheet and scripts, nothing else. */
    private void asset(HttpServerExchange exchange) throws IOException {
        String resource = ASSETS.get(Exchanges.param(exchange, "file"));
        InputStream in = resource == null ? null : ClerksConsole.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            layout.error(exchange, Optional.empty(), StatusCodes.NOT_FOUND, "There is no such file.");
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

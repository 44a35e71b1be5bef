package org.correspondencegateway.console;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormDataParser;
import io.undertow.server.handlers.form.FormParserFactory;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;

/**
 * What every page of the console does with an HTTP exchange: read its parameters and form, answer with
 * a page, a redirect or a download, and send the security headers. No state.
 */
final class Exchanges {
    /** Nothing but the console's own scripts and styles; no frames, no form posted elsewhere. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private Exchanges() {
    }

    /** A query or path parameter, or "" when there is none. */
    static String param(HttpServerExchange exchange, String name) {
        return Optional.ofNullable(exchange.getQueryParameters().get(name)).map(d -> d.peekFirst()).orElse("");
    }

    /** The posted form's text fields (files are ignored). */
    static Map<String, String> form(HttpServerExchange exchange) throws IOException {
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

    /** A form field with something in it besides spaces. */
    static Optional<String> text(Map<String, String> form, String name) {
        return Optional.ofNullable(form.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** A date as a date field sends it (2026-11-23); nothing for anything else. */
    static Optional<LocalDate> date(String text) {
        try {
            return text.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Where to go after signing in: a path in the console, never another site. */
    static String safeNext(String next) {
        return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") && !next.contains("\r") && !next.contains("\n")
            ? next : "/";
    }

    /** A mail key as one path segment. */
    static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static void secure(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(new HttpString("Content-Security-Policy"), CONTENT_SECURITY_POLICY);
        exchange.getResponseHeaders().put(new HttpString("X-Content-Type-Options"), "nosniff");
        exchange.getResponseHeaders().put(new HttpString("X-Frame-Options"), "DENY");
        exchange.getResponseHeaders().put(new HttpString("Referrer-Policy"), "no-referrer");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    }

    static void html(HttpServerExchange exchange, int status, String page) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
        exchange.getResponseSender().send(page, StandardCharsets.UTF_8);
    }

    static void redirect(HttpServerExchange exchange, String location) {
        exchange.setStatusCode(StatusCodes.SEE_OTHER);
        exchange.getResponseHeaders().put(Headers.LOCATION, location);
        exchange.endExchange();
    }

    /** {@code content} as a file to save, never shown in the browser. */
    static void download(HttpServerExchange exchange, String name, byte[] content) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/octet-stream");
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        exchange.getResponseHeaders().put(Headers.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
            + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        exchange.getResponseSender().send(ByteBuffer.wrap(content));
    }
}

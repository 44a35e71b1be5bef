package org.correspondencegateway.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/**
 * The console's pages: Mustache templates in {@code console/templates/} on the classpath, each
 * including the {@code header} and {@code footer} partials. Everything a template prints with
 * {@code {{name}}} is HTML-escaped; only values the console has escaped or sanitised itself (marked
 * text, sanitised HTML) are printed raw with {@code {{{name}}}}. Compiled once, then thread-safe.
 */
final class Pages {
    private static final String ROOT = "console/templates/";

    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(true).emptyStringIsFalse(true).defaultValue("")
        .withLoader(name -> reader(name));
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    String render(String page, Map<String, Object> model) {
        return templates.computeIfAbsent(page, name -> compiler.compile(reader(name))).execute(model);
    }

    private static Reader reader(String name) {
        InputStream in = Pages.class.getClassLoader().getResourceAsStream(ROOT + name + ".mustache");
        if (in == null) {
            throw new UncheckedIOException(new IOException("no console template " + name));
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}

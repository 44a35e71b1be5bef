package org.correspondencegateway.testing.corpus;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Reads corpus files and the shared fragments. */
public final class CorpusFile {
    public static final Path DIRECTORY = Path.of("src/test/resources/corpus");

    private CorpusFile() {
    }

    public static List<CorpusCase> load(String name) {
        List<CorpusCase> cases = new ArrayList<>();
        for (Map<String, Object> entry : list(read(DIRECTORY.resolve(name)))) {
            cases.add(parse(entry));
        }
        return cases;
    }

    public static List<CorpusCase> all(String... names) {
        List<CorpusCase> cases = new ArrayList<>();
        for (String name : names) {
            cases.addAll(load(name));
        }
        return cases;
    }

    /** signatures and disclaimers, by name. */
    @SuppressWarnings("unchecked")
    public static Map<String, Map<String, String>> fragments() {
        Map<String, Map<String, String>> fragments = new LinkedHashMap<>();
        ((Map<String, Object>) read(DIRECTORY.resolve("fragments.yaml"))).forEach((k, v) -> fragments.put(k, (Map<String, String>) v));
        return fragments;
    }

    private static Object read(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Yaml(options).load(in);
        } catch (IOException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static CorpusCase parse(Map<String, Object> e) {
        String id = text(e, "id");
        List<CorpusCase.Quote> quotes = new ArrayList<>();
        for (Map<String, Object> q : list(e.get("quote"))) {
            quotes.add(new CorpusCase.Quote(text(q, "from"), strings(q.get("to")), strings(q.get("cc")), text(q, "sent"),
                text(q, "subject"), text(q, "body")));
        }
        List<CorpusCase.File> files = new ArrayList<>();
        for (Map<String, Object> f : list(e.get("attachments"))) {
            files.add(new CorpusCase.File(text(f, "name"), strings(f.get("pages")), Optional.ofNullable((String) f.get("header")).orElse(""),
                strings(f.get("paragraphs"))));
        }
        List<CorpusCase.Remembered> remembered = new ArrayList<>();
        for (Map<String, Object> r : list(e.get("remembered"))) {
            remembered.add(new CorpusCase.Remembered(text(r, "id"), text(r, "from"), strings(r.get("to")), strings(r.get("cc")), strings(r.get("bcc"))));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (e.get("headers") != null) {
            ((Map<String, Object>) e.get("headers")).forEach((k, v) -> headers.put(k, String.valueOf(v)));
        }
        for (String key : e.keySet()) {
            if (!List.of("id", "expect", "why", "client", "from", "to", "cc", "bcc", "subject", "body", "signature", "disclaimer",
                "quote", "forward", "headers", "attachments", "remembered", "in-reply-to").contains(key)) {
                throw new IllegalStateException(id + ": unknown key " + key);
            }
        }
        return new CorpusCase(id, new LinkedHashSet<>(strings(e.get("expect"))), text(e, "why"),
            Optional.ofNullable((String) e.get("client")).orElse("outlook"), text(e, "from"),
            strings(e.get("to")), strings(e.get("cc")), strings(e.get("bcc")), text(e, "subject"), text(e, "body"),
            Optional.ofNullable((String) e.get("signature")), Optional.ofNullable((String) e.get("disclaimer")),
            quotes, Optional.ofNullable((String) e.get("forward")), headers, files, remembered,
            Optional.ofNullable((String) e.get("in-reply-to")));
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? "" : String.valueOf(value).replaceAll("\\s+$", "");
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }
}

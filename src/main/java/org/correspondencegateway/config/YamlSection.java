package org.correspondencegateway.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A mapping in a YAML configuration file, read with every key's line kept, so that each problem can
 * be reported where the person editing the file will find it.
 *
 * <p>Only plain YAML is accepted: mappings, lists and scalars. Anchors, aliases and tags are syntax
 * errors waiting to happen for a Town Clerk and are not needed here. A key given twice is an error, not
 * a silent override. A key the reader does not know is an error too ({@link #allowOnly}), because a
 * misspelt setting that is quietly ignored is worse than one that stops start-up.
 *
 * <p>Instances are immutable.
 */
public final class YamlSection {
    private static final int MAX_DOCUMENT_CHARACTERS = 16 * 1024 * 1024;

    private final Path file;
    private final String path;
    private final int line;
    private final Map<String, NodeTuple> entries;

    private YamlSection(Path file, String path, int line, Map<String, NodeTuple> entries) {
        this.file = file;
        this.path = path;
        this.line = line;
        this.entries = entries;
    }

    /**
     * Reads {@code file}, which must hold one YAML mapping (an empty file is an empty mapping).
     *
     * @throws ConfigurationProblem when the file is missing, unreadable, not UTF-8, not YAML, or not a
     *     mapping; the message names the file and, for syntax errors, the line
     */
    public static YamlSection read(Path file) throws ConfigurationProblem {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw ConfigurationProblem.in(file, "no such file");
        } catch (IOException e) {
            throw ConfigurationProblem.in(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        return parse(file, content);
    }

    /** Parses {@code content}, which must be UTF-8, as if read from {@code file}. */
    public static YamlSection parse(Path file, byte[] content) throws ConfigurationProblem {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw ConfigurationProblem.in(file, "is not UTF-8 text; save it as UTF-8", e);
        }
        return parse(file, text);
    }

    /** Parses {@code text} as if read from {@code file}. */
    public static YamlSection parse(Path file, String text) throws ConfigurationProblem {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by us, with both lines
        options.setMaxAliasesForCollections(0);
        options.setCodePointLimit(MAX_DOCUMENT_CHARACTERS);
        Node root;
        try (Reader reader = new java.io.StringReader(text)) {
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int at = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            String problem = Optional.ofNullable(e.getProblem()).orElse("is not valid YAML");
            throw at > 0
                ? ConfigurationProblem.at(file, at, "not valid YAML: " + problem)
                : ConfigurationProblem.in(file, "not valid YAML: " + problem);
        } catch (YAMLException e) {
            throw ConfigurationProblem.in(file, "not valid YAML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw ConfigurationProblem.in(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        if (root == null) {
            return new YamlSection(file, "", 1, Map.of());
        }
        return asSection(file, "", root);
    }

    /** The file this section was read from. */
    public Path file() {
        return file;
    }

    /** The line this section starts on: its key's line, or 1 for the root. */
    public int line() {
        return line;
    }

    /** This section's dotted path from the root; empty for the root. */
    public String path() {
        return path;
    }

    /** The keys present, in file order. */
    public Set<String> keys() {
        return java.util.Collections.unmodifiableSet(entries.keySet());
    }

    /** Rejects any key not in {@code allowed}, naming the first unknown one and the known ones. */
    public YamlSection allowOnly(String... allowed) throws ConfigurationProblem {
        List<String> known = Arrays.asList(allowed);
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw ConfigurationProblem.at(file, lineOf(entry.getValue().getKeyNode()),
                    child(entry.getKey()) + ": unknown setting; known here: " + String.join(", ", new TreeSet<>(known)));
            }
        }
        return this;
    }

    /** The nested mapping at {@code key}, absent when the key is missing or empty. */
    public Optional<YamlSection> section(String key) throws ConfigurationProblem {
        Optional<Node> node = node(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        YamlSection section = asSection(file, child(key), node.get());
        return Optional.of(new YamlSection(file, section.path, lineOf(entries.get(key).getKeyNode()), section.entries));
    }

    /** The scalar at {@code key}, absent when the key is missing or empty. */
    public Optional<YamlValue> value(String key) throws ConfigurationProblem {
        Optional<Node> node = node(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(asValue(child(key), node.get()));
    }

    /** The scalar at {@code key} read by {@code reader}, or {@code fallback} when the key is missing or empty. */
    public <T> T value(String key, YamlValue.Reader<T> reader, T fallback) throws ConfigurationProblem {
        Optional<YamlValue> value = value(key);
        return value.isPresent() ? reader.read(value.get()) : fallback;
    }

    /** The scalar at {@code key}, which must be present. */
    public YamlValue required(String key) throws ConfigurationProblem {
        return value(key).orElseThrow(() -> problem(child(key) + " is required"));
    }

    /** The scalars listed at {@code key} (a single scalar counts as a list of one); empty when absent. */
    public List<YamlValue> values(String key) throws ConfigurationProblem {
        Optional<Node> node = node(key);
        if (node.isEmpty()) {
            return List.of();
        }
        if (node.get() instanceof SequenceNode sequence) {
            List<YamlValue> values = new ArrayList<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                values.add(asValue(child(key) + "[" + (i + 1) + "]", sequence.getValue().get(i)));
            }
            return List.copyOf(values);
        }
        return List.of(asValue(child(key), node.get()));
    }

    /** The mappings listed at {@code key}; empty when absent. */
    public List<YamlSection> sections(String key) throws ConfigurationProblem {
        Optional<Node> node = node(key);
        if (node.isEmpty()) {
            return List.of();
        }
        if (!(node.get() instanceof SequenceNode sequence)) {
            throw ConfigurationProblem.at(file, lineOf(node.get()), child(key) + ": expected a list (lines starting with '- ')");
        }
        List<YamlSection> sections = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            sections.add(asSection(file, child(key) + "[" + (i + 1) + "]", sequence.getValue().get(i)));
        }
        return List.copyOf(sections);
    }

    /** A problem with this section as a whole, reported at its first line. */
    public ConfigurationProblem problem(String message) {
        return ConfigurationProblem.at(file, line, message);
    }

    private Optional<Node> node(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return Optional.empty();
        }
        return Optional.of(tuple.getValueNode());
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private YamlValue asValue(String valuePath, Node node) throws ConfigurationProblem {
        if (!(node instanceof ScalarNode scalar)) {
            throw ConfigurationProblem.at(file, lineOf(node), valuePath + ": expected a single value");
        }
        return new YamlValue(file, valuePath, lineOf(node), scalar.getValue());
    }

    private static YamlSection asSection(Path file, String path, Node node) throws ConfigurationProblem {
        if (!(node instanceof MappingNode mapping)) {
            String where = path.isEmpty() ? "the file" : path;
            throw ConfigurationProblem.at(file, lineOf(node), where + ": expected settings written as 'name: value' lines");
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw ConfigurationProblem.at(file, lineOf(tuple.getKeyNode()), "a setting's name must be plain text");
            }
            NodeTuple earlier = entries.putIfAbsent(key.getValue(), tuple);
            if (earlier != null) {
                String name = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                throw ConfigurationProblem.at(file, lineOf(key), name + " is given twice (also on line "
                    + lineOf(earlier.getKeyNode()) + ")");
            }
        }
        return new YamlSection(file, path, lineOf(node), java.util.Collections.unmodifiableMap(entries));
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static int lineOf(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}

package org.correspondencegateway.rules.obligation;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.lemmatizer.ThreadSafeLemmatizerME;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.ThreadSafePOSTaggerME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;
import opennlp.tools.tokenize.ThreadSafeTokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * Reads English prose into tagged sentences with Apache OpenNLP and its Universal Dependencies models
 * (trained on the English Web Treebank, which includes email): sentence boundaries, tokens, parts of
 * speech and lemmas.
 *
 * <p>Email text is prepared first: paragraphs are kept apart (a line break inside a paragraph is a
 * space, a blank line ends a sentence), and contractions are spelt out ("we'll" is "we will", "don't"
 * is "do not") because the models tag the long forms far more reliably.
 *
 * <p>Loading the models takes about a second; one instance serves every thread.
 */
public final class EnglishReader {
    private static final Pattern CONTRACTION = Pattern.compile(
        "(?i)\\b(i|you|we|they|he|she|it|that|there|what|who)('|’)(ll|re|ve|d|m|s)\\b|\\b(can|won|don|doesn|didn|isn|aren|wasn|weren|shouldn|wouldn|couldn|haven|hasn|hadn|mustn)('|’)t\\b");

    private final ThreadSafeSentenceDetectorME sentences;
    private final ThreadSafeTokenizerME tokenizer;
    private final ThreadSafePOSTaggerME tagger;
    private final ThreadSafeLemmatizerME lemmatizer;

    public EnglishReader() {
        try {
            sentences = new ThreadSafeSentenceDetectorME(new SentenceModel(model("opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin")));
            tokenizer = new ThreadSafeTokenizerME(new TokenizerModel(model("opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin")));
            tagger = new ThreadSafePOSTaggerME(new POSModel(model("opennlp-en-ud-ewt-pos-1.3-2.5.4.bin")));
            lemmatizer = new ThreadSafeLemmatizerME(new LemmatizerModel(model("opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin")));
        } catch (IOException e) {
            throw new IllegalStateException("the OpenNLP English models are missing from the classpath", e);
        }
    }

    private static InputStream model(String name) throws IOException {
        InputStream in = EnglishReader.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " not found");
        }
        return in;
    }

    /** The sentences of {@code text}, paragraph by paragraph. */
    List<Sentence> read(String text) {
        List<Sentence> read = new ArrayList<>();
        for (String paragraph : paragraphs(text)) {
            for (String sentence : sentences.sentDetect(paragraph)) {
                if (!sentence.isBlank()) {
                    read.add(tag(sentence.strip()));
                }
            }
        }
        return read;
    }

    Sentence tag(String sentence) {
        String prepared = spellOut(sentence);
        String[] words = tokenizer.tokenize(prepared);
        String[] tags = tagger.tag(words);
        String[] lemmas = lemmatizer.lemmatize(words, tags);
        List<Token> tokens = new ArrayList<>(words.length);
        for (int i = 0; i < words.length; i++) {
            String lower = words[i].toLowerCase(Locale.ROOT);
            String lemma = lemmas[i] == null || lemmas[i].equals("O") ? lower : lemmas[i].toLowerCase(Locale.ROOT);
            tokens.add(new Token(words[i], lower, tags[i], lemma));
        }
        return new Sentence(sentence, tokens);
    }

    /** Blank lines end paragraphs; a short line standing alone (a greeting, a list item) is its own. */
    static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.replace("\r", "").split("\n")) {
            String stripped = line.strip().replaceFirst("^[-*•·>]+\\s*", "");
            if (stripped.isEmpty()) {
                flush(paragraphs, current);
                continue;
            }
            boolean standsAlone = line.strip().matches("^[-*•·]\\s.*") || stripped.endsWith(",") && stripped.split("\\s+").length <= 4;
            if (standsAlone) {
                flush(paragraphs, current);
                paragraphs.add(stripped);
                continue;
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(stripped);
        }
        flush(paragraphs, current);
        return paragraphs;
    }

    private static void flush(List<String> paragraphs, StringBuilder current) {
        if (current.length() > 0) {
            paragraphs.add(current.toString());
            current.setLength(0);
        }
    }

    /** "we'll" to "we will", "don't" to "do not", "won't" to "will not", "can't" to "can not". */
    static String spellOut(String sentence) {
        Matcher m = CONTRACTION.matcher(sentence);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) != null) {
                String pronoun = m.group(1);
                replacement = switch (m.group(3).toLowerCase(Locale.ROOT)) {
                    case "ll" -> pronoun + " will";
                    case "re" -> pronoun + " are";
                    case "ve" -> pronoun + " have";
                    case "d" -> pronoun + " would";
                    case "m" -> pronoun + " am";
                    default -> pronoun + (pronoun.equalsIgnoreCase("let") ? " us" : " is");
                };
            } else {
                String stem = m.group(4);
                replacement = switch (stem.toLowerCase(Locale.ROOT)) {
                    case "won" -> "will not";
                    case "can" -> "can not";
                    case "don" -> "do not";
                    default -> stem + " not";
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}

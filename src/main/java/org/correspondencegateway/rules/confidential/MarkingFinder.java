package org.correspondencegateway.rules.confidential;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.correspondencegateway.message.Location;
import org.correspondencegateway.policy.Policy;
import org.correspondencegateway.rules.Evidence;

/**
 * Finds confidentiality markings in text, the way people put them: a marking on a line of its own
 * ("PRIVATE AND CONFIDENTIAL", "Confidential – not for circulation", "OFFICIAL-SENSITIVE"), a marking in
 * a subject, or a sentence that declares the message confidential ("this email is confidential and for
 * councillors only", "please treat the attached as strictly confidential", "shared with you in
 * confidence"). It ignores what uses the words without marking anything: the standard email disclaimer
 * (a paragraph with "confidential" and two or more disclaimer cues), a promise to keep the reader's
 * details confidential, "this is not confidential", a confidentiality agreement in a tender,
 * "confidential waste", "OFFICIAL" on its own: the policy's lists.
 *
 * <p>Stateless and thread-safe.
 */
final class MarkingFinder {
    private static final int MAX_MARKING_LINE_WORDS = 10;
    private static final Pattern DECLARATION = Pattern.compile("(?i)"
        + "\\b(this|the|my|our|following|attached|enclosed|below|these|above)\\b[^.!?\\n]{0,50}?\\b(is|are|remains|remain|was|were)\\s+"
        + "(strictly |highly |entirely |completely |absolutely )?(confidential|private and confidential|in confidence|not for circulation)\\b"
        + "|\\b(treat|keep|hold|regard)\\s+(this|these|it|them|the (attached|enclosed|information|following|contents?|report|email|message|note|details|paper|papers|document|letter))"
        + "[^.!?\\n]{0,30}?\\b(as |in )?(strictly |the strictest )?(confidential|confidence|private)\\b"
        + "|\\b(shared|sent|given|provided|passed|forwarded|copied|telling|tell|told|saying|say|mention|mentioning)\\b[^.!?\\n]{0,30}?\\bin (strict |the strictest )?confidence\\b"
        + "|\\bplease (do not|don't|don’t) (share|forward|circulate|pass (this|it) on|disclose|copy)\\b"
        + "|\\b(confidential|in confidence)\\s*(to|for)\\s*(councillors|members|you|the committee|the council)\\s*only\\b");

    /**
     * Every branch of {@link #DECLARATION} needs one of these words (lower case): a line without any of
     * them cannot declare itself confidential, and the expression need not run on it.
     */
    private static final List<String> DECLARATION_WORDS = List.of("confiden", "private", "circulation", "please");

    private final Policy.Confidential policy;
    private final List<Phrase> markings;
    private final List<String> signalWords;
    private final List<Pattern> notMarkings;
    private final List<Pattern> disclaimerCues;

    /**
     * @param signal the phrase's longest word: its pattern cannot match a lower-case text without it,
     *               so the pattern runs only where the word occurs
     */
    private record Phrase(String text, Pattern pattern, boolean internal, boolean addressee, String signal) {
        Phrase(String text, boolean internal, boolean addressee) {
            this(text, word(text), internal, addressee, longestWord(text));
        }

        /** The pattern's first match in {@code lower} (lower case), if it can have one. */
        Optional<Matcher> find(String lower) {
            if (!lower.contains(signal)) {
                return Optional.empty();
            }
            Matcher m = pattern.matcher(lower);
            return m.find() ? Optional.of(m) : Optional.empty();
        }

        private static String longestWord(String text) {
            String longest = "";
            for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
                if (word.length() > longest.length()) {
                    longest = word;
                }
            }
            return longest;
        }
    }

    MarkingFinder(Policy.Confidential policy) {
        this.policy = policy;
        this.markings = policy.markings().stream()
            .map(m -> new Phrase(m, policy.internalMarkings().contains(m), policy.addresseeMarkings().contains(m)))
            .sorted(Comparator.comparingInt((Phrase p) -> p.text().length()).reversed())
            .toList();
        this.signalWords = Stream.concat(DECLARATION_WORDS.stream(), markings.stream().map(Phrase::signal)).distinct().toList();
        this.notMarkings = policy.notMarkings().stream().map(MarkingFinder::word).toList();
        this.disclaimerCues = policy.disclaimerCues().stream().map(MarkingFinder::word).toList();
    }

    /** A marking in a subject line or an attachment's name. */
    Optional<Marking> inTitle(String title, Location location, String where, boolean ownText) {
        boolean fileName = location == Location.ATTACHMENT_NAME;
        String spaced = fileName ? title.replaceAll("[_.\\-]+", " ") : title;
        return marking(spaced).map(phrase -> new Marking(phrase.text(), kind(phrase, spaced), ownText,
            new Evidence(title, location, where, "the " + (fileName ? "file name" : "subject") + " marks it \"" + phrase.text() + "\"")));
    }

    /** Markings in a block of text: marking lines, marking labels and declarations, disclaimers excepted. */
    List<Marking> inText(String text, Location location, String where, boolean ownText) {
        List<Marking> found = new ArrayList<>();
        for (String paragraph : paragraphs(text)) {
            if (!maySayConfidential(paragraph) || isDisclaimer(paragraph)) {
                continue;
            }
            for (String line : paragraph.split("\\n")) {
                if (!maySayConfidential(line)) {
                    continue;
                }
                Optional<Phrase> alone = markingLine(line).or(() -> markingLabel(line));
                if (alone.isPresent()) {
                    found.add(new Marking(alone.get().text(), kind(alone.get(), line), ownText,
                        new Evidence(line.strip(), location, where, "a marking: \"" + alone.get().text() + "\"")));
                    continue;
                }
                Matcher declaration = DECLARATION.matcher(line);
                if (declaration.find() && !negated(line, declaration.start(), declaration.end())) {
                    boolean internal = declaration.group().toLowerCase(Locale.ROOT).matches(".*(only|circulation|do not|don't|don’t).*")
                        || hasInternal(line);
                    found.add(new Marking(declaration.group().toLowerCase(Locale.ROOT), internal ? Marking.Kind.INTERNAL : Marking.Kind.GENERAL,
                        ownText, new Evidence(line.strip(), location, where, "the text declares itself confidential")));
                    continue;
                }
                for (Phrase phrase : markings) {
                    if (phrase.internal() && (phrase.text().contains(" ") || phrase.text().contains("-"))) {
                        Optional<Matcher> m = phrase.find(line.toLowerCase(Locale.ROOT));
                        if (m.isPresent() && !negated(line, m.get().start(), m.get().end())) {
                            found.add(new Marking(phrase.text(), Marking.Kind.INTERNAL, ownText,
                                new Evidence(line.strip(), location, where, "marked \"" + phrase.text() + "\"")));
                            break;
                        }
                    }
                }
            }
        }
        return found;
    }

    /**
     * The text's paragraphs: runs of lines that are not blank, cut where the expression
     * {@code \n\s*\n} would cut them, without running an expression at every character.
     */
    static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        int start = -1;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            boolean blank = isBlank(text, lineStart, lineEnd);
            if (blank && start >= 0) {
                paragraphs.add(text.substring(start, lineStart - 1));
                start = -1;
            } else if (!blank && start < 0) {
                start = lineStart;
            }
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        if (start >= 0) {
            paragraphs.add(text.substring(start));
        }
        return paragraphs;
    }

    /** Blank as a regular expression's {@code \s} means it: spaces, tabs, line and form feeds, returns. */
    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (" \t\u000B\f\r".indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the text has a word that a marking or a declaration needs. Nearly every line of a letter has
     * none: skipping them leaves the findings as they were and saves the regular expressions, which were
     * four fifths of the whole check's time.
     */
    private boolean maySayConfidential(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : signalWords) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The standard disclaimer: "confidential" or "privileged" with two or more of the policy's cues, counted apart. */
    boolean isDisclaimer(String paragraph) {
        String lower = paragraph.toLowerCase(Locale.ROOT);
        if (!lower.contains("confidential") && !lower.contains("privileged")) {
            return false;
        }
        java.util.BitSet used = new java.util.BitSet(lower.length());
        int cues = 0;
        for (Pattern cue : disclaimerCues) {
            Matcher m = cue.matcher(lower);
            while (m.find()) {
                if (used.get(m.start(), m.end()).isEmpty()) {
                    used.set(m.start(), m.end());
                    cues++;
                    break;
                }
            }
        }
        return cues >= 2;
    }

    /**
     * A marking used as a label at the start of a longer line, before a colon or a dash: "Confidential
     * note for Cllr Price: …", "Rachel, in confidence: …", "CONFIDENTIAL - the site is …".
     */
    private Optional<Phrase> markingLabel(String line) {
        String lower = line.toLowerCase(Locale.ROOT).strip();
        int colon = indexOfLabelEnd(lower);
        if (colon < 0) {
            return Optional.empty();
        }
        String label = lower.substring(0, colon);
        if (label.split("\\s+").length > 6) {
            return Optional.empty();
        }
        for (Phrase phrase : markings) {
            Optional<Matcher> m = phrase.find(label);
            if (m.isPresent() && label.substring(0, m.get().start()).split("\\s+").length <= 2 && !negated(label, m.get().start(), m.get().end())) {
                return Optional.of(phrase);
            }
        }
        return Optional.empty();
    }

    private static int indexOfLabelEnd(String lower) {
        int colon = lower.indexOf(':');
        int dash = lower.indexOf(" - ");
        int endash = lower.indexOf(" – ");
        int best = -1;
        for (int i : new int[] {colon, dash, endash}) {
            if (i > 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    private Marking.Kind kind(Phrase phrase, String context) {
        if (phrase.internal() || hasInternal(context)) {
            return Marking.Kind.INTERNAL;
        }
        return phrase.addressee() ? Marking.Kind.ADDRESSEE : Marking.Kind.GENERAL;
    }

    private boolean hasInternal(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (Phrase phrase : markings) {
            if (phrase.internal()) {
                Optional<Matcher> m = phrase.find(lower);
                if (m.isPresent() && !negated(lower, m.get().start(), m.get().end())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A line that is a marking and little else: at most ten words, starting or ending with the marking. */
    private Optional<Phrase> markingLine(String line) {
        String cleaned = line.replaceAll("[*_#=\\[\\]()|<>\"“”]+", " ").replaceAll("\\s+", " ").strip();
        if (cleaned.isEmpty() || cleaned.split(" ").length > MAX_MARKING_LINE_WORDS) {
            return Optional.empty();
        }
        String lower = cleaned.toLowerCase(Locale.ROOT).replaceAll("[.:;,!–—-]+$", "").strip();
        for (Phrase phrase : markings) {
            Optional<Matcher> m = phrase.find(lower);
            if (m.isPresent() && (m.get().start() <= 2 || m.get().end() >= lower.length() - 1) && !negated(lower, m.get().start(), m.get().end())) {
                return Optional.of(phrase);
            }
        }
        return Optional.empty();
    }

    private Optional<Phrase> marking(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (Phrase phrase : markings) {
            if (!lower.contains(phrase.signal())) {
                continue;
            }
            Matcher m = phrase.pattern().matcher(lower);
            while (m.find()) {
                if (!negated(lower, m.start(), m.end())) {
                    return Optional.of(phrase);
                }
            }
        }
        return Optional.empty();
    }

    /** Inside one of the policy's not-markings ("not confidential", "confidential waste"). */
    private boolean negated(String text, int start, int end) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (Pattern not : notMarkings) {
            Matcher m = not.matcher(lower);
            while (m.find()) {
                if (m.start() <= end && m.end() >= start) {
                    return true;
                }
            }
        }
        return false;
    }

    int headLines() {
        return policy.documentHeadLines();
    }

    int footLines() {
        return policy.documentFootLines();
    }

    private static Pattern word(String phrase) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase.toLowerCase(Locale.ROOT)).replace(" ", "\\E\\s+\\Q") + "(?![\\p{L}\\p{N}])");
    }
}

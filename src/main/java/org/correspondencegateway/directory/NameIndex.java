package org.correspondencegateway.directory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds listed people named in text, the way council correspondence names them: "Councillor Okonkwo",
 * "Cllr B. Okonkwo", "Councillor Bola Okonkwo", "Bola Okonkwo", a name they are known by, or an office
 * only one person holds ("the Mayor", "the Chair"). Matching is by words, case-insensitive and
 * accent-insensitive, so its cost grows with the text, not with the size of the directory.
 *
 * <p>Instances are immutable and safe to share.
 */
final class NameIndex {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}'’\\-]*|\\.");
    private static final Set<String> MEMBER_TITLES = Set.of("councillor", "councilor", "cllr", "cllr.", "clr", "member");

    /** Each person's names as word sequences, by their first word. */
    private final Map<String, List<Names>> byFirstWord = new HashMap<>();
    /** Councillors by surname, for "Councillor [first name or initial] Surname". */
    private final Map<String, List<Person>> councillorsBySurname = new HashMap<>();
    /** Offices held by exactly one person, as word sequences ("town clerk", "mayor"). */
    private final Map<String, List<Names>> officesByFirstWord = new HashMap<>();

    private record Names(Person person, List<String> words) {
    }

    NameIndex(List<Person> people) {
        Map<String, List<Person>> holders = new HashMap<>();
        for (Person person : people) {
            add(byFirstWord, new Names(person, words(person.name())));
            for (String alias : person.knownAs()) {
                add(byFirstWord, new Names(person, words(alias)));
            }
            if (person.role() == Role.COUNCILLOR) {
                councillorsBySurname.computeIfAbsent(fold(person.surname()), k -> new ArrayList<>()).add(person);
            }
            for (String title : person.titles()) {
                holders.computeIfAbsent(String.join(" ", words(title)), k -> new ArrayList<>()).add(person);
            }
        }
        holders.forEach((office, holdersOfIt) -> {
            if (holdersOfIt.size() == 1 && !office.isEmpty()) {
                add(officesByFirstWord, new Names(holdersOfIt.get(0), List.of(office.split(" "))));
            }
        });
    }

    /** Every mention of a listed person in {@code text}, in order, longest match first at each place. */
    List<NameMention> mentions(String text) {
        List<Token> tokens = tokens(text);
        List<NameMention> mentions = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            NameMention found = longestAt(tokens, i, text);
            if (found != null) {
                mentions.add(found);
                while (i < tokens.size() && tokens.get(i).start < found.end()) {
                    i++;
                }
            } else {
                i++;
            }
        }
        return List.copyOf(mentions);
    }

    private NameMention longestAt(List<Token> tokens, int i, String text) {
        NameMention best = null;
        String first = tokens.get(i).folded;
        if (MEMBER_TITLES.contains(first)) {
            best = titled(tokens, i, text);
        }
        for (Names names : byFirstWord.getOrDefault(first, List.of())) {
            int end = matches(tokens, i, names.words);
            if (end > 0 && (best == null || tokens.get(end - 1).end > best.end())) {
                best = mention(names.person, text, tokens.get(i).start, tokens.get(end - 1).end, false);
            }
        }
        if (best == null) {
            for (Names office : officesByFirstWord.getOrDefault(first, List.of())) {
                int end = matches(tokens, i, office.words);
                boolean precededByThe = i > 0 && tokens.get(i - 1).folded.equals("the");
                if (end > 0 && precededByThe) {
                    best = mention(office.person, text, tokens.get(i - 1).start, tokens.get(end - 1).end, true);
                }
            }
        }
        return best;
    }

    /** "Councillor Okonkwo", "Cllr. B. Okonkwo", "Councillor Bola Okonkwo". */
    private NameMention titled(List<Token> tokens, int i, String text) {
        int j = i + 1;
        if (j < tokens.size() && tokens.get(j).folded.equals(".")) {
            j++;
        }
        for (int skip = 0; skip <= 2 && j + skip < tokens.size(); skip++) {
            Token candidate = tokens.get(j + skip);
            for (Person councillor : councillorsBySurname.getOrDefault(candidate.folded, List.of())) {
                if (skip == 0 || givenNameFits(tokens.subList(j, j + skip), councillor)) {
                    return mention(councillor, text, tokens.get(i).start, candidate.end, false);
                }
            }
        }
        return null;
    }

    /** The words between the title and the surname are the councillor's first name, or its initial. */
    private static boolean givenNameFits(List<Token> between, Person councillor) {
        List<String> given = words(councillor.name());
        String firstName = given.isEmpty() ? "" : given.get(0);
        List<String> written = between.stream().map(t -> t.folded).filter(w -> !w.equals(".")).toList();
        return written.size() == 1
            && (written.get(0).equals(firstName) || (written.get(0).length() == 1 && firstName.startsWith(written.get(0))));
    }

    private static int matches(List<Token> tokens, int i, List<String> words) {
        if (words.isEmpty() || i + words.size() > tokens.size()) {
            return -1;
        }
        for (int k = 0; k < words.size(); k++) {
            if (!tokens.get(i + k).folded.equals(words.get(k))) {
                return -1;
            }
        }
        return i + words.size();
    }

    private static NameMention mention(Person person, String text, int start, int end, boolean byOffice) {
        return new NameMention(person, text.substring(start, end), start, end, byOffice);
    }

    private static void add(Map<String, List<Names>> index, Names names) {
        if (!names.words.isEmpty()) {
            index.computeIfAbsent(names.words.get(0), k -> new ArrayList<>()).add(names);
        }
    }

    private record Token(String folded, int start, int end) {
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            tokens.add(new Token(fold(matcher.group()), matcher.start(), matcher.end()));
        }
        return tokens;
    }

    static List<String> words(String text) {
        return tokens(text).stream().map(Token::folded).filter(w -> !w.equals(".")).toList();
    }

    /** Lower case, accents removed, curly apostrophes straightened: "Ó’Brien" and "o'brien" are one word. */
    static String fold(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.replace('’', '\'').toLowerCase(Locale.ROOT);
    }
}

package org.correspondencegateway.rules.obligation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.correspondencegateway.policy.Policy;

/**
 * Decides whether a sentence creates an obligation or gives an instruction on the Council's behalf, by
 * reading it as a clause: who acts (the writer, "we", the Council, the recipient, a thing), which act
 * (from the policy's lexicon of accepting, ordering, working and paying), and in what mood.
 *
 * <p>It binds the Council when the writer or "we" commit to a binding act ("we are happy to accept your
 * quotation"), when the recipient is told or allowed to act ("please go ahead and order the benches",
 * "you can start on Monday", "could you book the skip for Tuesday?"), when a thing is cleared to happen
 * ("the trees can come down next week"), when a quotation is declared accepted, or in the idioms people
 * use ("no need to wait for the paperwork", "the job is yours", "consider this your go-ahead").
 *
 * <p>It does not bind when it is a question about information ("could you send us a quote?"), a
 * condition or a hypothesis ("if the committee agrees, you could start in spring"), a report of a
 * decision already made ("the Council resolved on 3 November to accept your quote"), something the
 * writer will do in person ("I will raise this at the next meeting"), an opinion ("I think we should"),
 * a deferral to an officer ("the Clerk will send the order"), or negated.
 *
 * <p>Stateless and thread-safe.
 */
final class Commitments {
    private static final Set<String> FILLERS = Set.of("please", "kindly", "so", "and", "but", "then", "just", "also", "now", "ok",
        "okay", "yes", "great", "right", "well", "thanks", "thank", "fine", "good", "anyway", "therefore", "hence", "oh", "hi", "yep");
    private static final Set<String> MODALS = Set.of("will", "shall", "would", "can", "could", "may", "might", "must", "should");
    private static final Set<String> COUNCIL_BODIES = Set.of("council", "committee", "members", "meeting", "cabinet", "councillors",
        "parish", "town", "subcommittee", "sub-committee", "panel", "group");
    private static final Set<String> OFFICERS = Set.of("clerk", "officer", "officers", "office", "staff", "rfo", "team");
    private static final Set<String> CONDITIONS = Set.of("if", "once", "when", "provided", "providing", "assuming", "unless",
        "should", "whether", "until", "after", "before", "depending");
    /** Verbs whose "that" clause is asserted: "I confirm that …", "I can tell you that …". */
    private static final Set<String> ASSERTING = Set.of("confirm", "say", "tell", "inform", "advise", "write", "state", "assure",
        "promise", "guarantee", "notify", "you");
    private static final Set<String> HEDGES = Set.of("think", "hope", "expect", "believe", "suppose", "reckon", "guess", "feel",
        "imagine", "wonder", "suspect", "assume", "doubt");
    private static final Set<String> GENERIC_WORK = Set.of("go", "come", "put", "make", "do", "start", "begin", "proceed", "carry");
    private static final Set<String> WILLING = Set.of("happy", "pleased", "content", "glad", "delighted", "fine", "ok", "okay",
        "willing", "prepared", "minded", "keen");
    private static final Pattern MONEY = Pattern.compile("£\\s?\\d|\\d+\\s?(pounds|k\\b)");
    private static final Pattern DECISION_REPORT = Pattern.compile(
        "\\b(resolved|was agreed|were agreed|it was agreed|voted|decided|approved at|agreed at|at (its|the|last|their|our) .{0,30}meeting|minutes? of)\\b");
    private static final Pattern CONDITIONAL_PHRASE = Pattern.compile(
        "\\b(subject to|pending|depending on|in principle|awaiting|once the|until the|provided that|on condition|if and when|ratif)");

    private static final List<Idiom> IDIOMS = List.of(
        new Idiom("\\bno need to wait\\b", Commitment.Kind.WORKING),
        new Idiom("\\bdo not (need to )?wait for (the )?(paperwork|order|purchase order|clerk|committee|formal|official|meeting)", Commitment.Kind.WORKING),
        new Idiom("\\bthe (job|contract|work) is yours\\b", Commitment.Kind.ACCEPTING),
        new Idiom("\\byou have (got )?the (job|contract|work|order)\\b", Commitment.Kind.ACCEPTING),
        new Idiom("\\b(consider|take|treat) this( email| message| note)? (as )?(your |the |an |our |my |a )?(formal |official |written )?"
            + "(go-ahead|go ahead|instruction|order|confirmation|acceptance|authority|green light|authorisation|authorization|approval)",
            Commitment.Kind.WORKING),
        new Idiom("\\b(that is|it is|we have|you have) a deal\\b", Commitment.Kind.ACCEPTING),
        new Idiom("\\byou have (my|our|the council's) (go-ahead|go ahead|blessing|authority|approval|permission|agreement)", Commitment.Kind.WORKING),
        new Idiom("\\b(give|giving) you the (go-ahead|go ahead|green light)", Commitment.Kind.WORKING),
        new Idiom("\\bas far as i am concerned,? (you|it|the work|they|the trees|that) (can|may)\\b", Commitment.Kind.WORKING),
        new Idiom("\\bput (us|the council|me) down for\\b", Commitment.Kind.ORDERING));

    private record Idiom(Pattern pattern, Commitment.Kind kind) {
        Idiom(String regex, Commitment.Kind kind) {
            this(Pattern.compile(regex), kind);
        }
    }

    private final Policy.Obligation policy;

    Commitments(Policy.Obligation policy) {
        this.policy = policy;
    }

    Optional<Commitment> analyse(Sentence sentence) {
        return analyse(sentence, true);
    }

    /**
     * @param businessContext whether the message around the sentence is about council business (a quote,
     *     a price, an invoice, works): a permission ("you can go ahead") or an acceptance of "it" only
     *     binds the Council in such a message
     */
    Optional<Commitment> analyse(Sentence sentence, boolean businessContext) {
        List<Token> tokens = sentence.tokens();
        String lower = EnglishReader.spellOut(sentence.text()).toLowerCase(java.util.Locale.ROOT).replace('’', '\'');
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        if (isConditional(tokens, lower)) {
            return Optional.empty();
        }
        for (Idiom idiom : IDIOMS) {
            if (idiom.pattern().matcher(lower).find()) {
                return Optional.of(new Commitment(idiom.kind(), sentence.text(), "a plain go-ahead or acceptance"));
            }
        }
        for (List<Token> clause : clauses(withoutFillers(tokens))) {
            if (clause.stream().filter(t -> !t.isPunctuation()).count() < 2) {
                continue;
            }
            Optional<Commitment> found = clause(clause, sentence, businessContext);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<Commitment> clause(List<Token> all, Sentence sentence, boolean businessContext) {
        List<Token> clause = withoutFillers(all);
        if (clause.isEmpty() || negated(clause, mainVerb(clause))) {
            return Optional.empty();
        }
        String text = sentence.text();
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        boolean money = MONEY.matcher(lower).find() || lower.matches(".*\\b(shortfall|cost|costs|bill|invoice)\\b.*");

        // a polite request: "could you (please) order ...", unless it asks for information
        if (clause.size() > 2 && MODALS.contains(clause.get(0).lemma()) && clause.get(1).is("you")) {
            int v = nextVerb(clause, 2);
            if (v < 0 || isAbilityOrWish(clause, 2) || isInformationRequest(clause, v)) {
                return Optional.empty();
            }
            return act(clause, v).map(kind -> new Commitment(kind, text, "a request to the recipient to act for the Council"));
        }
        if (sentence.isQuestion()) {
            return Optional.empty();
        }

        int v = mainVerb(clause);
        if (v < 0) {
            return Optional.empty();
        }
        Subject subject = subject(clause, v);
        Token verb = clause.get(v);

        // hedged opinions and things the writer will do in person
        if (subject == Subject.WRITER && (HEDGES.contains(verb.lemma()) || policy.personalActs().contains(verb.lemma()))) {
            return Optional.empty();
        }
        if (subject == Subject.OFFICER || subject == Subject.COUNCIL && isPast(clause, v)) {
            return Optional.empty();
        }
        if ((subject == Subject.WE || subject == Subject.WRITER) && isPast(clause, v) && DECISION_REPORT.matcher(lower).find()) {
            return Optional.empty();
        }

        // "I am happy to accept", "we are pleased for you to go ahead"
        Optional<Commitment> willing = willing(clause, subject, text, businessContext);
        if (willing.isPresent()) {
            return willing;
        }
        // "we would like you to start", "I want them to order"
        if ((subject == Subject.WE || subject == Subject.WRITER || subject == Subject.COUNCIL)
            && (verb.lemma().equals("like") || verb.lemma().equals("want") || verb.lemma().equals("need"))) {
            int to = indexOf(clause, v + 1, "to");
            int next = to < 0 ? -1 : nextVerb(clause, to + 1);
            if (next > 0 && !policy.personalActs().contains(clause.get(next).lemma())) {
                return act(clause, next).filter(kind -> binds(kind, clause, next, subject, businessContext))
                    .map(kind -> new Commitment(kind, text, "the writer asks for a binding act for the Council"));
            }
            return Optional.empty();
        }
        switch (subject) {
            case NONE -> {
                // an imperative: "go ahead and order the benches", "invoice the council direct";
                // not "might make a story", whose subject is only understood
                if (v > 0 && clause.subList(0, v).stream().anyMatch(t -> t.tag().equals("AUX") || MODALS.contains(t.lemma()))) {
                    return Optional.empty();
                }
                if (!verb.lower().equals(verb.lemma()) && !verb.lower().equals("invoice")) {
                    // "delivered on Friday": a participle, not an order
                    return Optional.empty();
                }
                if (policy.personalActs().contains(verb.lemma()) || policy.informationActs().contains(verb.lemma())
                    && !hasBusinessWord(clause, v) || verb.is("let", "see", "find", "note")) {
                    return Optional.empty();
                }
                return act(clause, v).map(kind -> new Commitment(kind, text, "an instruction to the recipient"));
            }
            case WRITER, WE, COUNCIL -> {
                if (hasModal(clause, v, "could", "might", "should", "may", "must")) {
                    return Optional.empty();
                }
                Optional<Commitment.Kind> kind = act(clause, v, money);
                if (kind.isEmpty()) {
                    return Optional.empty();
                }
                return binds(kind.get(), clause, v, subject, businessContext)
                    ? Optional.of(new Commitment(kind.get(), text, "the writer commits the Council")) : Optional.empty();
            }
            case RECIPIENT -> {
                // "you are booked", "you have been appointed"
                if (businessContext && isPassive(clause, v) && (policy.isAct("ordering", verb.lemma()) || verb.lemma().equals("appoint"))) {
                    return Optional.of(new Commitment(Commitment.Kind.ORDERING, text, "the recipient is booked or appointed for the Council"));
                }
                // "you can start on Monday", "you should go ahead", "you are free to order"
                boolean generic = verb.is("go", "start", "begin", "proceed", "carry", "do", "come") || verb.lemma().equals("start");
                if ((businessContext || !generic) && (hasModal(clause, v, "can", "may", "should") || permitted(clause, v))) {
                    return act(clause, v).filter(k -> k != Commitment.Kind.ACCEPTING)
                        .map(kind -> new Commitment(kind, text, "the recipient is told they may act for the Council"));
                }
                return Optional.empty();
            }
            case THING -> {
                // "the trees can come down next week"; "your quotation is accepted"
                if (businessContext && hasModal(clause, v, "can", "may", "should", "will")
                    && act(clause, v).filter(k -> k == Commitment.Kind.WORKING).isPresent()) {
                    return Optional.of(new Commitment(Commitment.Kind.WORKING, text, "the work is cleared to go ahead"));
                }
                if (isPassive(clause, v) && policy.isAct("accepting", verb.lemma()) && subjectIsBusiness(clause, v)
                    && !agentIsCouncil(clause, v) && !DECISION_REPORT.matcher(lower).find()) {
                    return Optional.of(new Commitment(Commitment.Kind.ACCEPTING, text, "the quotation or order is declared accepted"));
                }
                return Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private Optional<Commitment> willing(List<Token> clause, Subject subject, String text, boolean businessContext) {
        if (subject != Subject.WRITER && subject != Subject.WE && subject != Subject.COUNCIL) {
            return Optional.empty();
        }
        for (int i = 0; i < clause.size() - 2; i++) {
            if (WILLING.contains(clause.get(i).lower()) && (clause.get(i + 1).is("to") || clause.get(i + 1).is("for"))) {
                int verb = nextVerb(clause, i + 2);
                if (verb < 0 || policy.personalActs().contains(clause.get(verb).lemma())) {
                    return Optional.empty();
                }
                return act(clause, verb).filter(kind -> binds(kind, clause, verb, subject, businessContext))
                    .map(kind -> new Commitment(kind, text, "the writer agrees for the Council"));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether an act by the writer, "we" or the Council binds the Council: an order does; a payment does
     * when "we" or the Council pay (the writer paying is their own money); an acceptance or a work does
     * when its object is council business, or "it" in a message about council business. An order for
     * the writer's own sake ("for my mother") does not.
     */
    private boolean binds(Commitment.Kind kind, List<Token> clause, int v, Subject subject, boolean businessContext) {
        boolean personal = clause.stream().anyMatch(t -> t.is("my", "myself", "personal", "personally"));
        if (subject == Subject.WRITER && (kind == Commitment.Kind.PAYING || personal)) {
            return false;
        }
        if (kind == Commitment.Kind.ORDERING || kind == Commitment.Kind.PAYING) {
            return true;
        }
        if (kind == Commitment.Kind.WORKING && businessContext) {
            return true;
        }
        if (hasBusinessWord(clause, v) || clause.stream().anyMatch(t -> MONEY.matcher(t.word()).find())) {
            return true;
        }
        boolean pronounObject = v + 1 < clause.size() && clause.get(v + 1).is("it", "this", "that", "them", "these", "those");
        return pronounObject && businessContext;
    }

    /**
     * A verb, or a word of the act lexicon the tagger took for something else right after a modal,
     * "to" or "please" ("will fund", "to commission").
     */
    private boolean isVerbLike(List<Token> clause, int i) {
        Token t = clause.get(i);
        if (t.isVerb()) {
            return true;
        }
        if (i == 0 || !(policy.isAct(t.lower()) || policy.isAct(t.lemma()))) {
            return false;
        }
        Token before = clause.get(i - 1);
        return before.is("to", "please", "will", "shall", "would", "can", "could", "may", "must", "should");
    }

    /** The kind of binding act the verb at {@code v} is, with its particles ("go ahead", "come down"). */
    private Optional<Commitment.Kind> act(List<Token> clause, int v) {
        return act(clause, v, false);
    }

    /** @param sentenceMentionsMoney the whole sentence names a sum or a cost ("the £1,200 shortfall - we will cover it") */
    private Optional<Commitment.Kind> act(List<Token> clause, int v, boolean sentenceMentionsMoney) {
        Token verb = clause.get(v);
        String lemma = verb.lemma().equals("invoice") || verb.lower().equals("invoice") ? "invoice" : verb.lemma();
        Token next = v + 1 < clause.size() ? clause.get(v + 1) : null;
        if (lemma.equals("go")) {
            if (next != null && next.is("ahead", "with")) {
                return Optional.of(next.is("with") && hasBusinessWord(clause, v) ? Commitment.Kind.ACCEPTING : Commitment.Kind.WORKING);
            }
            return Optional.empty();
        }
        if (lemma.equals("come") || lemma.equals("put") || lemma.equals("make") || lemma.equals("do")) {
            boolean works = next != null && ((lemma.equals("come") && next.is("down")
                || lemma.equals("make") && v + 2 < clause.size() && next.is("a") && clause.get(v + 2).is("start") || lemma.equals("do") && hasBusinessWord(clause, v)
                || lemma.equals("put") && particleWithin(clause, v, "up")));
            return works ? Optional.of(Commitment.Kind.WORKING) : Optional.empty();
        }
        if (lemma.equals("add") && within(clause, v, 6, "bill", "invoice", "account")) {
            return Optional.of(Commitment.Kind.PAYING);
        }
        if (lemma.equals("give")) {
            for (int i = v + 1; i < Math.min(clause.size(), v + 6); i++) {
                Token t = clause.get(i);
                if (t.tag().equals("NOUN") && policy.isAct("working", t.lemma()) && !GENERIC_WORK.contains(t.lemma())) {
                    return Optional.of(Commitment.Kind.WORKING);
                }
            }
            return Optional.empty();
        }
        if (lemma.equals("carry") || lemma.equals("crack") || lemma.equals("press")) {
            return next != null && next.is("on", "out") ? Optional.of(Commitment.Kind.WORKING) : Optional.empty();
        }
        if (policy.isAct("paying", lemma)) {
            // "meet the cost", "cover the bill": these two pay only when money is their object
            boolean weak = lemma.equals("meet") || lemma.equals("cover") || lemma.equals("contribute");
            boolean pronounAndMoney = v + 1 < clause.size() && clause.get(v + 1).is("it", "that", "this", "them")
                && (sentenceMentionsMoney || clause.stream().anyMatch(t -> MONEY.matcher(t.word()).find() || t.is("shortfall", "cost", "costs", "bill")));
            return !weak || hasMoneyObject(clause, v) || pronounAndMoney ? Optional.of(Commitment.Kind.PAYING) : Optional.empty();
        }
        if (policy.isAct("accepting", lemma)) {
            return Optional.of(Commitment.Kind.ACCEPTING);
        }
        if (policy.isAct("ordering", lemma)) {
            return Optional.of(Commitment.Kind.ORDERING);
        }
        if (policy.isAct("working", lemma)) {
            return Optional.of(Commitment.Kind.WORKING);
        }
        return Optional.empty();
    }

    private enum Subject { NONE, WRITER, WE, COUNCIL, OFFICER, RECIPIENT, THING }

    /** The clause's grammatical subject: the first pronoun or noun before its main verb. */
    private static Subject subject(List<Token> clause, int v) {
        for (int i = 0; i < v; i++) {
            Token t = clause.get(i);
            if (t.is("i")) {
                return Subject.WRITER;
            } else if (t.is("we")) {
                return Subject.WE;
            } else if (t.is("you")) {
                return Subject.RECIPIENT;
            } else if (COUNCIL_BODIES.contains(t.lower()) && (t.tag().equals("NOUN") || t.tag().equals("PROPN"))) {
                return Subject.COUNCIL;
            } else if (OFFICERS.contains(t.lower())) {
                return Subject.OFFICER;
            } else if (t.tag().equals("NOUN") || t.tag().equals("PROPN") || t.is("it", "they", "this", "that", "these", "those")) {
                // "the Town Clerk will …": a council body or officer later in the noun phrase decides
                for (int j = i + 1; j < v && !clause.get(j).tag().equals("AUX") && !clause.get(j).isVerb(); j++) {
                    if (OFFICERS.contains(clause.get(j).lower())) {
                        return Subject.OFFICER;
                    }
                    if (COUNCIL_BODIES.contains(clause.get(j).lower())) {
                        return Subject.COUNCIL;
                    }
                }
                return Subject.THING;
            }
        }
        return Subject.NONE;
    }

    /** The clause's main verb: the first VERB, or an imperative the tagger read as a noun at the start. */
    private int mainVerb(List<Token> clause) {
        Token first = clause.get(0);
        if (!first.isVerb() && !first.tag().equals("AUX") && (policy.isAct(first.lemma()) || policy.isAct(first.lower()))
            && (first.tag().equals("PROPN") || first.tag().equals("NOUN") || first.tag().equals("ADJ"))) {
            return 0;
        }
        return nextVerb(clause, 0);
    }

    private int nextVerb(List<Token> clause, int from) {
        for (int i = from; i < clause.size(); i++) {
            if (isVerbLike(clause, i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean isInformationRequest(List<Token> clause, int v) {
        Token verb = clause.get(v);
        if (!policy.informationActs().contains(verb.lemma())) {
            return false;
        }
        for (int i = v + 1; i < clause.size(); i++) {
            if (policy.informationWords().contains(clause.get(i).lemma()) || policy.informationWords().contains(clause.get(i).lower())) {
                return true;
            }
        }
        return verb.is("let", "advise", "tell", "explain", "clarify");
    }

    /** "could you be able to", "would you like to", "are you able to": asking, not telling. */
    private static boolean isAbilityOrWish(List<Token> clause, int from) {
        for (int i = from; i < Math.min(clause.size(), from + 3); i++) {
            if (clause.get(i).is("able", "like", "mind", "possibly", "consider")) {
                return true;
            }
        }
        return false;
    }

    private boolean hasBusinessWord(List<Token> clause, int from) {
        for (int i = from; i < clause.size(); i++) {
            Token t = clause.get(i);
            if (policy.businessWords().contains(t.lemma()) || policy.businessWords().contains(t.lower()) || MONEY.matcher(t.word()).find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(List<Token> clause, int v, int distance, String... words) {
        for (int i = v + 1; i < Math.min(clause.size(), v + distance); i++) {
            if (clause.get(i).is(words)) {
                return true;
            }
        }
        return false;
    }

    private static boolean particleWithin(List<Token> clause, int v, String... particles) {
        for (int i = v + 1; i < Math.min(clause.size(), v + 4); i++) {
            if (clause.get(i).is(particles)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasMoneyObject(List<Token> clause, int v) {
        for (int i = v + 1; i < Math.min(clause.size(), v + 5); i++) {
            Token t = clause.get(i);
            if (t.is("cost", "costs", "bill", "bills", "expense", "expenses", "invoice", "fee", "fees", "price", "balance", "shortfall")
                || MONEY.matcher(t.word()).find()) {
                return true;
            }
        }
        return false;
    }

    private boolean subjectIsBusiness(List<Token> clause, int v) {
        for (int i = 0; i < v; i++) {
            if (policy.businessWords().contains(clause.get(i).lemma())) {
                return true;
            }
        }
        return false;
    }

    private static boolean agentIsCouncil(List<Token> clause, int v) {
        for (int i = v + 1; i < clause.size() - 1; i++) {
            if (clause.get(i).is("by")) {
                for (int j = i + 1; j < Math.min(clause.size(), i + 5); j++) {
                    if (COUNCIL_BODIES.contains(clause.get(j).lower())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isPassive(List<Token> clause, int v) {
        for (int i = Math.max(0, v - 3); i < v; i++) {
            if (clause.get(i).lemma().equals("be")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPast(List<Token> clause, int v) {
        Token verb = clause.get(v);
        boolean perfect = v > 0 && clause.get(v - 1).lemma().equals("have");
        boolean inflected = !verb.lower().equals(verb.lemma()) && !verb.lower().endsWith("ing") && !verb.lower().endsWith("s");
        return (perfect || inflected) && !hasModal(clause, v, "will", "shall", "would", "can");
    }

    private static boolean hasModal(List<Token> clause, int v, String... modals) {
        for (int i = Math.max(0, v - 4); i < v; i++) {
            for (String modal : modals) {
                if (clause.get(i).lemma().equals(modal) || clause.get(i).lower().equals(modal)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "you are free to", "you are clear to", "you have permission to". */
    private static boolean permitted(List<Token> clause, int v) {
        for (int i = Math.max(0, v - 4); i < v; i++) {
            if (clause.get(i).is("free", "clear", "permission", "authorised", "authorized", "welcome", "ok", "okay", "fine")) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(List<Token> clause, int from, String word) {
        for (int i = from; i < clause.size(); i++) {
            if (clause.get(i).is(word)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * "not", "never", "cannot" anywhere; "no", "nothing", "neither" only before the main verb, so that
     * "the Council agrees to your licence at no charge" is not read as a refusal.
     */
    private static boolean negated(List<Token> clause, int v) {
        for (int i = 0; i < clause.size(); i++) {
            Token t = clause.get(i);
            if (t.is("not", "never", "n't", "cannot", "unable")) {
                return true;
            }
            if ((v < 0 || i < v) && t.is("no", "nothing", "neither", "nor")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConditional(List<Token> tokens, String lower) {
        List<Token> start = withoutFillers(tokens);
        if (!start.isEmpty() && CONDITIONS.contains(start.get(0).lower())) {
            return true;
        }
        return CONDITIONAL_PHRASE.matcher(lower).find();
    }

    /** Leading interjections, "please", "so", "and", and a name addressed ("Dave, please …"). */
    private static List<Token> withoutFillers(List<Token> clause) {
        int i = 0;
        while (i < clause.size()) {
            Token t = clause.get(i);
            boolean vocative = Character.isUpperCase(t.word().charAt(0)) && i + 1 < clause.size() && clause.get(i + 1).word().equals(",")
                && clause.size() > i + 3;
            if (FILLERS.contains(t.lower()) || t.tag().equals("INTJ") || t.isPunctuation() || t.tag().equals("CCONJ")) {
                i++;
            } else if (vocative && i == 0) {
                i += 2;
            } else {
                break;
            }
        }
        return clause.subList(i, clause.size());
    }

    /** Clauses: split at semicolons, colons, dashes, and at a comma or "and"/"but"/"so" that starts a new subject and verb. */
    static List<List<Token>> clauses(List<Token> tokens) {
        List<List<Token>> clauses = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            // "I confirm that the Council agrees …": what is confirmed is a clause of its own
            boolean complement = t.is("that") && i > 0 && ASSERTING.contains(tokens.get(i - 1).lemma());
            boolean hardBreak = t.is(";", ":", "-", "–", "—") || complement;
            boolean softBreak = (t.is(",") || t.is("but", "so", "and")) && startsClause(tokens, i + 1);
            if ((hardBreak || softBreak) && i > start) {
                clauses.add(tokens.subList(start, i));
                start = i + 1;
            }
        }
        if (start < tokens.size()) {
            clauses.add(tokens.subList(start, tokens.size()));
        }
        return clauses;
    }

    private static boolean startsClause(List<Token> tokens, int from) {
        for (int i = from; i < Math.min(tokens.size(), from + 4); i++) {
            Token t = tokens.get(i);
            if (t.tag().equals("AUX") || t.isVerb()) {
                return i > from || t.isVerb() && i == from && from > 0 && !tokens.get(from - 1).is("and");
            }
        }
        return false;
    }
}

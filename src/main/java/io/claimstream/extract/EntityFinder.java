package io.claimstream.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Organisation and person names with no list of names: runs of capitalised words, corporate suffixes dropped,
 * short forms folded into the long form they abbreviate in the same article ("Scale" into "Scale AI",
 * "Meta Platforms Inc." and "Meta Corporation" into "Meta"), surnames into the person they belong to.
 * Also marks pronouns and "the company"-style references for {@link ReferenceResolver}.
 */
final class EntityFinder {

    /** Capitalised words that are not names, or not on their own. General English, not names of companies. */
    static final Set<String> NOT_NAMES = Set.of(
            "the", "a", "an", "this", "that", "these", "those", "it", "its", "in", "on", "at", "for", "from", "by",
            "with", "as", "if", "but", "and", "or", "so", "according", "after", "before", "while", "when", "since",
            "despite", "though", "although", "however", "meanwhile", "also", "additionally", "currently",
            "previously", "thus", "then", "there", "here", "what", "which", "who", "why", "how", "where", "our",
            "we", "they", "he", "she", "his", "her", "their", "you", "your", "my", "i", "not", "no", "yes", "all",
            "some", "many", "most", "both", "each", "every", "such", "given", "without", "under", "over", "about",
            "into", "through", "during", "until", "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
            "jul", "aug", "sep", "sept", "oct", "nov", "dec", "q1", "q2", "q3", "q4", "ai", "agi", "ipo", "us",
            "u.s", "u.s.", "uk", "u.k", "u.k.", "eu", "un", "ceo", "cfo", "coo", "cto", "chairman", "chairwoman",
            "president", "founder", "co", "chief", "executive", "officer", "director", "head", "mr", "mrs", "ms",
            "dr", "sir", "read", "skip", "share", "click", "subscribe", "sign", "menu", "home", "news",
            "advertisement", "related", "more", "photo", "image", "video", "source", "sources", "update", "updated",
            "breaking", "exclusive", "analysis", "opinion", "editor", "reporting", "writing", "editing", "is", "was",
            "are", "were", "will", "would", "could", "should", "can", "might", "do", "does", "did", "has", "have",
            "had", "be", "been", "being", "one", "two", "three", "first", "second", "third", "last", "next", "other",
            "another", "any", "per", "via", "plus", "now", "just", "only", "even", "still", "yet", "ago", "like",
            "than", "to", "of", "big", "new", "key", "final", "deal", "tech", "inc", "corp", "ltd", "llc", "plc",
            "group", "holdings", "company", "corporation", "usd", "eur", "gbp", "jpy", "cny", "billion", "million",
            "percent", "dollar", "dollars", "mln", "bln", "nyse", "nasdaq", "etf", "gdp", "covid", "government",
            "department", "ministry", "agency", "agencies", "commission", "regulators", "administration", "board",
            "revenue", "revenues", "turnover"); // "reported Total Revenue of" (press releases capitalise it)

    /** Words that introduce a person and break a name run: "Meta CEO Mark Zuckerberg". */
    static final Set<String> TITLES = Set.of(
            "ceo", "cfo", "coo", "cto", "chairman", "chairwoman", "president", "founder", "co-founder", "cofounder",
            "chief", "executive", "mr", "mrs", "ms", "dr", "sir", "analyst", "minister", "secretary", "director",
            "spokesperson", "spokesman", "spokeswoman", "senator", "governor", "chair", "partner", "head");

    /** Words that describe an organisation before its name and are not part of it: "Rival Umbrella". */
    static final Set<String> DESCRIPTORS = Set.of("rival", "rivals", "parent", "peer", "startup", "start-up",
            "subsidiary", "unit", "owner", "fellow", "competitor", "investor", "lender", "bank", "insurer", "retailer",
            "carrier", "chipmaker", "automaker", "giant", "conglomerate", "billionaire", "tycoon", "buyer", "seller",
            "target", "acquirer", "activist", "backer");

    /** Corporate designators dropped from the end of a name. */
    static final Set<String> SUFFIXES = Set.of(
            "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "plc", "group",
            "holdings", "holding", "platforms", "technologies", "sa", "ag", "nv", "se", "gmbh", "lp", "llp", "pty",
            "ab", "spa", "bv", "kk", "oyj", "asa", "l.l.c", "s.a", "n.v", "pvt");

    /** Head nouns of references to an organisation: "the company", "the data-labeling powerhouse". */
    static final Set<String> GENERIC_HEADS = Set.of(
            "company", "firm", "corporation", "group", "conglomerate");
    static final Set<String> DESCRIPTIVE_HEADS = Set.of(
            "startup", "start-up", "business", "giant", "maker", "powerhouse", "provider", "platform", "lender",
            "bank", "insurer", "retailer", "carrier", "operator", "developer", "outfit", "unicorn", "target",
            "chipmaker", "automaker", "brand", "venture", "enterprise", "supplier", "manufacturer", "specialist",
            "upstart", "player", "newcomer", "pioneer", "leader", "outlet", "miner", "producer", "airline", "broker",
            "exchange", "marketplace", "app", "studio", "label", "lab", "owner", "creator", "parent");

    /** A raw run of capitalised words before folding. */
    private static final class Run {
        final Sentence s;
        final int tok0, tok1;
        /** Tokens of the name's words and connectors ("Bank of America"), in order. */
        final TokenList words;
        String core;
        boolean title;
        boolean organisation;

        Run(Sentence s, int tok0, int tok1, TokenList words) {
            this.s = s;
            this.tok0 = tok0;
            this.tok1 = tok1;
            this.words = words;
        }
    }

    /**
     * Token indexes with the list operations name runs need. Runs used to collect their words as Strings cut
     * from the text, then lower-cased them word by word and joined; the tokens already hold the lower-case
     * words, so only the indexes are kept and the Strings are built once, for the name's core.
     */
    private static final class TokenList {
        private int[] a = new int[4];
        private int from, to;

        void add(int tok) {
            if (to == a.length) a = java.util.Arrays.copyOf(a, a.length * 2);
            a[to++] = tok;
        }

        int size() {
            return to - from;
        }

        boolean isEmpty() {
            return to == from;
        }

        int get(int i) {
            return a[from + i];
        }

        /**
         * Drops the entries before token {@code tok}. By token, not by count: a run's tokens and its words differ
         * where a glued hyphen sits between them ("Acting-Chairman"), and counting tokens off the words once
         * emptied the list and threw.
         */
        void dropBefore(int tok) {
            while (from < to && a[from] < tok) from++;
        }

        /** Drops the entries at or after token {@code tok}. */
        void dropFrom(int tok) {
            while (to > from && a[to - 1] >= tok) to--;
        }
    }

    private final Aliases aliases;

    EntityFinder(Aliases aliases) {
        this.aliases = aliases;
    }

    /** Fills {@link Sentence#mentions} for all sentences; returns mention counts per slug (salience). */
    Map<String, Integer> find(List<Sentence> sentences) {
        List<Run> runs = new ArrayList<>();
        // a capitalised word is confirmed as a name if it is capitalised mid-sentence somewhere, or opens two
        // sentences ("Unilever said ...", "Unilever has ...")
        Set<String> capsMidSentence = new HashSet<>();
        Map<String, Integer> initialCount = new HashMap<>();
        for (Sentence s : sentences) {
            Tokens t = s.tokens;
            for (int k = 0; k < t.size; k++) {
                if (!cap(t, k) || t.is(k, Lexicon.NOT_NAMES)) continue;
                boolean initial = initialPosition(t, k);
                if (!s.headline && !initial) capsMidSentence.add(t.lower[k]);
                else if (initial && initialCount.merge(t.lower[k], 1, Integer::sum) >= 2) {
                    capsMidSentence.add(t.lower[k]);
                }
            }
        }
        // the same word written in lower case somewhere is an ordinary word ("Competitors are ..."); only the
        // few sentence-initial words are looked up, nothing is collected per token
        Set<String> initial = new HashSet<>(initialCount.keySet());
        ShapeFilter shapes = new ShapeFilter(initial);
        Set<String> lowerSeen = new HashSet<>();
        for (Sentence s : sentences) {
            Tokens t = s.tokens;
            for (int k = 0; k < t.size; k++) {
                if (t.type[k] == Tokens.WORD && shapes.mayContain(t.lower[k])
                        && Character.isLowerCase(t.chars[t.start[k]]) && initial.contains(t.lower[k])) {
                    lowerSeen.add(t.lower[k]);
                }
            }
        }
        for (String w : initial) if (!lowerSeen.contains(w) && !ordinaryWord(w)) capsMidSentence.add(w);
        for (Sentence s : sentences) collectRuns(s, capsMidSentence, runs);

        // count cores in body text; headline-only names are not trusted
        Map<String, Integer> coreCount = new LinkedHashMap<>();
        Map<String, Integer> allCount = new HashMap<>();
        Map<String, Integer> firstBody = new HashMap<>(); // run index of each core's first mention in body text
        Map<String, List<String>> coreWords = new HashMap<>(); // only filled, and asked, with aliases loaded
        for (Run r : runs) {
            r.core = core(r);
            // a headline line (no closing stop) names parties in passing; the body introduces them
            if (!r.s.headline && !r.s.standalone) firstBody.putIfAbsent(r.core, firstBody.size());
            if (!aliases.isEmpty()) coreWords.putIfAbsent(r.core, stripSuffixes(originals(r)));
            if (!r.s.headline) coreCount.merge(r.core, 1, Integer::sum);
            allCount.merge(r.core, 1, Integer::sum);
        }
        // persons: introduced by a title, or their surname used alone elsewhere
        Set<String> persons = new java.util.TreeSet<>(); // sorted: folding must not depend on hash order
        Set<String> organisations = new HashSet<>();
        for (Run r : runs) if (r.organisation) organisations.add(r.core);
        // "the founding Ito family": a family is its people
        for (Run r : runs) if (r.core.endsWith(" family")) persons.add(r.core);
        // "DB Schenker", "SK Hynix": a first word in capitals is no given name
        Set<String> upperFirst = new HashSet<>();
        for (Run r : runs) {
            int w0 = r.words.get(0);
            if (r.words.size() > 1 && r.s.tokens.end[w0] - r.s.tokens.start[w0] >= 2 && allUpper(r.s.tokens, w0)) {
                upperFirst.add(r.core);
            }
        }
        for (Run r : runs) if (r.title && !organisations.contains(r.core)) persons.add(r.core);
        Map<String, String> fold = new HashMap<>();
        Set<String> upperSurface = new HashSet<>();
        for (Run r : runs) if (r.words.size() == 1 && allUpper(r.s.tokens, r.words.get(0))) upperSurface.add(r.core);
        // indexes over the article's names, so folding is linear in their number
        Map<String, List<String>> longerByFirst = new HashMap<>();
        Map<String, List<String>> byInitials = new HashMap<>();
        Map<String, String> longerByLast = new HashMap<>(); // "" where several names end with the word
        for (String c : coreCount.keySet()) {
            int sp = c.indexOf(' ');
            if (sp < 0) continue;
            longerByLast.merge(c.substring(c.lastIndexOf(' ') + 1), c, (a, b) -> "");
            longerByFirst.computeIfAbsent(c.substring(0, sp), x -> new ArrayList<>()).add(c);
            byInitials.computeIfAbsent(initials(c), x -> new ArrayList<>()).add(c);
        }
        for (String c : coreCount.keySet()) {
            String[] w = c.split(" ");
            if (w.length >= 2 && w.length <= 3 && coreCount.containsKey(w[w.length - 1])
                    && !longerByFirst.containsKey(w[w.length - 1]) && !organisations.contains(c)
                    && !upperFirst.contains(c) && !REGIONS.contains(w[w.length - 1]) && !NOT_NAMES.contains(w[0])) {
                persons.add(c);
            }
        }
        Map<String, String> surnames = new HashMap<>();
        for (String p : persons) {
            int sp = p.lastIndexOf(' ');
            // "Alex Birkenstock ... Christian Birkenstock ... Birkenstock": a surname two people share is their
            // family's, or its company's, and folds into neither
            if (sp > 0 && !p.endsWith(" family")) surnames.merge(p.substring(sp + 1), p, (a, b) -> a.equals(b) ? a : "");
        }
        surnames.values().removeIf(String::isEmpty);
        // a short form folds into the longer name it begins ("Scale" into "Scale AI", "Activision" into
        // "Activision Blizzard") unless the long form is rare next to it ("Amazon" is not "Amazon Web Services")
        // "Abu Dhabi National Oil Company (Adnoc)", "Initech Holdings Corporation (IHC)": an acronym in brackets
        // right after a name, spelling its initials (suffix words included), is the same party; the article
        // calls it by the acronym from then on, and so do outlets that write the acronym alone, so the acronym
        // is the slug (folded below, after the other forms are)
        Map<String, String> bracketAcronyms = new LinkedHashMap<>(); // long core -> acronym core
        for (int i = 0; i + 1 < runs.size(); i++) {
            Run r1 = runs.get(i), r2 = runs.get(i + 1);
            if (r1.s != r2.s || r1.words.size() < 2 || r2.words.size() != 1 || r2.core.equals(r1.core)) continue;
            Tokens t = r1.s.tokens;
            if (r2.tok0 != r1.tok1 + 1 || !t.isSym(r1.tok1, '(') || !t.isSym(r2.tok1, ')')) continue;
            if (r1.s.headline || !coreCount.containsKey(r1.core) || !coreCount.containsKey(r2.core)) continue;
            if (bracketAcronyms.containsValue(r2.core)) continue;
            if (spellsInitials(t.lower[r2.words.get(0)], t, r1.words)) bracketAcronyms.putIfAbsent(r1.core, r2.core);
        }
        for (String c : coreCount.keySet()) {
            if (bracketAcronyms.containsValue(c)) continue;
            String best = null;
            int bestCount = 0;
            int sp0 = c.indexOf(' ');
            List<String> longer = longerByFirst.getOrDefault(sp0 < 0 ? c : c.substring(0, sp0), List.of());
            for (String l : longer) {
                int n = coreCount.get(l);
                if (l.length() > c.length() && l.startsWith(c) && l.charAt(c.length()) == ' ' && n > bestCount) {
                    best = l;
                    bestCount = n;
                }
            }
            if (best != null && !persons.contains(best) && !persons.contains(c) && !regionalUnit(best, c)
                    && !vehicleOf(best, c)) {
                foldShortAndLong(c, best, fold, allCount, firstBody);
                continue;
            }
            // "Banco Sabadell ... Sabadell", "Alimentation Couche-Tard ... Couche-Tard": a one-word name that ends
            // exactly one longer name of the article is that name, called as above
            String ending = sp0 < 0 ? longerByLast.get(c) : null;
            if (ending != null && !ending.isEmpty() && !persons.contains(c) && !persons.contains(ending)
                    && !fold.containsKey(ending) && !REGIONS.contains(c)) {
                foldShortAndLong(c, ending, fold, allCount, firstBody);
                continue;
            }
            // "U.S. Steel" for "United States Steel Corp": the dotted letters are the initials of the long
            // form's first words and the words after them are the same
            String expanded = sp0 > 0 && c.indexOf('.') > 0 && c.indexOf('.') < sp0 ? dottedExpansion(c, byInitials) : null;
            if (expanded != null) {
                fold.put(c, expanded);
                continue;
            }
            // "J&J" for "Johnson & Johnson", "P&G": single letters joined by ampersands
            if (c.length() >= 5 && c.length() <= 9 && lettersAndAmpersands(c)) {
                List<String> hits = new ArrayList<>(byInitials.getOrDefault(c.replace(" & ", ""), List.of()));
                hits.remove(c); // its own letters are among the initials too
                if (hits.size() == 1) {
                    fold.put(c, hits.get(0));
                    continue;
                }
            }
            if (c.indexOf(' ') >= 0) continue;
            // "ADIA" for "Abu Dhabi Investment Authority": an acronym of a longer name in the same article
            if (c.length() >= 2 && c.length() <= 6 && upperSurface.contains(c)) {
                List<String> hits = byInitials.getOrDefault(c, List.of());
                if (hits.size() == 1) {
                    fold.put(c, hits.get(0));
                    continue;
                }
            }
            // a surname alone: "Wang" for "Alexandr Wang"
            String person = surnames.get(c);
            if (person != null) fold.put(c, person);
        }
        for (Map.Entry<String, String> e : bracketAcronyms.entrySet()) {
            String canon = e.getKey();
            for (int n = 0; n < 4 && fold.containsKey(canon); n++) canon = fold.get(canon);
            if (!canon.equals(e.getValue())) fold.put(canon, e.getValue());
        }
        Map<String, Integer> salience = new LinkedHashMap<>();
        // one slug String per name: built once, and the mentions share it, so its hash is computed once and the
        // many slug comparisons downstream are mostly of identical instances
        Map<String, String> slugs = new HashMap<>();
        for (Run r : runs) {
            String canon = r.core;
            for (int n = 0; n < 4 && fold.containsKey(canon); n++) canon = fold.get(canon);
            if (!coreCount.containsKey(canon)) continue; // headline-only
            String slug = aliasFor(r, coreWords.get(canon));
            if (slug == null) slug = slugs.computeIfAbsent(canon, EntityFinder::slugify);
            Mention m = new Mention(Mention.Kind.NAME, r.tok0, r.tok1, slug);
            m.person = persons.contains(canon);
            // "per Reuters" is a source; "€2.14 per Initech share" is the share priced
            boolean perShare = r.s.tokens.isWord(r.tok1, "share") || r.s.tokens.isWord(r.tok1, "shares");
            // "Wall Street analysts expect", "Jefferies analysts said": who speaks, not whose figure
            boolean speakers = ANALYSTS.contains(r.s.tokens.word(r.tok1));
            m.attribution = isAttribution(r.s.tokens, r.tok0) && !perShare || speakers || bracketed(r.s.tokens, r.tok0, r.tok1)
                    || dateline(r.s.tokens, r.tok1);
            r.s.mentions.add(m);
            if (!r.s.headline) salience.merge(slug, 1, Integer::sum);
        }
        for (Sentence s : sentences) {
            addReferences(s, salience);
            s.mentions.sort((a, b) -> Integer.compare(a.tok0, b.tok0));
            markPossessiveQualifiers(s);
        }
        return salience;
    }

    /**
     * A set's words by length and first letter, as 1,024 bits: asked for every lower-case word of an article
     * whether it may be one of the few sentence-initial words, it answers most with no for the price of a bit
     * test, where the set itself would hash the word. No false "no": a "yes" is checked against the set.
     */
    private static final class ShapeFilter {
        private final long[] bits = new long[16];

        ShapeFilter(Set<String> words) {
            for (String w : words) set(shape(w));
        }

        private static int shape(String w) {
            return w.isEmpty() ? 0 : (w.length() * 31 + w.charAt(0)) & 1023;
        }

        private void set(int b) {
            bits[b >>> 6] |= 1L << b;
        }

        boolean mayContain(String w) {
            int b = shape(w);
            return (bits[b >>> 6] & 1L << b) != 0;
        }
    }

    /**
     * The name's words without corporate suffixes, lower case, joined by spaces: what {@link #stripSuffixes}
     * of the words as written, joined and lower-cased, gives. ASCII words take the tokens' lower-case forms
     * and cost one String per run; a run with other letters is built the long way, so the JDK's case rules
     * see the whole name as before.
     */
    private static String core(Run r) {
        Tokens t = r.s.tokens;
        TokenList w = r.words;
        for (int i = 0; i < w.size(); i++) {
            if (!ascii(t, w.get(i))) return String.join(" ", stripSuffixes(originals(r))).toLowerCase(Locale.ROOT);
        }
        int n = w.size();
        while (n > 1) {
            String x = lowerAscii(t, w.get(n - 1));
            if (x.endsWith(".")) x = x.substring(0, x.length() - 1);
            if (!SUFFIXES.contains(x) && !x.equals("of") && !x.equals("&")) break;
            if (n == 2 && keptGroupWord(x, t.end[w.get(0)] - t.start[w.get(0)])) break;
            n--;
        }
        if (n == 1) return lowerAscii(t, w.get(0));
        StringBuilder b = new StringBuilder(t.end[w.get(n - 1)] - t.start[w.get(0)]);
        for (int i = 0; i < n; i++) {
            // "Viacom18": glued digits stay in their word
            if (i > 0 && !(t.type[w.get(i)] == Tokens.NUM && t.attached(w.get(i)))) b.append(' ');
            b.append(lowerAscii(t, w.get(i)));
        }
        return b.toString();
    }

    /**
     * "EP Group", "SK Holdings": a group word after a name of one or two letters is how the name is used (alone,
     * "EP" is hardly a name), so it stays in the slug (`ep-group`). Legal forms (Inc, Corp, Ltd) still go: "HP Inc"
     * is `hp`.
     */
    private static boolean keptGroupWord(String suffix, int firstWordLength) {
        return firstWordLength <= 2 && (suffix.equals("group") || suffix.equals("holdings") || suffix.equals("holding"));
    }

    private static boolean ascii(Tokens t, int k) {
        for (int i = t.start[k]; i < t.end[k]; i++) if (t.chars[i] >= 128) return false;
        return true;
    }

    /** Lower case of an ASCII token: a word's from the tokens, a connector symbol ("&") as it is. */
    private static String lowerAscii(Tokens t, int k) {
        return t.type[k] == Tokens.WORD ? t.lower[k] : t.original(k);
    }

    /** The run's words as written. */
    private static List<String> originals(Run r) {
        List<String> out = new ArrayList<>(r.words.size());
        for (int i = 0; i < r.words.size(); i++) out.add(r.s.tokens.original(r.words.get(i)));
        return out;
    }

    /** The user's slug for a run, if aliases are loaded; the strings to look up are only built then. */
    private String aliasFor(Run r, List<String> coreWords) {
        if (aliases.isEmpty()) return null;
        Tokens t = r.s.tokens;
        String surface = t.text.substring(t.start[r.tok0], t.end[r.tok1 - 1]);
        return aliases.slugFor(surface, String.join(" ", coreWords));
    }

    /** {@link #allUpper(String)} of token k as written, without cutting it from the text when it is ASCII. */
    private static boolean allUpper(Tokens t, int k) {
        for (int i = t.start[k]; i < t.end[k]; i++) {
            char c = t.chars[i];
            if (c >= 128) return allUpper(t.original(k));
            if (c >= 'a' && c <= 'z') return false;
        }
        return true;
    }

    /** {@code w.equals(w.toUpperCase(Locale.ROOT))} without the copy for ASCII words, nearly all of them. */
    private static boolean allUpper(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c >= 128) return w.equals(w.toUpperCase(Locale.ROOT)); // the JDK's case rules beyond ASCII
            if (c >= 'a' && c <= 'z') return false;
        }
        return true;
    }

    /** The acronym is the first letters of the name's words, "of", "and" and "&" skipped or not. */
    private static boolean spellsInitials(String acronym, Tokens t, TokenList words) {
        if (acronym.length() < 2 || acronym.length() > 8) return false;
        StringBuilder all = new StringBuilder(), content = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String w = t.lower[words.get(i)];
            if (w == null || w.isEmpty() || !Character.isLetterOrDigit(w.charAt(0))) continue;
            all.append(w.charAt(0));
            if (!w.equals("of") && !w.equals("and") && !w.equals("the")) content.append(w.charAt(0));
        }
        return acronym.contentEquals(all) || acronym.contentEquals(content);
    }

    /**
     * A short and a long form of one entity are called by the form the article introduces it with ("Juniper
     * Networks Inc. agreed ... Juniper shareholders"), so outlets that shorten it differently agree; else by the form
     * the article uses more ("Scale AI" over "Scale"), the longer on a tie.
     */
    private static void foldShortAndLong(String shorter, String longer, Map<String, String> fold,
                                         Map<String, Integer> allCount, Map<String, Integer> firstBody) {
        boolean introducedLong = firstBody.getOrDefault(longer, Integer.MAX_VALUE)
                < firstBody.getOrDefault(shorter, Integer.MAX_VALUE);
        if (allCount.get(shorter) > allCount.get(longer) && !introducedLong) fold.put(longer, shorter);
        else fold.put(shorter, longer);
    }

    /** The one longer core "u.s steel" abbreviates ("united states steel"), or null. */
    private static String dottedExpansion(String c, Map<String, List<String>> byInitials) {
        int sp = c.indexOf(' ');
        String letters = c.substring(0, sp).replace(".", "");
        String rest = c.substring(sp + 1);
        String found = null;
        for (String l : byInitials.getOrDefault(letters + initials(rest), List.of())) {
            if (l.endsWith(" " + rest) && l.split(" ").length == letters.length() + rest.split(" ").length) {
                if (found != null) return null;
                found = l;
            }
        }
        return found;
    }

    private static String initials(String core) {
        StringBuilder b = new StringBuilder();
        for (String w : core.split(" ")) if (!w.isEmpty() && !w.equals("of") && !w.equals("&")) b.append(w.charAt(0));
        return b.toString();
    }

    private static boolean startsAnother(String word, Map<String, Integer> cores) {
        for (String c : cores.keySet()) if (c.startsWith(word + " ")) return true;
        return false;
    }

    /** Capitalised, or a lower-case initial followed by capitals (eBay, xAI, iPhone). */
    static boolean cap(Tokens t, int k) {
        return t.type[k] == Tokens.WORD && t.capital[k];
    }

    /** First word of the sentence, or first after an opening quote, bullet or number. */
    private static boolean initialPosition(Tokens t, int k) {
        // "NEW YORK, Aug 14 (Reuters) - Candy maker Mars", "(BUSINESS WIRE)-- Bristol Myers": the story opens after
        // the dateline's dash
        int d = k - 1;
        while (d >= 0 && t.isDashTok(d)) d--;
        if (d < k - 1 && d >= 0 && (t.isSym(d, ')') || t.isSym(d, '/'))) return true;
        for (int i = k - 1; i >= 0; i--) {
            if (t.type[i] == Tokens.WORD) return false;
            if (t.type[i] == Tokens.NUM) return i == 0 || initialPosition(t, i);
            char c = t.text.charAt(t.start[i]);
            if (c == ',' || c == '(' || c == '$') return false;
        }
        return true;
    }

    private void collectRuns(Sentence s, Set<String> capsMidSentence, List<Run> out) {
        Tokens t = s.tokens;
        int k = 0;
        while (k < t.size) {
            // "U.S. Steel", "U.K. Power Networks": a dotted country abbreviation opening a name is part of it
            int dotted = dottedPrefix(s, k);
            if (dotted < 0 && (!cap(t, k) || t.is(k, Lexicon.NOT_NAMES) && !ordinalOpening(t, k)
                    || t.is(k, Lexicon.DESCRIPTORS) && !namePart(t, k, null) || insideQuantity(s, k))) {
                k++;
                continue;
            }
            int a = k;
            TokenList words = new TokenList();
            while (k < t.size) {
                if (cap(t, k) && !t.is(k, Lexicon.TITLES) && (!t.is(k, Lexicon.DESCRIPTORS) || namePart(t, k, words))
                        && !insideQuantity(s, k)) {
                    if (!words.isEmpty() && t.is(k, Lexicon.NOT_NAMES) && !t.is(k, Lexicon.SUFFIXES)
                            && !t.upper(k) && !numberInName(t, k)) break;
                    if (words.isEmpty() && t.is(k, Lexicon.NOT_NAMES) && !ordinalOpening(t, k) && dottedPrefix(s, k) < 0) break;
                    words.add(k);
                    k++;
                    // "Viacom18": digits glued to the end of a name's word of three letters or more are part of it
                    // ("Q3", "G7", "A320" stay no names)
                    if (k < t.size && t.type[k] == Tokens.NUM && t.attached(k) && t.end[k - 1] - t.start[k - 1] >= 3
                            && (k + 1 >= t.size
                            || t.type[k + 1] != Tokens.WORD || !t.attached(k + 1))) {
                        words.add(k);
                        k++;
                    }
                    int next = dottedPrefix(s, k - 1);
                    if (next >= 0) k = next; // over the abbreviation's closing dot
                    // "Coca-Cola": a glued hyphen between capitals continues the name
                    if (k + 1 < t.size && t.isDashTok(k) && t.attached(k) && t.attached(k + 1) && cap(t, k + 1)) k++;
                    // "Inc." keeps its dot inside the span
                    continue;
                }
                // "Bank of America", "Johnson & Johnson"
                if (!words.isEmpty() && k + 1 < t.size && cap(t, k + 1) && !t.is(k + 1, Lexicon.TITLES)
                        && (t.isWord(k, "of") || t.isSym(k, '&'))) {
                    words.add(k);
                    k++;
                    continue;
                }
                // "Seven & i Holdings": a single lower-case letter after the ampersand
                if (!words.isEmpty() && t.isSym(k, '&') && k + 1 < t.size && t.type[k + 1] == Tokens.WORD
                        && t.end[k + 1] - t.start[k + 1] == 1) {
                    words.add(k);
                    words.add(k + 1);
                    k += 2;
                    continue;
                }
                break;
            }
            if (words.isEmpty()) {
                k = Math.max(k, a + 1);
                continue;
            }
            int b = k;
            // drop a trailing connector or stop word: "Scale AI and", "Reuters The"
            while (b > a && (t.type[b - 1] != Tokens.WORD && !(t.type[b - 1] == Tokens.NUM && t.attached(b - 1))
                    || t.is(b - 1, Lexicon.NOT_NAMES) && !t.is(b - 1, Lexicon.SUFFIXES) && !t.upper(b - 1)
                    && !numberInName(t, b - 1))) {
                b--;
                words.dropFrom(b);
            }
            // drop leading stop words and an unconfirmed sentence-initial word ("Citing Reuters", "Competitors are")
            int a2 = a;
            while (a2 < b && dottedPrefix(s, a2) < 0 && (t.is(a2, Lexicon.NOT_NAMES) && !ordinalOpening(t, a2)
                    || t.type[a2] != Tokens.WORD)) {
                a2++;
                words.dropBefore(a2);
            }
            boolean hyphenated = a2 + 1 < b && t.isDashTok(a2 + 1) && t.attached(a2 + 1); // "Take-Two's outlook"
            if (a2 < b && initialPosition(t, a2) && !capsMidSentence.contains(t.lower[a2]) && !acronym(t, a2)
                    && !hyphenated && !ordinalOpening(t, a2)
                    && (b - a2 == 1 || t.lower[a2].endsWith("ing") || t.lower[a2].endsWith("ed")
                    || COMMON_INITIAL.contains(t.lower[a2]))) {
                a2++;
                words.dropBefore(a2);
                // "Shareholders of Initech": the connector left behind goes too
                while (a2 < b && dottedPrefix(s, a2) < 0 && (t.is(a2, Lexicon.NOT_NAMES) || t.type[a2] != Tokens.WORD)) {
                    a2++;
                    words.dropBefore(a2);
                }
            }
            // "British tycoon", "Chinese consumers": a nationality adjective before a common noun
            if (b - a2 == 1 && b < t.size && t.type[b] == Tokens.WORD && !cap(t, b) && demonym(t.lower[a2])) {
                a2 = b;
            }
            // "Candy maker Mars", "Chip giant Nvidia" opening a sentence: the capital is the sentence's, the word
            // says what the name after the head is
            if (b - a2 == 1 && initialPosition(t, a2) && !acronym(t, a2) && b < t.size && !cap(t, b)
                    && (t.is(b, Lexicon.DESCRIPTIVE_HEADS) || t.is(b, Lexicon.GENERIC_HEADS) || t.is(b, Lexicon.DESCRIPTORS))) {
                a2 = b;
            }
            // "Paris-based Mistral", "the New York-based company": a place glued to -based is no party; so is the
            // town before its state in "The McLean, Virginia-based company"
            if (placeCompound(t, b) || t.isSym(b, ',') && b + 1 < t.size && cap(t, b + 1) && placeCompound(t, b + 2)) {
                a2 = b;
            }
            // "the Birkenstock family", "the founding Ito family": the family, its people, a holder of its own
            if (b < t.size && t.isWord(b, "family") && !t.capital[b] && a2 < b && !words.isEmpty()) {
                words.add(b);
                b++;
                k = Math.max(k, b);
            }
            // "the Chips Act", "the Hart-Scott-Rodino Antitrust Improvements Act": a law, not a party
            boolean law = b > a2 && (t.isWord(b - 1, "act") || t.isWord(b - 1, "directive")) && words.size() > 1;
            if (a2 < b && !words.isEmpty() && isName(t, words) && !roundName(t, words) && !law) {
                Run r = new Run(s, a2, b, words);
                r.title = a2 > 0 && t.type[a2 - 1] == Tokens.WORD && t.is(a2 - 1, Lexicon.TITLES)
                        || titleAfter(t, b);
                // "Walt Disney Co", "Globex Holdings", "Banco Sabadell": a legal form or an institution's word
                // makes the name an organisation's, whatever its words look like
                r.organisation = b > a2 && t.type[b - 1] == Tokens.WORD && t.is(b - 1, Lexicon.SUFFIXES)
                        && words.size() > 1 || t.type[a2] == Tokens.WORD && ORG_OPENERS.contains(t.lower[a2]);
                out.add(r);
            }
            if (k == a) k++;
        }
    }

    /**
     * "Deutsche Bank", "Suncorp Bank", "Bank of America": "Bank" after a name's word, or before "of" and a
     * capitalised word, is part of the name; other descriptors are not ("Cybersecurity Startup Wiz", "Rival X").
     */
    private static boolean namePart(Tokens t, int k, TokenList words) {
        if (!t.isWord(k, "bank")) return false; // the one descriptor that ends and opens names of its own kind
        if (words != null && !words.isEmpty()) return true;
        return t.isWord(k + 1, "of") && k + 2 < t.size && cap(t, k + 2) && !t.is(k + 2, Lexicon.NOT_NAMES);
    }

    private static final Set<String> ANALYSTS = Set.of("analysts", "analyst", "economists", "strategists", "traders",
            "watchers", "observers");

    /** Words that make a longer name a vehicle of the shorter, a party of its own: "SoftBank Vision Fund". */
    private static final Set<String> VEHICLE_WORDS = Set.of("fund", "funds", "ventures", "foundation", "trust");

    /** "j & j", "p & g": single letters joined by " & ". */
    private static boolean lettersAndAmpersands(String c) {
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            boolean ok = i % 4 == 0 ? ch >= 'a' && ch <= 'z' : i % 4 == 2 ? ch == '&' : ch == ' ';
            if (!ok) return false;
        }
        return c.length() % 4 == 1;
    }

    /** "softbank vision fund" against "softbank": the longer form adds a fund, a foundation, a bank. */
    private static boolean vehicleOf(String longer, String shorter) {
        for (String w : longer.substring(shorter.length() + 1).split(" ")) if (VEHICLE_WORDS.contains(w)) return true;
        return false;
    }

    /** "Banco Sabadell", "Banca Monte", "Grupo Bimbo": words that open the names of institutions, not of people. */
    static final Set<String> ORG_OPENERS = Set.of("banco", "banca", "banque", "bank", "grupo", "groupe", "gruppo",
            "compagnie", "compania", "companhia", "societe", "société", "sociedad", "industrias", "industrie",
            "caixa", "caja", "fondazione", "fondation", "fundacion", "fundación", "stichting", "institut", "instituto");

    /** "Jane Roe, the chief executive,", "Jane Roe, its founder,": a title in an appositive right after the name. */
    private static boolean titleAfter(Tokens t, int b) {
        if (!t.isSym(b, ',')) return false;
        int k = b + 1;
        if (t.isWord(k, "the") || t.isWord(k, "its") || t.isWord(k, "their") || t.isWord(k, "a")) k++;
        for (int j = k; j < t.size && j < k + 2; j++) if (t.is(j, Lexicon.TITLES) && !cap(t, j)) return true;
        return false;
    }

    /**
     * "Capital One", "Formula One": a capitalised "One" right after a capitalised word is part of that name, not the
     * number (which news writes in lower case mid-sentence).
     */
    private static boolean numberInName(Tokens t, int k) {
        // "Take-Two Interactive": a number word glued by a hyphen to a capitalised word
        if (t.is(k, Lexicon.NUMBER_WORD) && t.capital[k] && k >= 2 && t.isDashTok(k - 1) && t.attached(k - 1)
                && t.attached(k) && cap(t, k - 2)) {
            return true;
        }
        return t.isWord(k, "one") && t.capital[k] && !t.upper(k) && k > 0 && cap(t, k - 1) && !t.attached(k)
                && !initialPosition(t, k);
    }

    /** "First Republic Bank", "First Quantum": an ordinal opening a name, before a capitalised word that can be one. */
    private static boolean ordinalOpening(Tokens t, int k) {
        return (t.isWord(k, "first") || t.isWord(k, "second") || t.isWord(k, "third")) && t.capital[k] && !t.upper(k)
                && k + 1 < t.size && cap(t, k + 1) && !t.is(k + 1, Lexicon.NOT_NAMES) && !t.is(k + 1, Lexicon.TITLES)
                && !t.attached(k + 1);
    }

    /**
     * "U.S. Steel": token k is a capitalised abbreviation of single letters joined by dots ("U.S", "U.K"), its
     * closing dot may follow, and then a capitalised word that can be a name (not a title, stop word or
     * descriptor: "U.S. President", "U.S. Department" stay out). Returns the token of that word, else -1.
     */
    private static int dottedPrefix(Sentence s, int k) {
        Tokens t = s.tokens;
        if (!cap(t, k) || t.end[k] - t.start[k] < 3 || t.end[k] - t.start[k] > 5) return -1;
        for (int i = t.start[k]; i < t.end[k]; i++) {
            char c = t.chars[i];
            if ((i - t.start[k]) % 2 == 0 ? !(c >= 'A' && c <= 'Z') : c != '.') return -1;
        }
        int n = k + 1;
        if (t.isSym(n, '.') && t.attached(n)) n++;
        if (n >= t.size || !cap(t, n) || t.is(n, Lexicon.NOT_NAMES) || t.is(n, Lexicon.TITLES)
                || t.is(n, Lexicon.DESCRIPTORS) || insideQuantity(s, n)) {
            return -1;
        }
        return n;
    }

    /** The name ending before token b is glued to "-based", "-listed" or "-headquartered": a place. */
    private static boolean placeCompound(Tokens t, int b) {
        if (b + 1 >= t.size || !t.isDashTok(b) || !t.attached(b) || !t.attached(b + 1)) return false;
        String w = t.word(b + 1);
        return w.equals("based") || w.equals("listed") || w.equals("headquartered");
    }

    /**
     * "Alphabet's Google", "Germany's Covestro", "Abu Dhabi's state oil company ADNOC": a possessive name right
     * before another name (or before a description of it) only says whose or where the second is; the second
     * is the party. Not before a deal noun: "Microsoft's OpenAI stake" is Microsoft's.
     */
    private static void markPossessiveQualifiers(Sentence s) {
        Tokens t = s.tokens;
        List<Mention> ms = s.mentions;
        // "The owner of Royal Mail agreed a takeover", "Royal Mail owner agrees": the owner is the party, the
        // name only says what it owns
        for (Mention m : ms) {
            if (m.kind != Mention.Kind.NAME || m.person) continue;
            // "the owner of X", "the Japanese owner of the X chain"
            int o = m.tok0 - 1;
            if (t.isWord(o, "the")) o--;
            boolean ownerOf = t.isWord(o, "of") && OWNERS.contains(t.word(o - 1))
                    && (t.isWord(o - 2, "the") || demonym(t.word(o - 2)) && t.isWord(o - 3, "the"));
            boolean ownerAfter = OWNERS.contains(t.word(m.tok1)) && m.tok1 + 1 < t.size && t.type[m.tok1 + 1] == Tokens.WORD
                    && !t.isWord(m.tok1 + 1, "of");
            if (ownerOf || ownerAfter) m.attribution = true;
        }
        for (int i = 0; i + 1 < ms.size(); i++) {
            Mention m = ms.get(i);
            if (m.kind != Mention.Kind.NAME) continue;
            int k = m.tok1;
            if (k + 1 >= t.size || !(t.isSym(k, '\'') || t.isSym(k, '\u2019')) || !t.isWord(k + 1, "s")) continue;
            Mention n = null;
            for (int j = i + 1; j < ms.size(); j++) {
                if (ms.get(j).tok0 >= k + 2) {
                    n = ms.get(j);
                    break;
                }
            }
            if (n == null || n.kind != Mention.Kind.NAME || n.person || n.tok0 > k + 2 + 4) continue;
            boolean description = true;
            for (int j = k + 2; j < n.tok0; j++) {
                if (t.type[j] != Tokens.WORD || EntityFinder.cap(t, j) && !t.upper(j) || t.is(j, Lexicon.NOT_NAMES)) {
                    description = false;
                }
            }
            if (!description) continue;
            boolean vehicle = n.tok0 > k + 2 && VEHICLES.contains(t.word(n.tok0 - 1));
            if (n.tok0 > k + 2 && !(t.is(n.tok0 - 1, Lexicon.GENERIC_HEADS) || t.is(n.tok0 - 1, Lexicon.DESCRIPTIVE_HEADS)
                    || t.is(n.tok0 - 1, Lexicon.DESCRIPTORS) || vehicle)) {
                continue;
            }
            if (POSSESSED_DEAL_NOUNS.contains(t.word(n.tok1))) continue;
            // a person's possessive only before a description of what the person owns ("Jane Roe's investment
            // vehicle Globex", "Jane Roe's holding company Globex"): the person acts through it
            if (m.person) {
                if (n.tok0 == k + 2 || !(vehicle || t.is(n.tok0 - 1, Lexicon.GENERIC_HEADS))) continue;
                m.vehicle = n.slug;
            }
            m.attribution = true;
        }
    }

    private static final Set<String> OWNERS = Set.of("owner", "owners", "parent");

    /** What a person acts through: "investment vehicle", "family office", "holding company" (GENERIC_HEADS). */
    static final Set<String> VEHICLES = Set.of("vehicle", "office", "fund", "arm");

    private static final Set<String> POSSESSED_DEAL_NOUNS = Set.of("stake", "stakes", "investment", "investments",
            "deal", "acquisition", "takeover", "purchase", "bid", "offer", "buyout", "merger", "holding", "shares",
            "purchases", "acquisitions");

    /** "Rs 4,000 crore", "US$89": currency words are part of a figure, not a name. */
    private static boolean insideQuantity(Sentence s, int k) {
        int off = s.tokens.start[k];
        for (Quantity q : s.quantities) if (off >= q.start() && off < q.end()) return true;
        return false;
    }

    /** Sentence-initial words that are common nouns, verbs or adverbs by their form or use in news prose. */
    private static boolean ordinaryWord(String w) {
        if (NOT_NAMES.contains(w) || COMMON_INITIAL.contains(w)) return true;
        return w.endsWith("ing") || w.endsWith("ly") || w.endsWith("ers") || w.endsWith("ors") || w.endsWith("ists")
                || w.endsWith("ants") || w.endsWith("ments") || w.endsWith("tion") || w.endsWith("tions")
                || w.endsWith("ies") || w.endsWith("ed") || w.length() < 3;
    }

    /** Plural subjects and openers of news sentences that are no names. */
    static final Set<String> COMMON_INITIAL = Set.of("say", "imagine", "consider", "take", "look", "see", "note",
            "remember", "suppose", "let",
            "shares", "sources", "officials", "experts", "people", "critics", "rivals", "banks", "companies",
            "firms", "markets", "prices", "sales", "profits", "revenue", "stocks", "talks", "terms", "details",
            "neither", "either", "under", "last", "earlier", "later", "separately", "together", "overall", "instead",
            "indeed", "still", "shortly", "once", "unlike", "like", "among", "amid", "against", "beyond", "within",
            "without", "upon", "regardless", "whether", "because", "unless", "even", "much", "few", "several",
            "others", "another", "its", "first", "second", "third", "finally", "next", "meanwhile", "elsewhere",
            "nevertheless", "nonetheless", "moreover", "furthermore", "importantly", "notably", "ultimately", "yet",
            "so", "thus", "hence", "therefore", "citing", "following", "including", "excluding", "despite", "given",
            "asked", "speaking", "writing", "deal", "deals", "growth", "demand", "investment", "investments",
            "days", "weeks", "months", "years", "hours", "minutes", "moments", "decades",
            "funding", "valuation", "news", "data", "equity", "capital", "debt", "cash", "income", "earnings",
            "losses", "costs", "spending", "analysis", "research", "reports", "reporting", "industry", "government",
            "regulators", "consumers", "users", "customers", "employees", "workers", "staff", "management",
            "executives", "directors", "shareholders", "investors", "analysts", "buyers", "sellers", "lenders",
            "bankers", "lawyers");

    static boolean demonym(String w) {
        return w.length() > 4 && (w.endsWith("ish") || w.endsWith("ese") || w.endsWith("ian") || w.endsWith("ean")
                || w.endsWith("can")) || NATIONALITIES.contains(w);
    }

    /**
     * Nationality adjectives that do not end like "British", "Chinese", "Italian", "Korean" or "American": the
     * short ones and those ending in -i ("Czech", "German", "Swiss", "Israeli"). Read as no name only before a
     * lower-case word ("the Czech billionaire", "Swiss government"), so "Swiss Re" and "German Bank" stay names.
     */
    static final Set<String> NATIONALITIES = Set.of("czech", "german", "swiss", "dutch", "french", "thai",
            "greek", "welsh", "scots", "israeli", "saudi", "emirati", "qatari", "kuwaiti", "omani",
            "iraqi", "yemeni", "pakistani", "bangladeshi", "nepali", "somali", "azerbaijani", "uzbek", "kazakh",
            "kenyan", "ugandan", "rwandan", "argentine", "filipino",
            "basque", "catalan", "flemish", "slovak", "croat", "serb", "bosniak", "maltese", "cypriot");

    /** "ADIA", "OpenAI", "xAI": capitals after the first letter mark a name even at the start of a sentence. */
    private static boolean acronym(Tokens t, int k) {
        String w = t.original(k);
        if (w.length() < 2) return false;
        for (int i = 1; i < w.length(); i++) if (Character.isUpperCase(w.charAt(i))) return true;
        return false;
    }

    private static boolean isName(Tokens t, TokenList words) {
        if (words.size() == 1) {
            int k = words.get(0);
            if (t.end[k] - t.start[k] < 2) return false;
            String lower = ascii(t, k) ? lowerAscii(t, k) : t.original(k).toLowerCase(Locale.ROOT);
            return !SUFFIXES.contains(lower);
        }
        return true;
    }

    /**
     * "Vodafone Italia", "Globex UK", "Initech India": a name and a country or region after it is the name's
     * unit there, a company of its own (sold, bought, valued apart from the group), so the short form does not
     * fold into it.
     */
    private static boolean regionalUnit(String longer, String shorter) {
        return REGIONS.contains(longer.substring(shorter.length() + 1));
    }

    /** Countries and regions as they end unit names, in English and the local form. */
    static final Set<String> REGIONS = Set.of("uk", "us", "usa", "america", "americas", "europe", "asia", "africa",
            "emea", "apac", "latam", "italia", "italy", "spain", "espana", "españa", "germany", "deutschland",
            "france", "netherlands", "nederland", "belgium", "portugal", "ireland", "greece", "turkey", "turkiye",
            "poland", "polska", "romania", "hungary", "czech", "austria", "switzerland", "schweiz", "suisse",
            "sweden", "sverige", "norway", "norge", "denmark", "danmark", "finland", "suomi", "india", "china",
            "japan", "korea", "australia", "canada", "mexico", "méxico", "brasil", "brazil", "argentina", "chile",
            "egypt", "qatar", "oman", "ghana", "kenya", "nigeria", "uganda", "tanzania", "singapore", "malaysia",
            "indonesia", "thailand", "vietnam", "philippines", "pakistan", "bangladesh", "ukraine", "russia",
            "new zealand", "south africa", "hong kong", "middle east", "north america", "latin america");

    /** "Series J", "Series B2": the name of a funding round, not of a party. */
    private static boolean roundName(Tokens t, TokenList words) {
        return words.size() == 2 && t.lower[words.get(0)].equals("series")
                && t.end[words.get(1)] - t.start[words.get(1)] <= 2;
    }

    /** "(Reuters)", "(AVGO.O)": a dateline source or a ticker in brackets, not a party. */
    private static boolean bracketed(Tokens t, int a, int b) {
        if (a > 0 && t.isSym(a - 1, '/') && t.isSym(b, '/')) return true; // "/PRNewswire/"
        // "(NYSE: JNJ)", "(NASDAQ: ITCI)": a ticker after its exchange
        if (a >= 3 && t.isSym(a - 1, ':') && t.isSym(a - 3, '(') && t.type[a - 2] == Tokens.WORD && t.upper(a - 2)
                && t.isSym(b, ')')) {
            return true;
        }
        if (a == 0 || !t.isSym(a - 1, '(')) return false;
        for (int k = b; k < t.size && k < b + 4; k++) if (t.isSym(k, ')')) return true;
        return false;
    }

    /** "SAN FRANCISCO, March 5, 2025 /PRNewswire/ --": a place in capitals opening a press release. */
    private static boolean dateline(Tokens t, int b) {
        return b <= datelineEnd(t);
    }

    /**
     * The token where the story starts after a dateline that opens the sentence, or -1: a place in capitals, then
     * only what datelines hold (state abbreviations, dates, the agency in brackets or slashes) up to a dash
     * ("NEW BRUNSWICK, N.J., Jan. 13, 2025 /PRNewswire/ --", "LONDON, Oct 9 (Reuters) -"). No name before that
     * dash is a party.
     */
    static int datelineEnd(Tokens t) {
        if (t.size < 3 || t.type[0] != Tokens.WORD || !t.upper(0) || t.end[0] - t.start[0] < 3) return -1;
        boolean bracket = false;
        for (int k = 1; k < t.size && k < 30; k++) {
            if (t.isDashTok(k) && !t.attached(k) || t.isDashTok(k) && k > 0 && (t.isSym(k - 1, ')') || t.isSym(k - 1, '/'))) {
                int e = k;
                while (e < t.size && t.isDashTok(e)) e++;
                return e < t.size && cap(t, e) ? e : -1;
            }
            if (t.type[k] == Tokens.NUM) continue;
            if (t.type[k] == Tokens.SYM) {
                char c = t.chars[t.start[k]];
                if (c == '(' || c == '/') bracket = true;
                else if (c == ')') bracket = false;
                else if (c != ',' && c != '.') return -1;
                continue;
            }
            // in brackets or slashes the agency (any words); outside, capitals, abbreviations, months
            if (!bracket && !t.upper(k) && !(cap(t, k) && (t.end[k] - t.start[k] <= 6 || t.is(k, Lexicon.NOT_NAMES)))) return -1;
        }
        return -1;
    }

    private static boolean isAttribution(Tokens t, int k) {
        String p1 = t.word(k - 1), p2 = t.word(k - 2);
        if (p1.isEmpty() && k - 1 >= 0 && t.type[k - 1] == Tokens.SYM) return false;
        if ("to".equals(p1) && "according".equals(p2)) return true;
        if ("citing".equals(p1) || "told".equals(p1) || "per".equals(p1)) return true;
        if ("the".equals(p1) && ("to".equals(p2) && "according".equals(t.word(k - 3)) || "citing".equals(p2))) return true;
        if ("by".equals(p1) && "reported".equals(p2)) return true;
        return false;
    }

    static List<String> stripSuffixes(List<String> words) {
        int n = words.size();
        while (n > 1) {
            String w = words.get(n - 1).toLowerCase(Locale.ROOT);
            if (w.endsWith(".")) w = w.substring(0, w.length() - 1);
            if (!SUFFIXES.contains(w) && !w.equals("of") && !w.equals("&")) break;
            if (n == 2 && keptGroupWord(w, words.get(0).length())) break;
            n--;
        }
        return new ArrayList<>(words.subList(0, n));
    }

    /** Lower case, runs of anything but letters and digits become one hyphen. */
    static String slugify(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean dash = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (dash && b.length() > 0) b.append('-');
                dash = false;
                b.append(Character.toLowerCase(c));
            } else {
                dash = true;
            }
        }
        return b.toString();
    }

    /** Pronouns and "the [modifiers] company" phrases; an appositive ("the startup Scale AI") is the name. */
    private static void addReferences(Sentence s, Map<String, Integer> salience) {
        Tokens t = s.tokens;
        List<Mention> names = new ArrayList<>(s.mentions);
        for (int k = 0; k < t.size; k++) {
            if (t.type[k] != Tokens.WORD) continue;
            String w = t.lower[k];
            // "the US government agreed to take a 9.9% stake", "owned by the Swiss government": a state is a party,
            // named by its country as the article writes it
            if (w.equals("government") && !cap(t, k) && k > 0 && cap(t, k - 1) && !insideName(names, k - 1)) {
                String place = t.original(k - 1).replace(".", "").toLowerCase(Locale.ROOT);
                if (place.length() >= 2 && (t.upper(k - 1) || demonym(place) || REGIONS.contains(place))) {
                    Mention g = new Mention(Mention.Kind.NAME, k - 1, k + 1, slugify(place + " government"));
                    s.mentions.add(g);
                    salience.merge(g.slug, 1, Integer::sum);
                    continue;
                }
            }
            if (w.equals("its") || w.equals("it")) {
                if (insideName(names, k)) continue;
                s.mentions.add(new Mention(Mention.Kind.PRONOUN, k, k + 1, null));
            } else if (w.equals("the")) {
                // up to three modifiers ("data-labeling", "social networking") then a head noun
                int h = k + 1;
                int mods = 0;
                boolean named = false; // "the Meta corporation": a name before the head, not a description
                while (h < t.size && mods < 5) {
                    if (cap(t, h) && t.isSym(h + 1, ',') && h + 2 < t.size && cap(t, h + 2) && basedOn(t, h + 2)) {
                        h += 2; // "The McLean, Virginia-based company": the town before its state
                        mods++;
                        continue;
                    }
                    // "the Company" (press releases capitalise it), "the Japanese owner of"
                    boolean capitalHead = mods == 0 && cap(t, h) && !t.upper(h) && t.is(h, Lexicon.GENERIC_HEADS);
                    if (t.type[h] == Tokens.WORD && (!cap(t, h) || basedOn(t, h) || productBeforeHead(t, h) || capitalHead
                            || demonym(t.lower[h]) && h + 1 < t.size && !cap(t, h + 1))) {
                        if (cap(t, h) && !basedOn(t, h) && !capitalHead && !demonym(t.lower[h])) named = true;
                        String x = t.lower[h];
                        if (t.is(h, Lexicon.GENERIC_HEADS) || t.is(h, Lexicon.DESCRIPTIVE_HEADS)) break;
                        if (t.is(h, Lexicon.NOT_NAMES) && !cap(t, h)) { h = t.size; break; }
                        if (x.equals("of") || x.equals("and") || x.equals("that") || x.equals("which")) { h = t.size; break; }
                        h++;
                        mods++;
                    } else if (t.isDashTok(h) && t.attached(h)) {
                        h++;
                    } else {
                        h = t.size;
                        break;
                    }
                }
                if (h >= t.size || t.type[h] != Tokens.WORD) continue;
                // "values the Dax group at": a name the article uses nowhere else, before a generic head, is a
                // modifier of a description (an index, a sector), not the party ("the Meta corporation" is Meta)
                if (named && t.is(h, Lexicon.GENERIC_HEADS) && onlyHere(names, k + 1, h, salience)) named = false;
                // "the company" is centering; "the ride-hailing company" describes, like "the startup"
                boolean generic = t.is(h, Lexicon.GENERIC_HEADS) && mods == 0;
                boolean described = t.is(h, Lexicon.DESCRIPTIVE_HEADS) || t.is(h, Lexicon.GENERIC_HEADS) && mods > 0 && !named;
                if (!generic && !described) continue;
                // "the company's" is fine; "the company Scale AI" takes the name
                Mention appositive = null;
                for (Mention m : names) if (m.tok0 == h + 1) appositive = m;
                final int from = k, to = h + 1;
                // the names of the sentence are all in the snapshot: with none inside, there is nothing to remove
                if (nameWithin(names, from, to)) {
                    s.mentions.removeIf(m -> m.kind == Mention.Kind.NAME && m.tok0 > from && m.tok1 <= to);
                }
                Mention r = new Mention(generic ? Mention.Kind.GENERIC : Mention.Kind.DESCRIPTIVE, k, h + 1,
                        appositive == null ? null : appositive.slug);
                r.person = false;
                s.mentions.add(r);
                k = h;
            }
        }
    }

    /** "The Palo Alto-based startup", "the London-listed miner": a place inside the description, not a party. */
    private static boolean basedOn(Tokens t, int h) {
        for (int k = h; k < t.size && k < h + 4; k++) {
            if (t.isDashTok(k) && t.attached(k) && k + 1 < t.size && t.type[k + 1] == Tokens.WORD
                    && (t.lower[k + 1].equals("based") || t.lower[k + 1].equals("listed")
                    || t.lower[k + 1].equals("headquartered") || t.lower[k + 1].equals("owned")
                    || t.lower[k + 1].equals("backed"))) {
                return true;
            }
            if (t.type[k] != Tokens.WORD || !cap(t, k)) return false;
        }
        return false;
    }

    /** "the ChatGPT maker", "the iPhone maker": a product name right before a descriptive head. */
    private static boolean productBeforeHead(Tokens t, int h) {
        for (int k = h; k < t.size && k < h + 3; k++) {
            if (t.type[k] != Tokens.WORD) return false;
            if (t.is(k, Lexicon.DESCRIPTIVE_HEADS) || t.is(k, Lexicon.GENERIC_HEADS)) return k > h;
            if (!cap(t, k)) return false;
        }
        return false;
    }

    /** Names between tokens from and to are each mentioned once in the article's body, and there is one. */
    private static boolean onlyHere(List<Mention> names, int from, int to, Map<String, Integer> salience) {
        boolean any = false;
        for (Mention m : names) {
            if (m.tok0 < from || m.tok1 > to) continue;
            if (m.slug == null || salience.getOrDefault(m.slug, 0) > 1) return false;
            any = true;
        }
        return any;
    }

    private static boolean nameWithin(List<Mention> names, int from, int to) {
        for (Mention m : names) if (m.tok0 > from && m.tok1 <= to) return true;
        return false;
    }

    private static boolean insideName(List<Mention> names, int k) {
        for (Mention m : names) if (k >= m.tok0 && k < m.tok1) return true;
        return false;
    }
}

package io.claimstream.extract;

import io.claimstream.model.ArticleText;
import io.claimstream.model.Bound;
import io.claimstream.model.Claim;
import io.claimstream.model.Modality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Claims about deal figures in one article: sentences, money and percent figures, what each figure is (cue
 * words), whose it is (names and references in its clause, else the article's main deal), and how the sentence
 * holds it. Immutable, thread-safe and deterministic: no shared mutable state, no hash-order dependence.
 */
public final class ClaimExtractor {
    /** Bump whenever output for the same article can change. */
    public static final String VERSION = "extract-1.5.0";

    private final Aliases aliases;
    private final QuantityParser quantities = new QuantityParser();

    public ClaimExtractor() {
        this(Aliases.none());
    }

    public ClaimExtractor(Aliases aliases) {
        this.aliases = Objects.requireNonNull(aliases, "aliases");
    }

    public List<Claim> extract(ArticleText article) {
        String text = article.text();
        char[] chars = text.toCharArray(); // one copy, indexed by every sentence's tokens
        List<Sentence> sentences = new ArrayList<>();
        for (SentenceSplitter.Span sp : SentenceSplitter.split(chars)) {
            sentences.add(new Sentence(sentences.size(), text, chars, sp.start(), sp.end(), quantities));
        }
        boolean figures = false;
        for (Sentence s : sentences) figures |= !s.quantities.isEmpty();
        if (!figures) return List.of(); // no money or percent at all: nothing to attribute
        Map<String, Integer> salience = new EntityFinder(aliases).find(sentences);
        actThroughVehicles(sentences);
        ReferenceResolver.resolveCentering(sentences);
        String[] pair = mainPair(sentences, salience);
        boolean round = roundCoverage(sentences, pair[1]);
        Integer year = article.published() != null
                ? Integer.valueOf(java.time.Instant.ofEpochMilli(article.published()).atZone(java.time.ZoneOffset.UTC).getYear())
                : Datelines.year(text);
        ReferenceResolver.resolveDescriptive(sentences, pair[0], pair[1]);
        pair = new String[] {pair[0], pair[1], pair[2], round ? "round" : null};

        boolean[] furniture = furniture(text, sentences);
        // body sentences first: a figure repeated in a headline or caption is kept as the body states it
        Map<ClaimIdentity, Claim> out = new LinkedHashMap<>();
        Recent recent = new Recent();
        for (int pass = 0; pass < 2; pass++) {
            for (Sentence s : sentences) {
                if (s.standalone != (pass == 1) || s.quantities.isEmpty() || furniture[s.index]) continue;
                List<Located> located = new ArrayList<>(s.quantities.size());
                for (Quantity q : s.quantities) located.add(new Located(q, s.tokenAt(q.start()), s.tokenAt(q.end())));
                Claim last = null;
                for (int i = 0; i < located.size(); i++) {
                    if (i > 0 && conversion(s, located.get(i - 1), located.get(i))) continue;
                    Claim c = claim(article, s, located.get(i), located, pair, year, recent);
                    if (c == null && last != null) c = upFrom(s, located.get(i), last, year);
                    if (c == null && last != null) c = orInAll(s, located.get(i), last);
                    if (c == null) continue;
                    out.putIfAbsent(ClaimIdentity.of(c), c);
                    last = c;
                }
                Claim d = last == null ? null : derived(s, last);
                if (d != null) out.putIfAbsent(ClaimIdentity.of(d), d);
            }
        }
        List<Claim> claims = new ArrayList<>(out.values());
        claims.sort(java.util.Comparator.comparingInt(Claim::start)); // stable: same-sentence order is kept
        return List.copyOf(claims);
    }

    private record Located(Quantity q, int q0, int q1) {}

    /** What the article stated last, for figures that lean on it. */
    private static final class Recent {
        /** Whose valuation was stated last. */
        String valued;
        /** What the last stated holding was in, and in which sentence. */
        String owned;
        int ownedSentence = -10;
    }

    /**
     * "a takeover by the Czech billionaire Jane Roe ... an offer from Roe's investment vehicle Globex": a person
     * whose vehicle the article names makes the deal through it, so the person's other mentions stand for the
     * vehicle (the first one named, in text order).
     */
    private static void actThroughVehicles(List<Sentence> sentences) {
        Map<String, String> vehicles = null;
        for (Sentence s : sentences) {
            for (Mention m : s.mentions) {
                if (m.vehicle == null) continue;
                if (vehicles == null) vehicles = new HashMap<>();
                vehicles.putIfAbsent(m.slug, m.vehicle);
            }
        }
        if (vehicles == null) return;
        for (Sentence s : sentences) {
            for (Mention m : s.mentions) {
                String v = m.kind == Mention.Kind.NAME && m.person && !m.attribution ? vehicles.get(m.slug) : null;
                if (v != null) {
                    m.slug = v;
                    m.person = false;
                }
            }
        }
    }

    private static final Set<String> LINK_OPENERS = Set.of("related", "read", "see", "also", "more", "recommended",
            "watch", "listen", "further");
    private static final Set<String> NOTE_OPENERS = Set.of("correction", "corrections", "clarification", "editor");

    /**
     * Lines that are no part of the story: links to other articles ("Related: Initech raises $1B at $12B
     * valuation", "Read more: ...") state other stories' figures, and a correction note ("Correction 2 July:
     * An earlier version of this article said ...") states the figure that was wrong. A line is marked from the
     * word that opens it when a colon follows within a few words.
     */
    private static boolean[] furniture(String text, List<Sentence> sentences) {
        boolean[] out = new boolean[sentences.size()];
        boolean note = false;
        for (Sentence s : sentences) {
            // a line break between the previous sentence and this one (only the gap is read: linear)
            boolean lineStart = s.index == 0;
            for (int i = s.index == 0 ? s.start : sentences.get(s.index - 1).end; i < s.start && !lineStart; i++) {
                lineStart = text.charAt(i) == '\n';
            }
            Tokens t = s.tokens;
            if (lineStart) {
                note = false;
                String first = t.word(0);
                boolean colon = false;
                for (int k = 1; k < t.size && k < 8 && !colon; k++) colon = t.isSym(k, ':');
                if (colon && LINK_OPENERS.contains(first)) out[s.index] = true;
                if (colon && NOTE_OPENERS.contains(first)) note = true;
            }
            if (note) out[s.index] = true;
        }
        return out;
    }

    /**
     * What makes two claims of one article the same: key, value, high end and unit. A record rather than the
     * concatenated string it replaces: no number formatting per claim, and records compare doubles as
     * {@link Double#compare} does, which tells apart exactly the values whose strings differ.
     */
    private record ClaimIdentity(String key, double value, Double valueHigh, String unit) {
        static ClaimIdentity of(Claim c) {
            return new ClaimIdentity(c.key(), c.value(), c.valueHigh(), c.unit());
        }
    }

    /**
     * "to buy X for $28.60 a share, or roughly $1.5 billion including debt": the whole price after the price per
     * share, with its roles.
     */
    private static Claim orInAll(Sentence s, Located lq, Claim last) {
        Tokens t = s.tokens;
        if (!last.attribute().equals("price_per_share") || lq.q().isPercent() || !lq.q().unit().equals(last.unit())) return null;
        int b = lq.q0 - 1;
        if (t.isWord(b, "about") || t.isWord(b, "roughly") || t.isWord(b, "around") || t.isWord(b, "approximately")
                || t.isWord(b, "nearly") || t.isWord(b, "some")) {
            b--;
        }
        if (!t.isWord(b, "or") || !t.isSym(b - 1, ',') || lq.q().value() < 1000 * last.value()) return null;
        Quantity q = lq.q();
        return new Claim(last.articleId(), last.source(), last.subject(), last.counterparty(), "deal_value", null,
                q.value(), q.valueHigh(), q.unit(), q.bound(), last.modality(), false, last.evidence(), last.start(), last.end());
    }

    /** The figure's clause names, before it, only people quoted on it ("Wall Street analysts"), or no one. */
    private static boolean onlySpeakersBefore(Sentence s, int from, Located lq) {
        for (Mention m : s.mentions) {
            if (m.tok0 >= from && m.tok1 <= lq.q0 && m.resolved() && !m.attribution) return false;
        }
        for (Mention m : s.mentions) if (m.tok0 >= from && m.tok1 <= lq.q0 && m.attribution) return true;
        for (int k = from; k < lq.q0; k++) if (s.tokens.isWord(k, "analysts")) return true;
        return false;
    }

    /** "values Acme at $3.2 billion, up from $1.1 billion in its Series C": the earlier valuation. */
    private static Claim upFrom(Sentence s, Located lq, Claim last, Integer published) {
        Tokens t = s.tokens;
        boolean revenue = last.attribute().startsWith("revenue");
        int b = lq.q0 - 1;
        String bw = t.word(b);
        // "up from about $1.6 billion": the bound word is outside the figure's span
        if (bw.equals("about") || bw.equals("roughly") || bw.equals("around") || bw.equals("approximately")
                || bw.equals("nearly") || bw.equals("almost")) {
            b--;
        }
        // "revenue of $680 million for 2024, compared with $462 million in 2023", "versus $1.1bn a year earlier"
        boolean compared = revenue && (t.isWord(b, "with") || t.isWord(b, "to")) && t.isWord(b - 1, "compared")
                || revenue && (t.isWord(b, "versus") || t.isWord(b, "vs"));
        if (!(last.attribute().equals("valuation") || revenue) || !t.isWord(b, "from") && !compared) return null;
        String p = t.word(b - 1);
        if (!compared && !(p.equals("up") || p.equals("down") || p.equals("rising") || p.equals("jumping")
                || p.equals("climbing"))) {
            return null;
        }
        Quantity q = lq.q();
        if (q.isPercent() || !q.unit().equals(last.unit())) return null;
        if (revenue) {
            // "revenue of £1.3bn in 2024, down from £1.45bn in 2023": the earlier year's revenue, stated as fact
            String y = year(s, lq, published);
            if (y == null || y.equals(last.qualifier())) return null;
            return new Claim(last.articleId(), last.source(), last.subject(), null, "revenue", y, q.value(),
                    q.valueHigh(), q.unit(), q.bound(), Modality.REPORTED, false, last.evidence(), last.start(), last.end());
        }
        return new Claim(last.articleId(), last.source(), last.subject(), null, "previous_valuation", null, q.value(),
                q.valueHigh(), q.unit(), q.bound(), Modality.REPORTED, false, last.evidence(), last.start(), last.end());
    }

    /**
     * "revenue of $870 million in 2024, and by the end of 2025 analysts predict this figure will double": a
     * forecast stated relative to a figure just given. Only forward ("will double"), so a stated figure is never
     * overwritten by arithmetic on another one.
     */
    private static Claim derived(Sentence s, Claim base) {
        if (!base.attribute().startsWith("revenue") || base.valueHigh() != null) return null;
        Tokens t = s.tokens;
        for (int k = 0; k < t.size; k++) {
            double factor = switch (t.word(k)) {
                case "double" -> 2;
                case "triple" -> 3;
                case "quadruple" -> 4;
                case "halve" -> 0.5;
                default -> 0;
            };
            if (factor == 0) continue;
            String p1 = t.word(k - 1);
            if (!(p1.equals("will") || p1.equals("would") || p1.equals("could") || p1.equals("to"))) continue;
            if (k < 4) continue;
            String year = null;
            for (int j = k - 1; j >= 0 && year == null; j--) {
                if (isYear(t, j) && !t.original(j).equals(base.qualifier())) year = t.original(j);
            }
            for (int j = k + 1; j < t.size && j < k + 6 && year == null; j++) if (isYear(t, j)) year = t.original(j);
            if (year == null || year.equals(base.qualifier())) return null;
            Modality m = ModalityClassifier.classify(s, k);
            if (m != Modality.SPECULATIVE) m = Modality.PROJECTED;
            return new Claim(base.articleId(), base.source(), base.subject(), base.counterparty(), "revenue_projection",
                    year, base.value() * factor, null, base.unit(), Bound.APPROX, m, true, base.evidence(),
                    base.start(), base.end());
        }
        return null;
    }

    /** "€4.5bn (£3.8bn)", "2.1 billion euros ($2.4 billion)": the bracketed figure restates the first in another currency. */
    private static boolean conversion(Sentence s, Located prev, Located cur) {
        if (prev.q().unit().equals(cur.q().unit()) || prev.q().isPercent() || cur.q().isPercent()) return false;
        Tokens t = s.tokens;
        return cur.q0 - prev.q1 == 1 && t.isSym(prev.q1, '(');
    }

    private Claim claim(ArticleText article, Sentence s, Located lq, List<Located> all, String[] pair, Integer year,
                        Recent recent) {
        Quantity q = lq.q();
        if (lq.q0 >= s.tokens.size) return null;
        if (isTicker(s, lq)) return null;
        if (isChange(s.tokens, lq.q0)) return null;
        AttributeClassifier.Cue cue = AttributeClassifier.classify(s, lq.q0, lq.q1, q.isPercent());
        if (cue == null) return null;
        String attribute = cue.attribute();
        if (q.isPercent() != attribute.equals("stake_percent") && !attribute.equals("premium")) return null;
        // "the combined group would have had revenue of", "shareholders will own about 60 per cent of the combined
        // company": a figure of the merged entity is no party's, before or after the deal
        if (combinedEntity(s, lq)) return null;
        // "Temasek will pay 1.6 billion euros for a 24.9 per cent stake in Nordwerk": money for a minority stake
        // is the buyer's investment in the company, not the price of the company
        if (attribute.equals("deal_value") && cue.family() == AttributeClassifier.Family.ACQUIRE
                && minorityStakeBought(s, lq, all)) {
            attribute = "investment_amount";
        }
        String subject, counterparty = null;
        if (Claim.TWO_PARTY_ATTRIBUTES.contains(attribute)) {
            String[] roles = twoParty(s, cue, lq, all, pair, recent);
            if (roles == null) return null;
            subject = roles[0];
            counterparty = roles[1];
        } else {
            subject = singleParty(s, lq, attribute, pair, cue.tok());
            if (subject == null) return null;
            boolean compared = comparedWith(s, lq);
            if (attribute.equals("valuation") && (subject.equals(pair[1]) && pair[0] != null
                    && earlierRound(s, lq, cue.tok(), "acquisition".equals(pair[2])) || compared
                    || pastValuationThen(s, cue.tok()) || valuedInAnEarlierYear(s, cue.tok(), year))) {
                attribute = "previous_valuation";
            }
            // "The valuation is up from $43 billion in the company's previous round", "four times the $2.5 billion
            // the company was valued at": an earlier valuation set against the one just stated is the same
            // company's, when the clause names no company before the figure (only references)
            if (attribute.equals("previous_valuation") && recent.valued != null && !nameBefore(s, lq)) {
                subject = recent.valued;
            }
            if (attribute.equals("valuation")) recent.valued = subject;
        }
        String qualifier = attribute.startsWith("revenue") ? year(s, lq, year) : null;
        // "EP, which already owns about 27.5% of the company": a holding in a relative clause is stated as a fact
        // whatever the clause it hangs on says ("would recommend an offer from EP, which owns")
        String[] held = attribute.equals("stake_percent") ? ownership(s, lq, all, recent) : null;
        // what the holding is in, for a holding stated next without its object ("Globex keeps the remaining 49%")
        if (attribute.equals("stake_percent") && counterparty != null) {
            recent.owned = counterparty;
            recent.ownedSentence = s.index;
        }
        Modality modality = held != null
                ? ModalityClassifier.classify(s, lq.q0, clauseStartOf(s, lq.q0))
                : ModalityClassifier.classify(s, lq.q0);
        // a forecast figure is projected even when carried by "will reach"
        if (attribute.equals("revenue_projection") && modality != Modality.SPECULATIVE) modality = Modality.PROJECTED;
        // "Globex is expected to invest": the future of the deal itself is planned; forecasts are of metrics
        if (modality == Modality.PROJECTED && !attribute.startsWith("revenue")) modality = Modality.PLANNED;
        String evidence = article.text().substring(s.start, s.end);
        return new Claim(article.id(), article.sourceOrId(), subject, counterparty, attribute, qualifier, q.value(),
                q.valueHigh(), q.unit(), q.bound(), modality, false, evidence, s.start, s.end);
    }

    private static final Set<String> COMBINED_HEADS = Set.of("company", "group", "entity", "business", "bank",
            "firm", "lender", "operator", "companies");

    /** "the combined group", "the merged company", "the enlarged entity" in the figure's clause. */
    private static boolean combinedEntity(Sentence s, Located lq) {
        Tokens t = s.tokens;
        int from = s.clauseFrom(lq.q0), to = s.clauseTo(lq.q0);
        for (int k = from; k + 1 < to; k++) {
            String w = t.word(k);
            if ((w.equals("combined") || w.equals("merged") || w.equals("enlarged")) && t.isWord(k - 1, "the")
                    && COMBINED_HEADS.contains(t.word(k + 1))) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> STAKE_WORDS = Set.of("stake", "stakes", "holding", "shareholding");

    /**
     * The money buys a stake of less than half, or one called a minority stake or part of a stake: "pay €1.6bn for a
     * 24.9 per cent stake in X", "buy a 20% stake in X ... for $650 million", "paid about €900m for a minority
     * stake", "buying part of the government's stake for €702m", "To Buy 20% of X for $650 Million". A majority
     * stake bought is the company bought: the deal value stays.
     */
    private static boolean minorityStakeBought(Sentence s, Located lq, List<Located> all) {
        Tokens t = s.tokens;
        int from = s.clauseFrom(lq.q0), to = s.clauseTo(lq.q0);
        // the stake may sit in the clause before ("agreed to buy a 20% stake in X, a builder of ..., for $650m")
        if (from > 0 && t.isWord(from, "for") || from > 0 && t.isSym(from, ',') && t.isWord(from + 1, "for")) {
            from = s.clauseFrom(Math.max(0, from - 1));
        }
        // the stake is what the money buys: before the figure in its clause, or just after it ("for a 24.9 per cent
        // stake"), not in a clause of its own ("bought X for $15.3bn in 2017 and has since sold down part of its holding")
        to = Math.min(to, lq.q1 + 6);
        for (int k = lq.q1; k < to; k++) {
            if (t.isWord(k, "and") || t.isWord(k, "but")) to = k;
        }
        boolean stake = false, minority = false, majority = false;
        for (int k = from; k < to; k++) {
            String w = t.word(k);
            if (STAKE_WORDS.contains(w)) {
                stake = true;
                if (t.isWord(k - 1, "minority") || t.isWord(k - 2, "minority") || t.isWord(k - 2, "part")
                        || t.isWord(k - 3, "part")) {
                    minority = true;
                }
                if (t.isWord(k - 1, "majority") || t.isWord(k - 1, "controlling") || t.isWord(k - 2, "majority")) {
                    majority = true;
                }
            }
        }
        for (Located o : all) {
            if (o == lq || !o.q().isPercent() || o.q0 < from || o.q0 >= to) continue;
            // "a 24.9 per cent stake", "20% of X"
            boolean ofStake = stake || t.isWord(o.q1, "of");
            if (!ofStake) continue;
            double pct = o.q().valueHigh() != null ? o.q().valueHigh() : o.q().value();
            if (pct < 50) minority = true;
            else majority = true;
            stake = true;
        }
        return stake && minority && !majority;
    }

    private static final Set<String> CHANGE_VERBS = Set.of("added", "adding", "adds", "wiped", "wiping", "wipes",
            "knocked", "knocking", "shed", "sheds", "shedding", "gained", "gaining", "lost", "losing");

    /**
     * "a contest that has added more than £1.5bn to the company's value", "wiped $20 billion off": the figure is
     * a change to a value, not a value.
     */
    private static boolean isChange(Tokens t, int q0) {
        int k = q0 - 1;
        if (t.isWord(k, "than") && (t.isWord(k - 1, "more") || t.isWord(k - 1, "less"))) k -= 2;
        else if (t.type[k >= 0 ? k : 0] == Tokens.WORD && (t.isWord(k, "about") || t.isWord(k, "roughly")
                || t.isWord(k, "nearly") || t.isWord(k, "almost") || t.isWord(k, "around") || t.isWord(k, "some")
                || t.isWord(k, "over"))) {
            k--;
        }
        if (t.isWord(k, "a") || t.isWord(k, "an")) k--;
        return k >= 0 && CHANGE_VERBS.contains(t.word(k));
    }

    /** "MSFT -1.95%", "AAPL +0.4%": an all-capitals symbol glued to a signed figure is a ticker line. */
    private static boolean isTicker(Sentence s, Located lq) {
        Tokens t = s.tokens;
        int k = lq.q0 - 1;
        if (k >= 0 && (t.isDashTok(k) || t.isSym(k, '+'))) k--;
        return k >= 0 && t.type[k] == Tokens.WORD && t.upper(k) && t.end[k] - t.start[k] >= 2
                && t.end[k] - t.start[k] <= 5 && !Currencies.ISO.contains(t.original(k))
                && !"US".equals(t.original(k));
    }

    // ---------------------------------------------------------------- roles

    private static final Set<String> NEUTRAL_OBJECTS = Set.of("funding", "cash", "stock", "equity", "shares",
            "total", "capital", "new", "fresh", "debt", "investment", "investments", "the", "its", "their",
            "his", "her", "exchange", "return", "addition", "order", "part", "such"); // "in such a deal"
    private static final Set<String> DEAL_VERBS = Set.of("invest", "invests", "invested", "investing", "investment",
            "acquire", "acquires", "acquired", "acquiring", "acquisition", "buy", "buys", "bought", "buying",
            "purchase", "purchased", "takeover", "backed", "sell", "sells", "sold", "selling", "sale", "offer",
            "offered", "offers", "bid", "stake", "put", "committed", "commits", "commit", "committing", "secure",
            "secures", "secured", "securing", "pay", "pays", "paid", "paying");
    private static final Set<String> PAY = Set.of("pay", "pays", "paid", "paying");
    private static final Set<String> NOUN_CUES = Set.of("bid", "offer", "proposal", "takeover", "acquisition", "deal");
    private static final Set<String> DEAL_NOUNS = Set.of("deal", "agreement", "merger", "transaction", "tie-up");
    private static final Set<String> SELL = Set.of("sell", "sells", "sold", "selling", "sale", "divest", "divests",
            "divested", "offload", "offloads");

    /** Investor or buyer, and target: from the clause around the figure, else the article's main deal. */
    private static String[] twoParty(Sentence s, AttributeClassifier.Cue cue, Located lq, List<Located> all,
                                     String[] pair, Recent recent) {
        Tokens t = s.tokens;
        int from = s.clauseFrom(lq.q0), to = s.clauseTo(lq.q0);
        if (lq.q().isPercent()) {
            String[] own = ownership(s, lq, all, recent);
            if (own != null) return own.length == 0 ? null : own;
        }
        int c = cue.tok();
        // "Advent's original proposal, at £37.63 a share, was worth roughly £3.8bn": the deal noun's owner bids for
        // the main deal's target
        int dealNoun = AttributeClassifier.dealNounSubject(s, lq.q0);
        if (dealNoun > 0 && pair[1] != null) {
            for (Mention m : s.mentions) {
                if (m.kind == Mention.Kind.NAME && m.resolved() && !m.person && m.tok1 < dealNoun && m.tok1 + 2 + 3 > dealNoun
                        && (t.isSym(m.tok1, '\'') || t.isSym(m.tok1, '\u2019')) && t.isWord(m.tok1 + 1, "s")
                        && !m.slug.equals(pair[1])) {
                    return new String[] {m.slug, pair[1]};
                }
            }
        }
        // a cue after the figure or a price: read the roles around the deal verb before the figure
        boolean ownedStake = t.word(c).equals("stake") && nameBefore(s, c);
        if (!ownedStake && (!DEAL_VERBS.contains(t.word(c)) || t.word(c).equals("stake"))) {
            for (int k = lq.q0 - 1; k >= from; k--) {
                if (DEAL_VERBS.contains(t.word(k)) && !t.word(k).equals("stake")) {
                    c = k;
                    break;
                }
            }
        }
        boolean sell = SELL.contains(t.word(c));
        for (int k = Math.max(from, c - 3); k < c && !sell; k++) sell = SELL.contains(t.word(k));
        List<Mention> range = new ArrayList<>();
        for (Mention m : s.mentions) {
            if (m.resolved() && !m.attribution && m.tok0 >= from && m.tok0 < to) range.add(m);
        }
        // "OpenAI acquired a startup founded by ...": the thing bought is unnamed, whatever names follow
        if (c < lq.q0 && AttributeClassifier.isAcquireVerb(t.word(c))) {
            String next = t.word(c + 1);
            // "bought a 15% stake" names the figure; "acquired a startup" names nothing
            if (("a".equals(next) || "an".equals(next)) && lq.q0 > c + 3 && !stakeNear(t, c + 2)) return null;
        }
        String subj = null, cp = null;
        boolean subjFromBy = false;
        boolean cpDescriptive = false;
        if (hasWord(t, from, to, "respectively")) {
            List<Mention> before = new ArrayList<>();
            for (Mention m : range) if (m.tok1 <= c) before.add(m);
            int nth = 0, count = 0;
            for (Located o : all) {
                if (o.q0 < from || o.q0 >= to) continue;
                if (o == lq) nth = count;
                count++;
            }
            if (before.size() != count) return null;
            subj = before.get(nth).slug;
        }
        if (sell) {
            // "X sold its unit, Y, to Z for $N": Z is the buyer; Y (else X) is what was bought
            String seller = null, buyer = null, target = null;
            for (Mention m : range) {
                if (m.tok1 <= c) {
                    // the subject: "Globex has been selling businesses across Europe under Chief Executive Jane
                    // Roe, and agreed to sell ...": neither the place nor the person is the seller
                    if (seller == null && !m.person) seller = m.slug;
                }
                else if (buyer == null && toBefore(t, m.tok0, c) && !m.person) buyer = m.slug;
                else if (target == null && m.kind == Mention.Kind.NAME && !m.person) target = m.slug;
            }
            if (buyer == null) return null;
            // "agreed to sell its logistics arm to DSV": the unit sold is the main deal's target when the buyer is
            // the main deal's; else the seller stands for its unit
            if (target == null && soldUnit(t, c, lq.q0) && buyer.equals(pair[0]) && pair[1] != null
                    && !pair[1].equals(seller) && !pair[1].equals(buyer)) {
                return new String[] {buyer, pair[1]};
            }
            if (target == null || target.equals(buyer)) target = seller;
            if (target == null || target.equals(buyer)) return null;
            return new String[] {buyer, target};
        }
        // the terms of a share deal name both sides: "$60 in cash and AstraZeneca shares for each Alexion share"
        for (Mention m : range) {
            String before = t.word(m.tok0 - 1), after = t.word(m.tok1);
            if ((before.equals("each") || before.equals("per")) && after.equals("share") && cp == null) cp = m.slug;
            else if (before.equals("of") && (t.word(m.tok0 - 2).equals("shareholders")
                    || t.word(m.tok0 - 2).equals("stockholders")) && cp == null) {
                cp = m.slug; // "Shareholders of Initech will get $30"
            }
            // "The terms value Newcrest shares at A$29.27 each": the shares priced are the target's
            else if (after.equals("shares") && cp == null && (before.equals("value") || before.equals("values")
                    || before.equals("valuing") || before.equals("valued"))) {
                cp = m.slug;
            }
            else if ((after.equals("shares") || after.equals("stock")) && subj == null
                    && !(before.equals("of") || before.equals("in"))
                    && (m.tok0 > lq.q0 || m.tok0 > 0 && t.type[m.tok0 - 1] == Tokens.NUM)) {
                subj = m.slug; // "$60 in cash and AstraZeneca shares", "1.0192 Capital One shares for each ..."
            }
        }
        if (subj != null && subj.equals(cp)) subj = null;
        int stop = blockedAt(s, lq, range, c, to);
        for (Mention m : range) {
            if (m.tok1 <= c || m.tok0 <= c || cp != null && subj != null) continue;
            if (stop >= 0 && m.tok0 > stop) break; // names after an unnamed object belong to its description
            String prev = t.word(m.tok0 - 1);
            if (subjFromBy && subj != null) break; // "takeover by KKR after a bidding war with Advent"
            boolean agent = agent(t, m.tok0);
            if (agent || "from".equals(prev) && cue.family() == AttributeClassifier.Family.INVEST) {
                if (subj == null) {
                    subj = m.slug;
                    subjFromBy = agent;
                }
                continue;
            }
            // "under the deal with Globex": the other side of the deal
            if ("with".equals(prev) && cp != null && subj == null && !m.slug.equals(cp) && !m.person
                    && DEAL_NOUNS.contains(t.word(m.tok0 - 2))) {
                subj = m.slug;
                continue;
            }
            // "Nvidia put in $100 million and SoftBank invested $500 million": a name that opens its own deal
            // clause is no object of this one
            if (m.tok0 > lq.q1 && DEAL_VERBS.contains(t.word(m.tok1))) break;
            // "its retail arm" is something of its, not it; so is "at the company's next funding round"
            if (m.kind == Mention.Kind.PRONOUN && t.isWord(m.tok0, "its")) continue;
            if (m.kind != Mention.Kind.NAME && (t.isSym(m.tok1, '\'') || t.isSym(m.tok1, '\u2019'))
                    && t.isWord(m.tok1 + 1, "s")) {
                continue;
            }
            // "buy Globex's Italian business": what is bought is a unit of the name, not the name
            if (unitOf(t, m)) continue;
            // "JPMorgan is paying the FDIC $10.6 billion", "Nvidia was to pay SoftBank": who is paid sells
            if (m.tok0 == c + 1 && PAY.contains(t.word(c)) || m.tok0 == c + 2 && PAY.contains(t.word(c))
                    && t.isWord(c + 1, "the")) {
                continue;
            }
            // "buying part of the German government's stake for €702m": the holder sells; the stake is in the target
            if (!lq.q().isPercent() && holdingOf(t, m)) continue;
            if (cp == null && !m.slug.equals(subj) && !m.person) {
                Mention head = describedName(s, m, range);
                cp = head != null ? head.slug : m.slug;
                cpDescriptive = head == null && m.kind == Mention.Kind.DESCRIPTIVE;
            }
        }
        // "give Meta a 49 percent stake in the business": a description cannot be the holder named before it;
        // it stands for the deal's other party
        if (cpDescriptive && subj == null && pair[0] != null && pair[1] != null) {
            for (Mention m : range) {
                if (m.tok1 <= c && m.kind == Mention.Kind.NAME && m.slug.equals(cp)) {
                    subj = m.slug;
                    cp = m.slug.equals(pair[0]) ? pair[1] : m.slug.equals(pair[1]) ? pair[0] : null;
                }
            }
        }
        if (subj == null) {
            for (Mention m : range) {
                if (m.tok1 > c || cp != null && m.slug.equals(cp)) continue;
                if (holdersOf(t, m)) {
                    if (cp == null) cp = m.slug;
                    continue;
                }
                // "took a stake in Mistral in February, investing €15m": the object named before the cue
                if (subj != null && (t.isWord(m.tok0 - 1, "in") || t.isWord(m.tok0 - 1, "into"))
                        && (cue.family() == AttributeClassifier.Family.INVEST || cue.family() == AttributeClassifier.Family.PRICE
                        || AttributeClassifier.MONEY.get(t.word(m.tok0 - 2)) == AttributeClassifier.Family.INVEST)) {
                    if (cp == null) cp = m.slug;
                    continue;
                }
                subj = m.slug;
            }
        }
        // "Globex beat a rival offer from a consortium led by Hooli": a competing bid is for the main deal's target
        boolean rival = NOUN_CUES.contains(t.word(c)) && (t.isWord(c - 1, "rival") || t.isWord(c - 1, "competing")
                || t.isWord(c - 1, "counter") || t.isWord(c - 2, "rival"));
        if (rival && subjFromBy && cp == null && pair[1] != null && !pair[1].equals(subj)) return new String[] {subj, pair[1]};
        // "the board of Initech rejected Globex's $9 billion bid": a deal noun's other party named before it
        if (cp == null && subj != null && NOUN_CUES.contains(t.word(c))) {
            String other = null;
            boolean adjacent = false;
            for (Mention m : range) {
                if (m.tok1 > c || m.person || m.kind != Mention.Kind.NAME) continue;
                if (!m.slug.equals(subj)) other = m.slug;
                else if (m.tok1 == c) adjacent = true;
            }
            // "Cisco completes $28 billion Splunk acquisition": the name right before the deal noun is the target
            if (other != null && adjacent) {
                cp = subj;
                subj = other;
            } else {
                cp = other;
            }
        }
        // "Initech was acquired by Globex": the name before a passive deal verb is the target
        if (subjFromBy && cp == null) {
            for (Mention m : range) if (m.tok1 <= c && !m.person && !m.slug.equals(subj)) cp = m.slug;
            // "Initech, the UK's biggest platform, has agreed a takeover by Globex": past an appositive
            Mention first = cp == null ? sentenceSubject(s, from) : null;
            if (first != null && !first.slug.equals(subj)) cp = first.slug;
        }
        boolean offerVerb = OFFERS.contains(t.word(c));
        // "Initech, which Globex is buying for $7 billion": the relative pronoun stands for the sentence subject
        int own = clauseStartOf(s, lq.q0);
        if (cp == null && subj != null && (t.isWord(own + 1, "which") || t.isWord(own + 1, "that"))) {
            Mention first = sentenceSubject(s, own);
            if (first != null && !first.slug.equals(subj)) cp = first.slug;
        }
        // "Globex, which could one day float, invested ...": the sentence's subject, past a parenthetical clause
        if (subj == null && c > from) {
            Mention first = subjectPastAppositive(s, from);
            if (first == null) first = sentenceSubject(s, from);
            if (first != null && !first.slug.equals(cp)) subj = first.slug;
        }
        // "in its retail arm, Reliance Retail Ventures Ltd, ...": a name right after the clause is its appositive
        if (cp == null && to < t.size && t.isSym(to, ',')) {
            for (Mention m : s.mentions) {
                if (m.tok0 == to + 1 && m.kind == Mention.Kind.NAME && m.resolved() && !m.person
                        && !m.slug.equals(subj)) {
                    cp = m.slug;
                }
            }
        }
        boolean blocked = cp == null && blockedObject(s, cue, lq, range, c, to);
        String inv = pair[0], tgt = pair[1];
        if (subj != null && subj.equals(cp)) {
            if (inv != null && (subj.equals(inv) || subj.equals(tgt))) return new String[] {inv, tgt};
            return null;
        }

        if (subj == null && cp == null) {
            if (blocked || inv == null || tgt == null) return null;
            return new String[] {inv, tgt};
        }
        if (subj == null) {
            if (inv == null || cp.equals(inv)) return null;
            if (!cp.equals(tgt)) return null; // a third party's target with no named investor
            return new String[] {inv, cp};
        }
        if (cp == null) {
            if (blocked || tgt == null) return null;
            if (subj.equals(inv)) return new String[] {subj, tgt};
            // "Initech said its board would recommend an offer of 1,140p a share": the target recommending (or
            // rejecting) an offer with no named bidder: the main deal's
            if (subj.equals(tgt)) return offerVerb && inv != null ? new String[] {inv, tgt} : null;
            // "an improved offer from Advent of £41 a share", "Advent, which offered £40 a share": a rival
            // bidder's offer is for the deal's target
            if (offerVerb && (inv != null || subjFromBy)) return new String[] {subj, tgt};
            // "Nvidia could invest roughly $100 million", "led by Thrive, which invested $1.25 billion": in
            // coverage of a round (no single investor is the deal), a named investor's money goes to the raiser
            if ((inv == null || "round".equals(pair[3])) && cue.family() == AttributeClassifier.Family.INVEST) {
                return new String[] {subj, tgt};
            }
            return null;
        }
        return new String[] {subj, cp};
    }

    private static final Set<String> OWN_VERBS = Set.of("owns", "own", "owned", "holds", "hold", "held", "controls",
            "control", "controlled", "keeps", "keep", "kept", "retains", "retain", "retained");
    private static final Set<String> BOUND_WORDS = Set.of("about", "roughly", "around", "approximately", "nearly",
            "almost", "some", "just", "over", "under", "than", "more", "less", "still", "already", "now", "also",
            "the", "remaining", "rest", "other"); // "Intel keeps the remaining 49%"
    private static final String[] NO_CLAIM = new String[0];

    /**
     * "X owns about 20% of Y", "Peter Roe, who owns about 20% of the company", "Y, which is 51% owned by X": a
     * holding stated with an ownership verb right by the figure is the holder's stake in what it owns, whoever
     * the article's deal is about. The holder must be named: "The German government still owns 12% of Y", "51%
     * owned by the Swiss government" give no claim rather than the deal's buyer. A person can hold a stake.
     * Returns {holder, owned}, {@link #NO_CLAIM}, or null when the figure is not read this way.
     * <p>
     * "Anglo owns about 79% of X and about 70% of Kumba": a holding listed after another takes its holder. "Viacom18
     * holds 46.82%", "Harris, who holds about 29%": a holding with no object is in what the holding stated just
     * before (this sentence or the one before) is in.
     */
    private static String[] ownership(Sentence s, Located lq, List<Located> all, Recent recent) {
        Tokens t = s.tokens;
        int clause = s.clause[lq.q0];
        int k = lq.q0 - 1;
        while (k >= 0 && BOUND_WORDS.contains(t.word(k))) k--;
        boolean active = k >= 0 && OWN_VERBS.contains(t.word(k)) && s.clause[k] == clause;
        if (!active && k > 0 && (t.isWord(k, "and") || t.isSym(k, ','))) {
            Located before = null;
            for (Located o : all) if (o.q().isPercent() && o.q1 < k && o.q1 >= k - 8) before = o;
            if (before != null) {
                String[] first = ownership(s, before, all, recent);
                if (first != null && first.length == 0) return NO_CLAIM; // the holding listed first is unreadable
                if (first != null && first.length == 2) {
                    for (Mention m : s.mentions) {
                        if (t.isWord(lq.q1, "of") && m.tok0 == lq.q1 + 1 && m.resolved() && !m.attribution && !m.person
                                && !m.slug.equals(first[0])) {
                            return new String[] {first[0], m.slug};
                        }
                    }
                    return NO_CLAIM;
                }
            }
        }
        int after = lq.q1;
        if (t.isDashTok(after) && t.attached(after)) after++; // "51%-owned"
        boolean passive = !active && OWN_VERBS.contains(t.word(after)) && t.word(after).endsWith("ed")
                && t.isWord(after + 1, "by");
        if (!active && !passive) return null;
        int cs = clauseStartOf(s, lq.q0);
        int rel = t.type[cs] == Tokens.SYM ? cs + 1 : cs;
        boolean relative = t.isWord(rel, "who") || t.isWord(rel, "which") || t.isWord(rel, "that");
        // the antecedent of ", who owns" / ", which is ... owned": the name right before the comma
        Mention antecedent = null;
        if (relative) {
            for (Mention m : s.mentions) {
                if (m.tok1 == cs && m.resolved() && !m.attribution && m.kind != Mention.Kind.PRONOUN) antecedent = m;
            }
            // "Exor, the holding company of Italy's Agnelli family, which owns about 29%": the appositive's head,
            // whose name is before it, owns, not the name the appositive ends with
            if (antecedent != null && (t.isWord(antecedent.tok0 - 1, "of") || t.isWord(antecedent.tok0 - 1, "s")
                    && (t.isSym(antecedent.tok0 - 2, '\'') || t.isSym(antecedent.tok0 - 2, '\u2019')))) {
                int ap = clauseStartOf(s, antecedent.tok0);
                int w = t.isSym(ap, ',') ? ap + 1 : ap;
                if (ap > 0 && (t.isWord(w, "the") || t.isWord(w, "a"))) {
                    Mention head = null;
                    for (Mention m : s.mentions) {
                        if (m.tok1 == ap && m.resolved() && !m.attribution && m.kind == Mention.Kind.NAME) head = m;
                    }
                    if (head != null) antecedent = head;
                }
            }
            // "Thirlwell, the chief executive, who owns": past a short appositive to the name before it
            int p = cs > 0 ? clauseStartOf(s, cs - 1) : 0;
            if (antecedent == null && p > 0 && t.isSym(p, ',') && cs - p <= 6
                    && (t.isWord(p + 1, "the") || t.isWord(p + 1, "a") || t.isWord(p + 1, "its"))) {
                for (Mention m : s.mentions) {
                    if (m.tok1 == p && m.resolved() && !m.attribution && m.kind != Mention.Kind.PRONOUN) antecedent = m;
                }
            }
        }
        Mention holder = null, owned = null;
        if (active) {
            holder = antecedent;
            if (!relative) {
                for (Mention m : s.mentions) {
                    if (m.resolved() && !m.attribution && m.tok1 <= k && s.clause[m.tok0] == clause) holder = m;
                }
                // "Commonwealth Bank of Australia, which also distributes Klarna's product, owns about 5.5% of the
                // company": the sentence's subject past its relative clause
                if (holder == null) holder = sentenceSubject(s, cs);
            }
            if (t.isWord(lq.q1, "of") || t.isWord(lq.q1, "in")) {
                for (Mention m : s.mentions) {
                    if (m.tok0 == lq.q1 + 1 && m.resolved() && !m.attribution && !m.person) owned = m;
                }
            }
        } else {
            int by = t.isWord(after + 2, "the") ? after + 3 : after + 2; // "owned by the Swiss government"
            for (Mention m : s.mentions) {
                if (m.tok0 == by && m.resolved() && !m.attribution) holder = m;
            }
            owned = antecedent;
            if (!relative) {
                for (Mention m : s.mentions) {
                    if (m.resolved() && !m.attribution && m.tok1 <= lq.q0 && s.clause[m.tok0] == clause) owned = m;
                }
                if (owned == null) owned = sentenceSubject(s, cs);
            }
        }
        String ownedSlug = owned == null ? null : owned.slug;
        if (active && owned == null && !t.isWord(lq.q1, "of") && !t.isWord(lq.q1, "in")
                && recent.ownedSentence >= s.index - 1) {
            ownedSlug = recent.owned;
        }
        if (holder == null || ownedSlug == null || holder.slug.equals(ownedSlug) || owned != null && owned.person
                || holdersOf(t, holder)) { // "FCA shareholders will own 50% of Stellantis": theirs, not FCA's
            return NO_CLAIM;
        }
        return new String[] {holder.slug, ownedSlug};
    }

    /**
     * "OpenAI said it raised $6.6 billion in a funding round": the article reports a round of the target, so
     * the investors it names put money into it. Money must follow the raise word ("raise its value to" is no
     * round).
     */
    private static boolean roundCoverage(List<Sentence> sentences, String target) {
        if (target == null) return false;
        for (Sentence s : sentences) {
            if (s.quantities.isEmpty()) continue; // the raise is a figure: most sentences have none
            Tokens t = s.tokens;
            boolean round = false, raised = false;
            for (int k = 0; k < t.size && !round; k++) round = t.isWord(k, "round") || t.isWord(k, "funding");
            if (!round) continue;
            // one look back from each figure: linear in the sentence
            for (Quantity q : s.quantities) {
                if (q.isPercent()) continue;
                int q0 = s.tokenAt(q.start());
                for (int k = q0 - 1; k >= 0 && k >= q0 - 3 && !raised; k--) {
                    String w = t.word(k);
                    raised = w.equals("raised") || w.equals("raises") || w.equals("raising") || w.equals("raise");
                }
            }
            if (!round || !raised) continue;
            for (Mention m : s.mentions) {
                if (!m.resolved() || m.attribution || m.person) continue;
                if (m.slug.equals(target)) return true;
                break; // the raiser is the sentence's first party
            }
        }
        return false;
    }

    private static final Set<String> OFFERS = Set.of("offer", "offers", "offered", "bid", "bids", "proposal");

    /**
     * "a takeover by the US private equity firm KKR", "the takeover offer from the Abu Dhabi National Oil
     * Company", "an improved offer from Advent": the name is the one making the deal. Reads back from the
     * name over a few words of description to "by", or to "from" right after an offer word.
     */
    static boolean agent(Tokens t, int tok0) {
        int limit = tok0 - 6;
        for (int k = tok0 - 1; k >= 0 && k >= limit; k--) {
            // "from Jane Roe's investment vehicle Globex": over the owner's possessive
            if (t.isWord(k, "s") && k >= 2 && (t.isSym(k - 1, '\'') || t.isSym(k - 1, '\u2019'))
                    && EntityFinder.cap(t, k - 2) && k < tok0 - 1) {
                k -= 2;
                while (k > 0 && EntityFinder.cap(t, k - 1)) k--;
                limit = Math.min(limit, k - 2);
                continue;
            }
            if (t.type[k] != Tokens.WORD) return false;
            String w = t.word(k);
            if (w.equals("by")) return true;
            if (w.equals("from")) {
                // "an offer from Advent", "an earlier offer of about $23 billion from Google", "an unsolicited
                // offer of $35 a share in cash and stock from rival Y"
                for (int j = k - 1; j >= 0 && j >= k - 12; j--) {
                    if (OFFERS.contains(t.word(j)) || t.isWord(j, "approach")) return true;
                    if (t.type[j] == Tokens.SYM && !t.isSym(j, '$') && !t.isSym(j, '.')) return false;
                }
                return false;
            }
            if (k < tok0 - 1 && !(w.equals("the") || w.equals("a") || w.equals("an") || t.upper(k)
                    || EntityFinder.demonym(w) // "by the Czech billionaire Jane Roe"
                    || t.is(k, Lexicon.DESCRIPTORS) || t.is(k, Lexicon.DESCRIPTIVE_HEADS) || t.is(k, Lexicon.GENERIC_HEADS)
                    || !EntityFinder.cap(t, k) && k > tok0 - 5 && descriptionWord(w))) {
                return false;
            }
            if (k == tok0 - 1 && !(w.equals("the") || w.equals("a") || w.equals("an") || t.upper(k)
                    || t.is(k, Lexicon.DESCRIPTORS) || t.is(k, Lexicon.DESCRIPTIVE_HEADS) || t.is(k, Lexicon.GENERIC_HEADS)
                    || w.equals("fund") || w.equals("investor") || EntityFinder.VEHICLES.contains(w))) {
                return false;
            }
        }
        return false;
    }

    /** Lower-case modifiers of a description ("private equity firm"): no function word, no verb ending. */
    private static boolean descriptionWord(String w) {
        return !(w.equals("and") || w.equals("or") || w.equals("with") || w.equals("to") || w.equals("for")
                || w.equals("of") || w.equals("in") || w.equals("on") || w.equals("at") || w.equals("as")
                || w.equals("which") || w.equals("that") || w.equals("who") || w.endsWith("ed") || w.endsWith("ing"));
    }

    /**
     * The name that opens the sentence when the clauses between it and the figure's clause are parenthetical
     * (", which ...", ", led by ...,"): the subject the figure's verb belongs to.
     */
    private static Mention sentenceSubject(Sentence s, int from) {
        Tokens t = s.tokens;
        Mention first = null;
        for (Mention m : s.mentions) {
            if (m.resolved() && !m.attribution && !m.person && m.kind != Mention.Kind.PRONOUN) {
                first = m;
                break;
            }
        }
        // the story may open after a dateline: "BEVERLY HILLS, Calif., April 2, 2024 -- Endeavor Group Holdings, ..."
        int start = Math.max(0, EntityFinder.datelineEnd(t));
        if (first == null || s.clause[first.tok0] != s.clause[start] || first.tok0 > start + 2 || first.tok1 > from) {
            return null;
        }
        // only commas and parenthetical clauses between the name and the figure's clause
        if (first.tok1 < t.size && !t.isSym(first.tok1, ',')) return null;
        int k = first.tok1 + 1;
        String opener = t.word(k);
        if (!(opener.equals("which") || opener.equals("who") || opener.equals("whose") || opener.equals("led")
                || opener.equals("based") || opener.equals("founded") || opener.equals("the") || opener.equals("a")
                || opener.equals("an") || opener.equals("owner") || opener.equals("maker"))) {
            return null;
        }
        return first;
    }

    private static final Set<String> CLAUSE_VERBS = Set.of("will", "would", "could", "may", "might", "has", "have",
            "had", "is", "was", "are", "were", "agreed", "said", "plans", "also", "then", "later");

    /**
     * "under which Silver Lake, the global leader in technology investing, will acquire ...": the figure's clause
     * opens with a verb, the clause before is an appositive (the, a, its ...), and the clause before that ends
     * with the name the verb belongs to.
     */
    private static Mention subjectPastAppositive(Sentence s, int from) {
        Tokens t = s.tokens;
        int first = t.isSym(from, ',') ? from + 1 : from;
        if (from == 0 || !CLAUSE_VERBS.contains(t.word(first))) return null;
        int aside = clauseStartOf(s, from - 1);
        int a = t.isSym(aside, ',') ? aside + 1 : aside;
        if (aside == 0 || !(t.isWord(a, "the") || t.isWord(a, "a") || t.isWord(a, "an") || t.isWord(a, "its"))) return null;
        int before = clauseStartOf(s, aside - 1);
        Mention last = null;
        for (Mention m : s.mentions) {
            if (m.tok0 >= before && m.tok1 <= aside && m.kind == Mention.Kind.NAME && m.resolved() && !m.attribution
                    && !m.person) {
                last = m;
            }
        }
        return last != null && last.tok1 == aside ? last : null;
    }

    /** "bought a 20 per cent stake", "acquired a minority stake": the indefinite object is a stake. */
    private static boolean stakeNear(Tokens t, int k) {
        for (int j = k; j < t.size && j < k + 5; j++) {
            if (t.type[j] == Tokens.NUM || t.isWord(j, "stake") || t.isWord(j, "stakes") || t.isSym(j, '%')) return true;
        }
        return false;
    }

    /** A name in the cue's own clause before it, and no deal verb: "gives Toyota a stake of about 1%". */
    private static boolean nameBefore(Sentence s, int cue) {
        for (int k = cue - 1; k >= 0 && s.clause[k] == s.clause[cue]; k--) {
            if (DEAL_VERBS.contains(s.tokens.word(k)) && !s.tokens.word(k).equals("stake")) return false;
        }
        for (Mention m : s.mentions) {
            if (m.resolved() && !m.attribution && m.tok1 <= cue && s.clause[m.tok0] == s.clause[cue]
                    && m.kind == Mention.Kind.NAME) {
                return true;
            }
        }
        return false;
    }

    /** "sell its logistics arm", "sold its European unit": the object of the sale verb is the seller's own unit. */
    private static boolean soldUnit(Tokens t, int verb, int end) {
        if (!t.isWord(verb + 1, "its") && !t.isWord(verb + 1, "their")) return false;
        for (int k = verb + 2; k < end && k <= verb + 6; k++) {
            if (UNIT_HEADS.contains(t.word(k))) return true;
            if (t.type[k] != Tokens.WORD) return false;
        }
        return false;
    }

    private static final Set<String> UNIT_HEADS = Set.of("business", "businesses", "unit", "units", "arm", "division",
            "operations", "operation", "subsidiary", "assets");

    /** "Globex's Italian business", "Globex's mobile unit": the name's possessive before a unit of it. */
    private static boolean unitOf(Tokens t, Mention m) {
        if (!(t.isSym(m.tok1, '\'') || t.isSym(m.tok1, '\u2019')) || !t.isWord(m.tok1 + 1, "s")) return false;
        for (int k = m.tok1 + 2; k < t.size && k <= m.tok1 + 5; k++) {
            if (t.type[k] != Tokens.WORD) return false;
            if (t.is(k, Lexicon.NOT_NAMES) && !t.isWord(k, "group")) return false;
            if (UNIT_HEADS.contains(t.word(k))) return true;
        }
        return false;
    }

    /** "the government's stake", "Microsoft's holding": the name's possessive before what it holds. */
    private static boolean holdingOf(Tokens t, Mention m) {
        if (!(t.isSym(m.tok1, '\'') || t.isSym(m.tok1, '\u2019')) || !t.isWord(m.tok1 + 1, "s")) return false;
        for (int k = m.tok1 + 2; k < t.size && k <= m.tok1 + 4; k++) {
            if (t.isWord(k, "stake") || t.isWord(k, "holding") || t.isWord(k, "stakes")) return true;
            if (t.type[k] != Tokens.WORD) return false;
        }
        return false;
    }

    /** "VMware shareholders will receive": the name owns the shares being bought, so it is the target. */
    private static boolean holdersOf(Tokens t, Mention m) {
        String w = t.word(m.tok1);
        // not "investors": "X investors" are X's own backers, not holders of shares being bought
        return w.equals("shareholders") || w.equals("stockholders") || w.equals("holders");
    }

    /**
     * "Israeli AI infrastructure startup Run:ai": a name used as a modifier, then a descriptive head noun, then
     * the name it describes; the described name is the party.
     */
    private static Mention describedName(Sentence s, Mention m, List<Mention> range) {
        Tokens t = s.tokens;
        for (int k = m.tok1; k < t.size && k < m.tok1 + 5; k++) {
            if (t.type[k] != Tokens.WORD || EntityFinder.cap(t, k)) return null;
            if (t.is(k, Lexicon.DESCRIPTIVE_HEADS) || t.is(k, Lexicon.GENERIC_HEADS)) {
                for (Mention n : range) if (n.tok0 == k + 1 && n.kind == Mention.Kind.NAME && !n.person) return n;
                return null;
            }
        }
        return null;
    }

    /** "to CVC", "to private equity firm CVC": the buyer follows "to" after a sale verb. */
    private static boolean toBefore(Tokens t, int tok0, int anchor) {
        for (int k = tok0 - 1; k > anchor && k >= tok0 - 4; k--) {
            if (t.isWord(k, "to")) return true;
            if (t.type[k] != Tokens.WORD) return false;
        }
        return false;
    }

    /** "invest $65 billion in AI development": the object is named, and it is no entity. */
    private static boolean blockedObject(Sentence s, AttributeClassifier.Cue cue, Located lq, List<Mention> range,
                                         int anchor, int to) {
        return blockedAt(s, lq, range, anchor, to) >= 0;
    }

    /** Token of the "in"/"into" that names an object that is no entity ("in AI development", "in a school"), or -1. */
    private static int blockedAt(Sentence s, Located lq, List<Mention> range, int anchor, int to) {
        Tokens t = s.tokens;
        int from = Math.max(anchor, lq.q1);
        for (int k = from; k < to; k++) {
            String w = t.word(k);
            if (!"in".equals(w) && !"into".equals(w)) continue;
            int n = k + 1;
            while (n < t.size && t.is(n, Lexicon.DESCRIPTORS)) n++; // "in rival Anthropic"
            if (n >= t.size) return -1;
            for (Mention m : range) if (m.tok0 == n) return -1;
            return NEUTRAL_OBJECTS.contains(t.word(n)) ? -1 : k;
        }
        return -1;
    }

    private static boolean hasWord(Tokens t, int from, int to, String w) {
        for (int k = from; k < to; k++) if (t.isWord(k, w)) return true;
        return false;
    }

    /**
     * "Wiz was valued at $12 billion in a private funding round in May 2024" in coverage of Wiz's sale, "Anthropic
     * was valued at about $18.4 billion in a funding round last year" in coverage of an investment in it: the
     * target's valuation in a round, stated in the past tense, is from before the deal. In coverage of an
     * investment only with a marker of an earlier time, since a round being reported is also put in the past
     * tense ("raised $600m in a round that valued it at $5.8bn").
     */
    private static boolean earlierRound(Sentence s, Located lq, int cueTok, boolean acquisition) {
        Tokens t = s.tokens;
        if (s.standalone || !t.isWord(cueTok, "valued") || t.isWord(cueTok - 1, "be") || t.isWord(cueTok - 1, "is")
                || t.isWord(cueTok - 1, "being")) {
            return false;
        }
        boolean round = false, earlier = false;
        for (int k = 0; k < t.size; k++) {
            String w = t.word(k);
            if (w.equals("round") || w.equals("funding")) round = true;
            if (w.equals("year") && (t.isWord(k - 1, "last") || t.isWord(k + 1, "earlier") || t.isWord(k + 1, "ago")
                    || t.isWord(k - 1, "previous"))) {
                earlier = true;
            }
            if (w.equals("ago")) earlier = true;
        }
        return round && (acquisition || earlier);
    }

    /** A company named (not referred to) in the figure's clause before it. */
    private static boolean nameBefore(Sentence s, Located lq) {
        int from = s.clauseFrom(lq.q0);
        for (Mention m : s.mentions) {
            if (m.kind == Mention.Kind.NAME && m.resolved() && !m.attribution && !m.person && m.tok0 >= from
                    && m.tok1 <= lq.q0) {
                return true;
            }
        }
        return false;
    }

    /**
     * "xAI was valued at about $15 billion late last year, when it raised $135 million": a valuation in the past
     * tense with a marker of an earlier time (last year, a year earlier, ago, when it raised) is an earlier one,
     * whoever the coverage is about.
     */
    private static boolean pastValuationThen(Sentence s, int cueTok) {
        Tokens t = s.tokens;
        if (s.standalone) return false;
        boolean had = false; // "It had a market value of", "bankers had pegged its value at"
        for (int k = cueTok - 1; k >= 0 && k >= cueTok - 4 && !had; k--) had = t.isWord(k, "had");
        boolean pastValue = had && (t.isWord(cueTok, "value") || t.isWord(cueTok, "valuation"));
        if (!(t.isWord(cueTok, "valued") || t.isWord(cueTok, "worth") || pastValue)) return false;
        int be = cueTok - 1;
        if (t.isWord(be, "just") || t.isWord(be, "only")) be--; // "it was worth just $520 million"
        if (!(t.isWord(be, "was") || t.isWord(be, "were") || pastValue)) return false;
        for (int k = 0; k < t.size; k++) {
            String w = t.word(k);
            if (w.equals("ago")) return true;
            // "as recently as January 2024 it was worth"
            if (w.equals("recently") && t.isWord(k - 1, "as") && t.isWord(k + 1, "as")) return true;
            if (w.equals("year") && (t.isWord(k - 1, "last") || t.isWord(k - 1, "previous") || t.isWord(k + 1, "earlier"))) {
                return true;
            }
            if (w.equals("when") && k > cueTok) {
                for (int j = k + 1; j < t.size && j <= k + 3; j++) if (t.isWord(j, "raised")) return true;
            }
            // "at that time", "at the time", "at its peak", "at the start of the year"
            if (w.equals("at") && (t.isWord(k + 1, "that") && t.isWord(k + 2, "time") || t.isWord(k + 1, "the")
                    && (t.isWord(k + 2, "time") || t.isWord(k + 2, "start")) || t.isWord(k + 1, "its") && t.isWord(k + 2, "peak"))) {
                return true;
            }
        }
        // "When earlier talks collapsed in April 2024, Informatica was valued at", "In October 2024, X was valued at"
        return t.isWord(0, "when") || t.isWord(0, "in") && k0Month(t);
    }

    /**
     * "bought a majority stake in Creed in 2020 in a deal that valued the business at roughly €1bn": a valuation in
     * the past tense in a sentence dated to a year before the article's.
     */
    private static boolean valuedInAnEarlierYear(Sentence s, int cueTok, Integer published) {
        Tokens t = s.tokens;
        if (published == null || !(t.isWord(cueTok, "valued") && !t.isWord(cueTok - 1, "be") && !t.isWord(cueTok - 1, "is")
                && !t.isWord(cueTok - 1, "being"))) {
            return false;
        }
        for (int k = 0; k < t.size; k++) {
            if (isYear(t, k) && t.num[k] < published && (t.isWord(k - 1, "in") || t.isWord(k - 2, "in"))) return true;
        }
        return false;
    }

    /** "In October 2024," opening the sentence: a month and a year, then a comma. */
    private static boolean k0Month(Tokens t) {
        return t.size > 3 && EntityFinder.cap(t, 1) && isYear(t, 2) && t.isSym(3, ',')
                && t.is(1, Lexicon.NOT_NAMES); // month names are among the words that are no names
    }

    /**
     * "nearly triple its valuation of about €2bn in December", "twice the $4 billion it was valued at": the
     * valuation a new one is compared with is an earlier one.
     */
    private static boolean comparedWith(Sentence s, Located lq) {
        Tokens t = s.tokens;
        if (t.isWord(lq.q0 - 1, "to")) return false; // "would double its valuation to $5 billion"
        // "a sharp markdown from the $95 billion valuation it commanded", "down from the $40 billion at which"
        if (t.isWord(lq.q0 - 1, "the") && t.isWord(lq.q0 - 2, "from")) return true;
        for (int k = lq.q0 - 1; k >= 0 && k >= lq.q0 - 8 && s.clause[k] == s.clause[lq.q0]; k--) {
            String w = t.word(k);
            if (w.equals("double") || w.equals("triple") || w.equals("quadruple") || w.equals("twice")
                    || w.equals("thrice")) {
                return true;
            }
            // "more than 50% above the $9 billion Perplexity was valued at", "well below the $40 billion"
            if ((w.equals("above") || w.equals("below")) && t.isWord(k + 1, "the") && k + 2 == lq.q0) return true;
            // "nearly four times the $2.5 billion": a number before "times"
            if (w.equals("times") && k > 0 && (t.type[k - 1] == Tokens.NUM || t.is(k - 1, Lexicon.NUMBER_WORD))) {
                return true;
            }
        }
        return false;
    }

    /** Whose valuation or revenue: the organisation named nearest before the figure in its clause. */
    private static String singleParty(Sentence s, Located lq, String attribute, String[] pair, int cueTok) {
        Tokens t = s.tokens;
        int from = s.clauseFrom(lq.q0), to = s.clauseTo(lq.q0);
        // "the $12 billion valuation Wiz hit in its last round": the name right after the cue owns it
        if (cueTok >= lq.q1 && (t.isWord(cueTok, "valuation") || t.isWord(cueTok, "revenue"))) {
            for (Mention m : s.mentions) {
                if (m.tok0 == cueTok + 1 && m.kind == Mention.Kind.NAME && m.resolved() && !m.person && !m.attribution) {
                    return m.slug;
                }
            }
        }
        // "in an all-paper deal valuing Sabadell at about €12.2bn": the value verb's object is the company valued
        if (attribute.equals("valuation") && cueTok < lq.q0 && (t.isWord(cueTok, "valuing") || t.isWord(cueTok, "values")
                || t.isWord(cueTok, "value") || t.isWord(cueTok, "valued"))) {
            for (Mention m : s.mentions) {
                if (m.tok0 == cueTok + 1 && m.kind != Mention.Kind.PRONOUN && m.resolved() && !m.person && !m.attribution
                        && m.tok1 < lq.q0 && t.isWord(m.tok1, "at")) {
                    // "could value the company at more than 8 trillion yen"; a description the deal values is its
                    // target, never its buyer ("the offer from Adnoc, which values the Dax group at")
                    if (m.kind != Mention.Kind.NAME && m.slug.equals(pair[0]) && pair[1] != null) return pair[1];
                    return m.slug;
                }
            }
        }
        String best = null;
        for (Mention m : s.mentions) {
            if (!m.resolved() || m.attribution || m.person || m.tok0 < from || m.tok0 >= to) continue;
            // "a $500 million round led by Accel at a $14 billion valuation", "acquired by Google at a valuation of":
            // the investor or buyer is not the company valued
            if (m.tok1 <= lq.q0 && (t.isWord(m.tok0 - 1, "by") || t.isWord(m.tok0 - 1, "from")
                    || t.isWord(m.tok0 - 1, "including"))) {
                continue;
            }
            if (m.tok1 <= lq.q0) {
                best = m.slug;
                // "the offer from Adnoc, which values the Dax group at": a description the deal values is the
                // deal's target, never its buyer, whatever was named last
                if (m.kind == Mention.Kind.DESCRIPTIVE && pair[0] != null && pair[1] != null && m.slug.equals(pair[0])
                        && (t.isWord(m.tok0 - 1, "values") || t.isWord(m.tok0 - 1, "valuing")
                        || t.isWord(m.tok0 - 1, "value"))) {
                    best = pair[1];
                }
            }
        }
        // "Intra-Cellular Therapies today reported unaudited CAPLYTA net product sales of": a name used as a modifier
        // of the cue (a product, a brand) after the organisation reporting it is not whose the figure is
        if (best != null && attribute.startsWith("revenue")) {
            String reporter = reporterBefore(s, from, lq, cueTok);
            if (reporter != null) return reporter;
        }
        if (best != null) return best;
        // "Bayer, which bought Monsanto ..., has a market value of €55 billion": the sentence's subject
        Mention subject = sentenceSubject(s, from);
        if (subject != null) return subject.slug;
        // names after the figure: "a $28 billion valuation for X"; never for money raised (those are investors)
        for (Mention m : s.mentions) {
            if (attribute.equals("funding_round")) break;
            if (!m.resolved() || m.attribution || m.person || m.tok0 < from || m.tok0 >= to) continue;
            if (m.tok0 >= lq.q1 && !t.isWord(m.tok0 - 1, "from") && !t.isWord(m.tok0 - 1, "by")
                    && !t.isWord(m.tok0 - 1, "including")) {
                return m.slug;
            }
        }
        if ((attribute.equals("valuation") || attribute.equals("previous_valuation")) && pair[1] != null) return pair[1];
        // "Wall Street analysts expect revenue of about $15.5 billion in 2023": no party named but the speakers, so
        // the company the article is about
        if (attribute.startsWith("revenue") && pair[1] != null && onlySpeakersBefore(s, from, lq)) return pair[1];
        for (Mention m : s.mentions) {
            if (m.resolved() && !m.attribution && !m.person && m.tok1 <= lq.q0) return m.slug;
        }
        return null;
    }

    private static final Set<String> REPORTING = Set.of("reported", "reports", "posted", "posts", "announced",
            "said", "recorded", "booked", "generated");

    /**
     * The organisation that opens the clause with a reporting verb ("X today reported"), when the name nearest
     * the cue is a modifier of it ("CAPLYTA net product sales": capitals or a name, then lower-case words, then
     * the cue). Null when the clause is not so built.
     */
    private static String reporterBefore(Sentence s, int from, Located lq, int cueTok) {
        Tokens t = s.tokens;
        if (cueTok >= lq.q0) return null;
        Mention modifier = null, reporter = null;
        for (Mention m : s.mentions) {
            if (m.kind != Mention.Kind.NAME || !m.resolved() || m.attribution || m.person || m.tok0 < from) continue;
            if (m.tok1 <= cueTok && m.tok1 < cueTok && cueTok - m.tok1 <= 3) modifier = m;
        }
        if (modifier == null) return null;
        for (int k = modifier.tok1; k < cueTok; k++) {
            if (t.type[k] != Tokens.WORD || EntityFinder.cap(t, k)) return null;
        }
        for (Mention m : s.mentions) {
            if (m == modifier || m.kind != Mention.Kind.NAME || !m.resolved() || m.attribution || m.person
                    || m.tok1 > modifier.tok0) {
                continue;
            }
            for (int k = m.tok1; k < m.tok1 + 3 && k < modifier.tok0; k++) if (REPORTING.contains(t.word(k))) reporter = m;
        }
        return reporter == null || reporter.slug.equals(modifier.slug) ? null : reporter.slug;
    }

    /**
     * The year a revenue figure is for: a year (or "last year") right after it in its clause ("$1 billion in
     * 2025", "€14.4bn last year"), else the nearest year before it in the sentence, else the nearest after.
     * {@code published} is the publication year, if known.
     */
    private static String year(Sentence s, Located lq, Integer published) {
        Tokens t = s.tokens;
        int clause = s.clause[lq.q0];
        for (int k = lq.q1; k < t.size && k < lq.q1 + 8 && s.clause[k] == clause; k++) {
            if (isYear(t, k)) return t.original(k);
            if (t.type[k] == Tokens.NUM || t.type[k] == Tokens.SYM && !t.isSym(k, '-')) break; // another figure
            String w = t.word(k);
            if (w.equals("and") || w.equals("but") || w.equals("while") || w.equals("from") || w.equals("compared")
                    || w.equals("versus") || w.equals("up") || w.equals("down") || w.equals("fiscal")) {
                break;
            }
            if (w.equals("year") && k > lq.q1) {
                String r = relativeYear(t.word(k - 1), published);
                if (r != null || isRelative(t.word(k - 1))) return r; // "this year" with no date: no year, not another
            }
        }
        for (int k = lq.q0 - 1; k >= 0; k--) if (isYear(t, k)) return t.original(k);
        for (int k = lq.q1; k < t.size; k++) if (isYear(t, k)) return t.original(k);
        // "last year", "this year", "next year": relative to the publication date, when it is known
        if (published == null) return null;
        int now = published;
        for (int k = 1; k < t.size; k++) {
            if (!t.isWord(k, "year") || s.clause[k] != clause && Math.abs(k - lq.q0) > 12) continue;
            String p = t.word(k - 1);
            if (p.equals("last") || p.equals("previous") || p.equals("prior")) return String.valueOf(now - 1);
            if (p.equals("this") || p.equals("current")) return String.valueOf(now);
            if (p.equals("next") || p.equals("coming")) return String.valueOf(now + 1);
        }
        return null;
    }

    private static boolean isRelative(String w) {
        return w.equals("last") || w.equals("previous") || w.equals("prior") || w.equals("this") || w.equals("current")
                || w.equals("next") || w.equals("coming");
    }

    private static String relativeYear(String w, Integer published) {
        if (published == null || !isRelative(w)) return null;
        if (w.equals("last") || w.equals("previous") || w.equals("prior")) return String.valueOf(published - 1);
        if (w.equals("this") || w.equals("current")) return String.valueOf(published);
        return String.valueOf(published + 1);
    }

    private static boolean isYear(Tokens t, int k) {
        if (t.type[k] != Tokens.NUM || t.end[k] - t.start[k] != 4 || t.grouped[k]) return false;
        double v = t.num[k];
        return v >= 1990 && v <= 2100 && v == Math.floor(v);
    }

    // ---------------------------------------------------------------- the article's main deal

    /**
     * The investor or buyer and the target most of the article is about: every deal cue votes for the pair it
     * connects, weighted by how often both are named; with no votes, the two most named organisations.
     */
    private static String[] mainPair(List<Sentence> sentences, Map<String, Integer> salience) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        Map<String, Integer> acquireVotes = new HashMap<>();
        for (Sentence s : sentences) {
            if (s.mentions.size() < 2) continue; // a vote needs two parties
            Tokens t = s.tokens;
            for (int k = 0; k < t.size; k++) {
                if (!t.is(k, Lexicon.DEAL_CUE)) continue;
                int clause = s.clause[k];
                String subj = null, cp = null;
                boolean byAgent = false;
                for (Mention m : s.mentions) {
                    if (!m.resolved() || m.attribution || s.clause[m.tok0] != clause) continue;
                    if (m.tok1 <= k) {
                        subj = m.slug;
                    } else if (m.tok0 > k) {
                        if (agent(t, m.tok0)) {
                            byAgent = true;
                            // "Spectris agrees takeover by KKR after bidding war with Advent": the name before
                            // the deal word is the target, names after the agent are no party to it
                            if (cp == null && subj != null && !subj.equals(m.slug)) cp = subj;
                            subj = m.slug;
                            if (cp != null) break;
                        } else if (cp == null && !m.slug.equals(subj) && !unitOf(t, m)) {
                            cp = m.slug;
                        }
                    }
                }
                if (subj == null && cp != null) {
                    Mention first = subjectPastAppositive(s, clauseStartOf(s, k));
                    if (first == null) first = sentenceSubject(s, clauseStartOf(s, k));
                    if (first != null) subj = first.slug;
                } else if (byAgent && cp == null && subj != null) {
                    // "Initech, the UK's biggest platform, has agreed a takeover by Globex": the sentence's subject
                    Mention first = sentenceSubject(s, clauseStartOf(s, k));
                    if (first != null && !first.slug.equals(subj)) cp = first.slug;
                }
                if (subj == null || cp == null || subj.equals(cp)) continue;
                votes.merge(subj + ">" + cp, 1, Integer::sum);
                if (AttributeClassifier.isAcquireVerb(t.lower[k])) acquireVotes.merge(subj + ">" + cp, 1, Integer::sum);
            }
        }
        String best = null;
        long bestScore = 0;
        for (Map.Entry<String, Integer> e : votes.entrySet()) {
            String[] p = e.getKey().split(">", 2);
            long score = (long) e.getValue() * (salience.getOrDefault(p[0], 1) + salience.getOrDefault(p[1], 1));
            if (score > bestScore) {
                best = e.getKey();
                bestScore = score;
            }
        }
        // "Stripe ... values the payments company at $50 billion ... Microsoft's investment in OpenAI": a deal the
        // article mentions in passing is not its main deal when the company it keeps naming is party to none
        String top = mostNamedOrganisation(salience, persons(sentences));
        if (best != null && top != null) {
            String[] p = best.split(">", 2);
            int partyCount = Math.max(salience.getOrDefault(p[0], 0), salience.getOrDefault(p[1], 0));
            if (!p[0].equals(top) && !p[1].equals(top) && salience.get(top) >= 3 * Math.max(1, partyCount)) best = null;
        }
        if (best != null) {
            String[] p = best.split(">", 2);
            boolean acquisition = acquireVotes.getOrDefault(best, 0) * 2 > votes.get(best);
            return new String[] {p[0], p[1], acquisition ? "acquisition" : "investment"};
        }
        // no deal connects two names: the most named organisation is what the coverage is about
        return new String[] {null, top, null};
    }

    /** The organisation the article names most, the first of equals in text order. */
    private static String mostNamedOrganisation(Map<String, Integer> salience, Set<String> persons) {
        String top = null;
        int topCount = 0;
        for (Map.Entry<String, Integer> e : salience.entrySet()) {
            if (e.getValue() > topCount && !persons.contains(e.getKey())) {
                top = e.getKey();
                topCount = e.getValue();
            }
        }
        return top;
    }

    private static Set<String> persons(List<Sentence> sentences) {
        Set<String> out = new java.util.TreeSet<>();
        for (Sentence s : sentences) for (Mention m : s.mentions) if (m.person && m.slug != null) out.add(m.slug);
        return out;
    }

    private static int clauseStartOf(Sentence s, int k) {
        int c = s.clause[k];
        while (k > 0 && s.clause[k - 1] == c) k--;
        return k;
    }

    /** Words that vote for the article's main deal; a {@link Lexicon} flag, since every word is asked. */
    static final Set<String> DEAL_CUES = Set.of("invest", "invests", "invested", "investing", "investment", "stake",
            "acquire", "acquires", "acquired", "acquiring", "acquisition", "buy", "buys", "bought", "buying", "backed",
            "takeover", "purchase", "bid", "bids", "offer");
}

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
    public static final String VERSION = "extract-1.0.0";

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
        List<Sentence> sentences = new ArrayList<>();
        for (SentenceSplitter.Span sp : SentenceSplitter.split(text)) {
            sentences.add(new Sentence(sentences.size(), text, sp.start(), sp.end()));
        }
        Map<String, Integer> salience = new EntityFinder(aliases).find(sentences);
        ReferenceResolver.resolveCentering(sentences);
        String[] pair = mainPair(sentences, salience);
        ReferenceResolver.resolveDescriptive(sentences, pair[1]);

        Map<String, Claim> out = new LinkedHashMap<>();
        for (Sentence s : sentences) {
            List<Quantity> qs = quantities.parse(text, s.start, s.end);
            if (qs.isEmpty()) continue;
            List<Located> located = new ArrayList<>(qs.size());
            for (Quantity q : qs) {
                int q0 = s.tokenAt(q.start());
                int q1 = s.tokenAt(q.end());
                located.add(new Located(q, q0, q1));
            }
            for (int i = 0; i < located.size(); i++) {
                Located lq = located.get(i);
                Claim c = claim(article, s, lq, located, i, pair);
                if (c == null) continue;
                String key = c.key() + "=" + c.value() + "/" + c.valueHigh() + "/" + c.unit();
                out.putIfAbsent(key, c);
            }
        }
        return List.copyOf(out.values());
    }

    private record Located(Quantity q, int q0, int q1) {}

    private Claim claim(ArticleText article, Sentence s, Located lq, List<Located> all, int index, String[] pair) {
        Quantity q = lq.q();
        if (lq.q0 >= s.tokens.size) return null;
        if (isTicker(s, lq)) return null;
        AttributeClassifier.Cue cue = AttributeClassifier.classify(s, lq.q0, lq.q1, q.isPercent());
        if (cue == null) return null;
        String attribute = cue.attribute();
        if (q.isPercent() != attribute.equals("stake_percent") && !attribute.equals("premium")) return null;
        String subject, counterparty = null;
        if (Claim.TWO_PARTY_ATTRIBUTES.contains(attribute)) {
            String[] roles = twoParty(s, cue, lq, all, index, pair);
            if (roles == null) return null;
            subject = roles[0];
            counterparty = roles[1];
        } else {
            subject = singleParty(s, lq, attribute, pair);
            if (subject == null) return null;
        }
        String qualifier = attribute.startsWith("revenue") ? year(s, lq) : null;
        Modality modality = ModalityClassifier.classify(s, lq.q0);
        if (attribute.equals("revenue_projection") && modality == Modality.REPORTED) modality = Modality.PROJECTED;
        String evidence = article.text().substring(s.start, s.end);
        return new Claim(article.id(), article.sourceOrId(), subject, counterparty, attribute, qualifier, q.value(),
                q.valueHigh(), q.unit(), q.bound(), modality, false, evidence, s.start, s.end);
    }

    /** "MSFT -1.95%", "AAPL +0.4%": an all-capitals symbol glued to a signed figure is a ticker line. */
    private static boolean isTicker(Sentence s, Located lq) {
        Tokens t = s.tokens;
        int k = lq.q0 - 1;
        if (k >= 0 && (t.isDashTok(k) || t.isSym(k, '+')) && t.attached(lq.q0)) k--;
        return k >= 0 && t.type[k] == Tokens.WORD && t.upper(k) && t.end[k] - t.start[k] >= 2
                && t.end[k] - t.start[k] <= 5 && !Currencies.ISO.contains(t.original(k))
                && (s.mentions.isEmpty() || s.tokens.size < 12);
    }

    // ---------------------------------------------------------------- roles

    private static final Set<String> NEUTRAL_OBJECTS = Set.of("funding", "cash", "stock", "equity", "shares",
            "total", "capital", "new", "fresh", "debt", "investment", "investments", "a", "an", "the", "its", "their",
            "his", "her", "exchange", "return", "addition", "order", "part");

    /** Investor or buyer, and target: from the clause around the cue, else the article's main deal. */
    private static String[] twoParty(Sentence s, AttributeClassifier.Cue cue, Located lq, List<Located> all, int index,
                                     String[] pair) {
        Tokens t = s.tokens;
        int clause = s.clause[lq.q0];
        int c = cue.tok();
        List<Mention> inClause = new ArrayList<>();
        for (Mention m : s.mentions) {
            if (m.resolved() && !m.attribution && s.clause[m.tok0] == clause) inClause.add(m);
        }
        String subj = null, cp = null;
        boolean blocked = false;
        // "OpenAI acquired a startup founded by ...": the thing bought is unnamed, whatever names follow
        if (cue.family() == AttributeClassifier.Family.ACQUIRE && c < lq.q0) {
            String next = t.word(c + 1);
            if ("a".equals(next) || "an".equals(next)) return null;
        }
        // "Amazon and Google invested in Anthropic ($8B+ and $3B respectively)"
        if (hasWord(t, clause, s, "respectively")) {
            List<Mention> before = new ArrayList<>();
            for (Mention m : inClause) if (m.tok1 <= c) before.add(m);
            int nth = 0, count = 0;
            for (Located o : all) {
                if (s.clause[o.q0] != clause) continue;
                if (o == lq) nth = count;
                count++;
            }
            if (before.size() == count) subj = before.get(nth).slug;
            else return null;
        }
        for (Mention m : inClause) {
            if (m.tok1 <= c && subj == null) continue;
            if (m.tok1 <= c) continue;
            if (m.tok0 > c) {
                String prev = t.word(m.tok0 - 1);
                if ("by".equals(prev) || "from".equals(prev) && cue.family() == AttributeClassifier.Family.INVEST) {
                    if (subj == null) subj = m.slug;
                    continue;
                }
                if (cp == null && !m.slug.equals(subj) && !m.person) cp = m.slug;
            }
        }
        if (subj == null) {
            for (Mention m : inClause) if (m.tok1 <= c && (cp == null || !m.slug.equals(cp))) subj = m.slug;
            if (subj == null && cue.tok() > lq.q0) {
                // cue after the figure ("49% non-voting stake"): the owner is named before the figure
                for (Mention m : inClause) if (m.tok1 <= lq.q0) subj = m.slug;
            }
        }
        if (cp == null) blocked = blockedObject(s, cue, lq, inClause);
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
            if (blocked || tgt == null || !subj.equals(inv)) return null;
            return new String[] {subj, tgt};
        }
        return new String[] {subj, cp};
    }

    /** "acquired a startup ...", "invest $65 billion in AI development": the object is named, and it is no entity. */
    private static boolean blockedObject(Sentence s, AttributeClassifier.Cue cue, Located lq, List<Mention> inClause) {
        Tokens t = s.tokens;
        int clause = s.clause[lq.q0];
        if (cue.family() == AttributeClassifier.Family.ACQUIRE && cue.tok() < lq.q0) {
            String next = t.word(cue.tok() + 1);
            if ("a".equals(next) || "an".equals(next)) return true;
        }
        int from = Math.max(cue.tok(), lq.q1);
        for (int k = from; k < t.size && s.clause[k] == clause; k++) {
            String w = t.word(k);
            if (!"in".equals(w) && !"into".equals(w)) continue;
            int n = k + 1;
            if (n >= t.size) return false;
            for (Mention m : inClause) if (m.tok0 == n) return false;
            String nw = t.word(n);
            if (NEUTRAL_OBJECTS.contains(nw)) return false;
            return true;
        }
        return false;
    }

    private static boolean hasWord(Tokens t, int clause, Sentence s, String w) {
        for (int k = 0; k < t.size; k++) if (s.clause[k] == clause && t.isWord(k, w)) return true;
        return false;
    }

    /** Whose valuation or revenue: the organisation named nearest before the figure in its clause. */
    private static String singleParty(Sentence s, Located lq, String attribute, String[] pair) {
        int clause = s.clause[lq.q0];
        String best = null;
        for (Mention m : s.mentions) {
            if (!m.resolved() || m.attribution || m.person || s.clause[m.tok0] != clause) continue;
            if (m.tok1 <= lq.q0) best = m.slug;
        }
        if (best != null) return best;
        for (Mention m : s.mentions) {
            if (!m.resolved() || m.attribution || m.person || s.clause[m.tok0] != clause) continue;
            if (m.tok0 >= lq.q1) return m.slug;
        }
        if ((attribute.equals("valuation") || attribute.equals("previous_valuation")) && pair[1] != null) return pair[1];
        for (Mention m : s.mentions) {
            if (m.resolved() && !m.attribution && !m.person && m.tok1 <= lq.q0) return m.slug;
        }
        return null;
    }

    /** The year a revenue figure is for: the nearest year before it in the sentence, else the nearest after. */
    private static String year(Sentence s, Located lq) {
        Tokens t = s.tokens;
        for (int k = lq.q0 - 1; k >= 0; k--) if (isYear(t, k)) return t.original(k);
        for (int k = lq.q1; k < t.size; k++) if (isYear(t, k)) return t.original(k);
        return null;
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
        for (Sentence s : sentences) {
            Tokens t = s.tokens;
            for (int k = 0; k < t.size; k++) {
                if (t.type[k] != Tokens.WORD || !isDealCue(t.lower[k])) continue;
                int clause = s.clause[k];
                String subj = null, cp = null;
                for (Mention m : s.mentions) {
                    if (!m.resolved() || m.attribution || s.clause[m.tok0] != clause) continue;
                    if (m.tok1 <= k) {
                        subj = m.slug;
                    } else if (m.tok0 > k) {
                        if ("by".equals(t.word(m.tok0 - 1))) {
                            subj = m.slug;
                        } else if (cp == null && !m.slug.equals(subj)) {
                            cp = m.slug;
                        }
                    }
                }
                if (subj == null || cp == null || subj.equals(cp)) continue;
                votes.merge(subj + ">" + cp, 1, Integer::sum);
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
        if (best != null) return best.split(">", 2);
        return new String[] {null, null};
    }

    private static boolean isDealCue(String w) {
        switch (w) {
            case "invest": case "invests": case "invested": case "investing": case "investment": case "stake":
            case "acquire": case "acquires": case "acquired": case "acquiring": case "acquisition": case "buy":
            case "buys": case "bought": case "backed": case "takeover": case "purchase":
                return true;
            default:
                return false;
        }
    }
}

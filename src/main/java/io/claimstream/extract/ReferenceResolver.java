package io.claimstream.extract;

import java.util.List;

/**
 * Resolves "it", "its", "the company" and "the data-labeling powerhouse" to a named entity.
 * <ul>
 *   <li>Pronouns and generic heads (company, firm, group) take the first organisation named earlier in the same
 *       sentence, else the first of the nearest earlier sentence that names one: the grammatical subject is the
 *       likeliest antecedent (centering).</li>
 *   <li>Descriptive epithets (the startup, the powerhouse, the business) are how deal coverage refers to the
 *       target once it has been named, so they take the deal's target when one is known, else the same rule.</li>
 * </ul>
 */
final class ReferenceResolver {
    private ReferenceResolver() {}

    /** First pass: everything but descriptive references, which wait for the deal's target. */
    static void resolveCentering(List<Sentence> sentences) {
        for (Sentence s : sentences) {
            for (Mention m : s.mentions) {
                if (m.resolved() || m.kind == Mention.Kind.NAME || m.kind == Mention.Kind.DESCRIPTIVE) continue;
                m.slug = antecedent(sentences, s, m);
            }
        }
    }

    /**
     * Second pass, once the deal's parties are known (either may be null): a descriptive reference is the party
     * named most recently before it ("the chipmaker" after a sentence about the buyer, "the powerhouse" after
     * one ending with the target), else the target.
     */
    static void resolveDescriptive(List<Sentence> sentences, String investor, String target) {
        for (Sentence s : sentences) {
            for (Mention m : s.mentions) {
                if (m.resolved() || m.kind != Mention.Kind.DESCRIPTIVE) continue;
                String party = m.tok0 == 0 ? previousSubject(sentences, s) : null;
                // a deal party opening the sentence before decides nothing: "Globex agreed to buy Initech. The
                // Shelbyville-based company ..." is Initech, by the deal-party rule below
                if (party != null && (party.equals(investor) || party.equals(target))) party = null;
                if (party == null) party = recentParty(sentences, s, m, investor, target);
                m.slug = party != null ? party : target != null ? target : antecedent(sentences, s, m);
            }
        }
        // pronouns that found nothing before may now see a resolved descriptive reference
        resolveCentering(sentences);
    }

    /**
     * "Google has also backed the startup. The search giant invested ...": a description opening a sentence
     * continues the subject of the sentence before when that sentence opens with the name of an organisation
     * that is not a party to the main deal (a third party just brought in).
     */
    private static String previousSubject(List<Sentence> sentences, Sentence s) {
        for (int i = s.index - 1; i >= 0; i--) {
            Sentence p = sentences.get(i);
            if (p.headline || p.standalone) continue;
            if (p.mentions.isEmpty()) return null;
            Mention c = p.mentions.get(0);
            return c.kind == Mention.Kind.NAME && c.tok0 == 0 && usable(c) ? c.slug : null;
        }
        return null;
    }

    private static String antecedent(List<Sentence> sentences, Sentence s, Mention m) {
        // "bought 11% of Fenway Sports Group ... a deal that valued the group at": the name whose last word is the
        // reference's head, in this sentence or the one before
        if (m.kind == Mention.Kind.GENERIC) {
            String named = namedWithHead(s, m, s.tokens.word(m.tok1 - 1));
            if (named == null && s.index > 0) named = namedWithHead(sentences.get(s.index - 1), null, s.tokens.word(m.tok1 - 1));
            if (named != null) return named;
        }
        for (Mention c : s.mentions) {
            if (c.tok1 > m.tok0) break;
            if (waiting(c)) return null;
            if (usable(c) && !actorOn(s, c, m)) return c.slug;
        }
        for (int i = s.index - 1, seen = 0; i >= 0 && seen < 3; i--) {
            Sentence p = sentences.get(i);
            if (p.headline) continue;
            seen++;
            for (Mention c : p.mentions) {
                if (waiting(c)) return null;
                if (usable(c)) return c.slug;
            }
        }
        return null;
    }

    /** The last organisation named before {@code m} (all of {@code s} when null) whose name ends with {@code head}. */
    private static String namedWithHead(Sentence s, Mention m, String head) {
        String found = null;
        for (Mention c : s.mentions) {
            if (m != null && c.tok1 > m.tok0) break;
            if (c.kind == Mention.Kind.NAME && usable(c) && c.tok1 - c.tok0 > 1 && s.tokens.isWord(c.tok1 - 1, head)
                    && s.tokens.capital[c.tok1 - 1]) {
                found = c.slug;
            }
        }
        return found;
    }

    private static String recentParty(List<Sentence> sentences, Sentence s, Mention m, String investor, String target) {
        if (investor == null && target == null) return null;
        for (int i = s.mentions.size() - 1; i >= 0; i--) {
            Mention c = s.mentions.get(i);
            if (c.tok1 <= m.tok0 && c.kind == Mention.Kind.NAME && isParty(c.slug, investor, target)) return c.slug;
        }
        for (int i = s.index - 1, seen = 0; i >= 0 && seen < 3; i--) {
            Sentence p = sentences.get(i);
            if (p.headline) continue;
            seen++;
            for (int j = p.mentions.size() - 1; j >= 0; j--) {
                Mention c = p.mentions.get(j);
                if (c.resolved() && !c.attribution && isParty(c.slug, investor, target)) return c.slug;
            }
        }
        return null;
    }

    /**
     * "Globex has committed to invest $2 billion in the company": the object of a deal verb is not the party
     * doing the deal in the same clause, so the reference looks further back.
     */
    private static boolean actorOn(Sentence s, Mention c, Mention m) {
        Tokens t = s.tokens;
        // "X, which also distributes Y's product, owns about 5.5% of the company": no one owns a part of itself
        if (t.isWord(m.tok0 - 1, "of") && c.tok0 <= 2 && m.kind == Mention.Kind.GENERIC) {
            for (int k = m.tok0 - 2; k >= c.tok1 && k >= m.tok0 - 8; k--) {
                if (!OWN_VERBS.contains(t.word(k))) continue;
                // the verb is c's unless another name, not a possessive, stands between ("X said ... Y, which owns")
                for (Mention o : s.mentions) {
                    if (o != c && o.tok0 >= c.tok1 && o.tok1 <= k && o.kind == Mention.Kind.NAME
                            && !(t.isSym(o.tok1, '\'') || t.isSym(o.tok1, '\u2019'))) {
                        return false;
                    }
                }
                return true;
            }
        }
        if (!(t.isWord(m.tok0 - 1, "in") || t.isWord(m.tok0 - 1, "into"))) return false;
        // the sentence's subject, past a parenthetical ("Microsoft, which owns ..., has invested about $13
        // billion in the company"), is the actor of the deal verb in the reference's clause
        if (s.mentions.get(0) == c && c.tok0 <= 1) {
            int cue = -1;
            for (int k = m.tok0 - 1; k >= c.tok1 && s.clause[k] == s.clause[m.tok0] && cue < 0; k--) {
                if ((t.is(k, Lexicon.DEAL_CUE) || t.isWord(k, "put"))) cue = k;
            }
            if (cue >= 0 && s.clause[c.tok0] != s.clause[m.tok0]) {
                // only if the verb has no subject of its own in its clause ("and Hooli bought a stake in the company")
                for (Mention o : s.mentions) {
                    if (o != c && o.tok0 < cue && s.clause[o.tok0] == s.clause[m.tok0]) return false;
                }
                return true;
            }
        }
        for (int k = c.tok1; k < m.tok0; k++) {
            if (s.clause[k] != s.clause[m.tok0]) return false;
            if ((t.is(k, Lexicon.DEAL_CUE) || t.isWord(k, "put"))) return true;
        }
        return false;
    }

    private static final java.util.Set<String> OWN_VERBS = java.util.Set.of("owns", "holds", "controls", "owned",
            "held", "controlled");

    private static boolean isParty(String slug, String investor, String target) {
        return slug != null && (slug.equals(investor) || slug.equals(target));
    }

    /**
     * "The New York-based company ... It has said": the antecedent is a description not resolved yet; the pronoun
     * waits for the second pass rather than taking a name further on.
     */
    private static boolean waiting(Mention c) {
        // "It employs 2,000 people ... on a cocoa estate in St Lucia. Thirlwell ... owns 31% of the company": a
        // pronoun still unresolved holds the centre of its sentence too, rather than the place named after it
        return (c.kind == Mention.Kind.DESCRIPTIVE || c.kind == Mention.Kind.PRONOUN) && !c.resolved();
    }

    private static boolean usable(Mention c) {
        return c.resolved() && !c.attribution && !c.person;
    }
}

package io.claimstream.extract;

import io.claimstream.model.Modality;

import java.util.Map;

/**
 * Modality from the verb that carries the figure: the nearest modal cue before the figure in its clause.
 * No cue means the figure is stated as fact.
 */
final class ModalityClassifier {
    private ModalityClassifier() {}

    static final Map<String, Modality> CUES = Map.ofEntries(
            Map.entry("could", Modality.SPECULATIVE), Map.entry("might", Modality.SPECULATIVE),
            Map.entry("may", Modality.SPECULATIVE), Map.entry("reportedly", Modality.SPECULATIVE),
            Map.entry("rumored", Modality.SPECULATIVE), Map.entry("rumoured", Modality.SPECULATIVE),
            Map.entry("considering", Modality.SPECULATIVE), Map.entry("mulling", Modality.SPECULATIVE),
            Map.entry("weighing", Modality.SPECULATIVE), Map.entry("exploring", Modality.SPECULATIVE),
            Map.entry("talks", Modality.SPECULATIVE), Map.entry("negotiating", Modality.SPECULATIVE),
            Map.entry("negotiations", Modality.SPECULATIVE), Map.entry("discussions", Modality.SPECULATIVE),
            Map.entry("potential", Modality.SPECULATIVE), Map.entry("potentially", Modality.SPECULATIVE),
            Map.entry("possibly", Modality.SPECULATIVE), Map.entry("possible", Modality.SPECULATIVE),
            Map.entry("speculated", Modality.SPECULATIVE), Map.entry("nears", Modality.SPECULATIVE),
            Map.entry("nearing", Modality.SPECULATIVE), Map.entry("perhaps", Modality.SPECULATIVE),
            Map.entry("expects", Modality.PROJECTED), Map.entry("expected", Modality.PROJECTED),
            Map.entry("expect", Modality.PROJECTED), Map.entry("forecast", Modality.PROJECTED),
            Map.entry("forecasts", Modality.PROJECTED), Map.entry("forecasted", Modality.PROJECTED),
            Map.entry("projects", Modality.PROJECTED), Map.entry("projected", Modality.PROJECTED),
            Map.entry("projecting", Modality.PROJECTED), Map.entry("projection", Modality.PROJECTED),
            Map.entry("predict", Modality.PROJECTED), Map.entry("predicts", Modality.PROJECTED),
            Map.entry("predicted", Modality.PROJECTED), Map.entry("anticipates", Modality.PROJECTED),
            Map.entry("anticipated", Modality.PROJECTED), Map.entry("guidance", Modality.PROJECTED),
            Map.entry("estimates", Modality.PROJECTED), Map.entry("outlook", Modality.PROJECTED),
            Map.entry("will", Modality.PLANNED), Map.entry("would", Modality.PLANNED), Map.entry("shall", Modality.PLANNED),
            Map.entry("intends", Modality.PLANNED), Map.entry("intend", Modality.PLANNED),
            Map.entry("intended", Modality.PLANNED), Map.entry("intending", Modality.PLANNED),
            Map.entry("plans", Modality.PLANNED), Map.entry("plan", Modality.PLANNED),
            Map.entry("planned", Modality.PLANNED), Map.entry("planning", Modality.PLANNED),
            Map.entry("aims", Modality.PLANNED), Map.entry("aim", Modality.PLANNED), Map.entry("aiming", Modality.PLANNED),
            Map.entry("seeks", Modality.PLANNED), Map.entry("seeking", Modality.PLANNED),
            Map.entry("agreed", Modality.PLANNED), Map.entry("agrees", Modality.PLANNED), Map.entry("agree", Modality.PLANNED),
            Map.entry("proposed", Modality.PLANNED), Map.entry("proposes", Modality.PLANNED),
            Map.entry("offered", Modality.PLANNED), Map.entry("offers", Modality.PLANNED), Map.entry("offer", Modality.PLANNED),
            Map.entry("pledged", Modality.PLANNED), Map.entry("pledges", Modality.PLANNED),
            Map.entry("preparing", Modality.PLANNED), Map.entry("prepares", Modality.PLANNED),
            Map.entry("wants", Modality.PLANNED), Map.entry("if", Modality.PLANNED), Map.entry("unless", Modality.PLANNED));

    private static final java.util.Set<String> DEAL = java.util.Set.of("buy", "acquire", "invest", "sell", "take",
            "purchase", "merge", "raise", "back");
    private static final java.util.Set<String> AGREEMENTS = java.util.Set.of("agreement", "deal", "accord", "pact");

    static Modality classify(Sentence s, int figureTok) {
        return classify(s, figureTok, s.clauseFrom(figureTok));
    }

    /** The nearest modal cue between token {@code from} and the figure. */
    static Modality classify(Sentence s, int figureTok, int from) {
        Tokens t = s.tokens;
        for (int k = figureTok - 1; k >= from; k--) {
            if (t.type[k] != Tokens.WORD) continue;
            String w = t.lower[k];
            // "'ll" and "set to": short forms of will
            if (w.equals("ll") && k > 0 && t.type[k - 1] == Tokens.SYM) return Modality.PLANNED;
            if (w.equals("to") && ("set".equals(t.word(k - 1)) || "looking".equals(t.word(k - 1)))) return Modality.PLANNED;
            // "has committed to invest": a commitment to a future deal ("has committed $10 billion" is a fact)
            if (w.equals("to") && ("committed".equals(t.word(k - 1)) || "commits".equals(t.word(k - 1))
                    || "commit".equals(t.word(k - 1)))) {
                return Modality.PLANNED;
            }
            // "a definitive agreement to acquire", "a deal to buy": an agreed deal not yet closed
            if (w.equals("to") && AGREEMENTS.contains(t.word(k - 1)) && DEAL.contains(t.word(k + 1))) {
                return Modality.PLANNED;
            }
            // "Adnoc is offering €62 per share": an offer being made ("the offering", "its public offering" are nouns)
            if (w.equals("offering") && (t.isWord(k - 1, "is") || t.isWord(k - 1, "are") || t.isWord(k - 1, "was")
                    || t.isWord(k - 1, "were") || t.isWord(k - 1, "be"))) {
                return Modality.PLANNED;
            }
            // "has asked for regulatory approval to increase it to up to 29.9%": a deal that awaits approval
            if (w.equals("to") && t.isWord(k - 1, "approval") && t.type[k + 1 < t.size ? k + 1 : k] == Tokens.WORD) {
                return Modality.PLANNED;
            }
            // headline infinitive: "Microsoft to buy Activision for $68.7 billion"
            if (w.equals("to") && k > 0 && t.type[k - 1] == Tokens.WORD
                    && Character.isUpperCase(t.text.charAt(t.start[k - 1])) && DEAL.contains(t.word(k + 1))) {
                return Modality.PLANNED;
            }
            Modality m = t.is(k, Lexicon.MODAL_CUE) ? CUES.get(w) : null; // the bit spares the map most words
            if (m == null) continue;
            if (w.equals("may") && Character.isUpperCase(t.text.charAt(t.start[k]))) continue; // the month
            if (w.equals("talks") && !("in".equals(t.word(k - 1)) || "advanced".equals(t.word(k - 1)))) continue;
            if ((w.equals("offer") || w.equals("plan")) && !isVerbPosition(t, k)) continue;
            return m;
        }
        return Modality.REPORTED;
    }

    /**
     * "to offer", "will plan", "Globex offers": a verb; "the offer", "its plan", "an improved offer", "KKR's
     * offer": a noun that carries no modality by itself.
     */
    private static boolean isVerbPosition(Tokens t, int k) {
        String p = t.word(k - 1);
        if (p.isEmpty() || p.equals("the") || p.equals("a") || p.equals("an") || p.equals("its") || p.equals("his")
                || p.equals("her") || p.equals("their") || p.equals("this") || p.equals("that")) {
            return false;
        }
        if (p.equals("s") && k >= 2 && t.type[k - 2] == Tokens.SYM) return false; // "KKR's offer"
        // "an improved offer", "a rival plan": an adjective after an article
        String p2 = t.word(k - 2);
        return !(p2.equals("a") || p2.equals("an") || p2.equals("the") || p2.equals("its") || p2.equals("their"));
    }
}

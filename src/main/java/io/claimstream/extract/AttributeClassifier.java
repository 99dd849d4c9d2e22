package io.claimstream.extract;

import java.util.Map;
import java.util.Set;

/**
 * What a figure is: the nearest cue word in its clause (before the figure, or right after it: "$14.3 billion
 * investment", "49% non-voting stake"). A figure with no cue is not a claim: this is what keeps tickers, prices
 * in passing and page furniture out.
 */
final class AttributeClassifier {
    private AttributeClassifier() {}

    /** The attribute and the token of the cue word that decided it (roles are read around the cue). */
    record Cue(String attribute, int tok, Family family) {}

    /** NONE: a figure of something else ("a net loss of", "net debt of", "a quarterly dividend of $1.63 a share"). */
    enum Family { INVEST, ACQUIRE, STAKE, VALUE, REVENUE, PRICE, OTHER, NONE }

    /**
     * Words for what a figure is that make it no deal claim: nearest to the figure, they keep a cue further off from
     * claiming it ("posted a net loss of $18.8 billion last year on revenue of $53.1 billion").
     */
    private static final Set<String> NOT_CLAIMS = Set.of("loss", "losses", "deficit", "debt", "debts", "ebitda",
            "dividend", "dividends", "payout", "earnings", "fine", "fines", "penalty", "settlement", "bonus", "salary",
            "compensation", "capex", "spending", "budget", "subsidy", "subsidies", "grant", "grants",
            // raising money from shareholders is no deal: "a fully underwritten A$3.5 billion entitlement offer"
            "entitlement", "underwritten", "placement",
            // borrowing and managing money: "a €6.3 billion state-backed loan", "which manages around $30 billion"
            "loan", "loans", "bond", "bonds", "facility", "manages", "managed", "oversees");
    /** "gross order value", "net asset value", "portfolio value": values that are no company's valuation. */
    private static final Set<String> NOT_COMPANY_VALUES = Set.of("portfolio", "asset", "assets", "order", "book",
            "merchandise", "face", "notional", "contract", "trade", "property", "inventory", "fund", "loan");

    static final Map<String, Family> MONEY = Map.ofEntries(
            Map.entry("invest", Family.INVEST), Map.entry("invests", Family.INVEST), Map.entry("invested", Family.INVEST),
            Map.entry("investing", Family.INVEST), Map.entry("investment", Family.INVEST),
            Map.entry("investments", Family.INVEST), Map.entry("backed", Family.INVEST), Map.entry("backing", Family.INVEST),
            Map.entry("inject", Family.INVEST), Map.entry("injected", Family.INVEST), Map.entry("injection", Family.INVEST),
            Map.entry("poured", Family.INVEST), Map.entry("pour", Family.INVEST), Map.entry("pours", Family.INVEST),
            Map.entry("acquire", Family.ACQUIRE), Map.entry("acquires", Family.ACQUIRE), Map.entry("acquired", Family.ACQUIRE),
            Map.entry("acquiring", Family.ACQUIRE), Map.entry("acquisition", Family.ACQUIRE), Map.entry("buy", Family.ACQUIRE),
            Map.entry("buys", Family.ACQUIRE), Map.entry("bought", Family.ACQUIRE), Map.entry("buying", Family.ACQUIRE),
            Map.entry("purchase", Family.ACQUIRE), Map.entry("purchased", Family.ACQUIRE),
            Map.entry("purchases", Family.ACQUIRE), Map.entry("takeover", Family.ACQUIRE), Map.entry("buyout", Family.ACQUIRE),
            Map.entry("merger", Family.ACQUIRE), Map.entry("deal", Family.ACQUIRE), Map.entry("bid", Family.ACQUIRE),
            Map.entry("offer", Family.ACQUIRE), Map.entry("proposal", Family.ACQUIRE),
            Map.entry("transaction", Family.ACQUIRE), Map.entry("pay", Family.ACQUIRE), Map.entry("pays", Family.ACQUIRE),
            Map.entry("paid", Family.ACQUIRE), Map.entry("paying", Family.ACQUIRE), Map.entry("stake", Family.INVEST),
            Map.entry("stakes", Family.INVEST), Map.entry("sell", Family.ACQUIRE), Map.entry("sells", Family.ACQUIRE),
            Map.entry("sold", Family.ACQUIRE), Map.entry("selling", Family.ACQUIRE), Map.entry("sale", Family.ACQUIRE),
            Map.entry("valued", Family.VALUE), Map.entry("values", Family.VALUE), Map.entry("value", Family.VALUE),
            Map.entry("valuing", Family.VALUE), Map.entry("valuation", Family.VALUE), Map.entry("worth", Family.VALUE),
            Map.entry("capitalization", Family.VALUE), Map.entry("capitalisation", Family.VALUE),
            Map.entry("revenue", Family.REVENUE), Map.entry("revenues", Family.REVENUE), Map.entry("sales", Family.REVENUE),
            Map.entry("turnover", Family.REVENUE));

    private static final Set<String> DEAL_NOUNS = Set.of("deal", "transaction", "acquisition", "takeover", "offer",
            "bid", "merger", "buyout", "proposal", "approach", "package");
    private static final Set<String> PREVIOUS = Set.of("previously", "previous", "prior", "earlier", "formerly", "last",
            "latest");
    private static final Set<String> PROJECTION = Set.of("projects", "projected", "projection", "projections",
            "forecast", "forecasts", "forecasted", "expects", "expected", "expect", "expecting", "predict", "predicts",
            "predicted", "guidance", "anticipate", "anticipated", "estimated", "projecting", "guided", "guides",
            "anticipates", "estimates", "target", "targets", "outlook");
    private static final Set<String> FUTURE_MODALS = Set.of("will", "would", "could", "might", "may");
    /** "aims to generate revenue of", "hopes to reach sales of": an aim puts the figure in the future too. */
    private static final Set<String> AIMS = Set.of("aim", "aims", "aiming", "aimed", "hopes", "hoping", "seeks",
            "seeking", "targeting", "targeted", "goal", "ambition");
    private static final Set<String> STAKE = Set.of("stake", "stakes", "equity", "ownership", "owned", "holding",
            "acquire", "acquires", "acquired", "acquiring", "buy", "buys", "bought", "buying", "owns", "own", "control",
            "holds", "hold", "held", "controls", "secure", "secures", "secured", "securing", "keeps", "keep", "kept",
            "retains", "retain", "retained");

    /** After the figure a cue must be this close: "$14.3 billion investment", "49% non-voting stake". */
    private static final int AFTER_WINDOW = 4;
    private static final int BEFORE_WINDOW = 22;
    /** Nouns that make "sales" or "revenue" a modifier: "sales channels", "revenue share". */
    private static final Set<String> COMPOUND_HEADS = Set.of("channel", "channels", "team", "teams", "force", "tax",
            "taxes", "staff", "office", "offices", "people", "share", "sharing", "executive", "executives", "pitch",
            "volume", "volumes", "rep", "reps", "representatives");

    static Cue classify(Sentence s, int q0, int q1, boolean percent) {
        Cue best = nearest(s, q0, q1, percent);
        return best == null || best.family() == Family.NONE ? null : best;
    }

    private static Cue nearest(Sentence s, int q0, int q1, boolean percent) {
        Tokens t = s.tokens;
        int clause = s.clause[q0];
        if (!percent && perShare(t, q1)) {
            // "raise its quarterly dividend by 8% to $1.63 a share", "earnings of $2.10 a share": not a price paid
            for (int k = q0 - 1; k >= 0 && k >= q0 - 10 && k >= s.clauseFrom(q0); k--) {
                // "an entitlement offer to existing shareholders, priced at A$18.90 a share"
                if (t.is(k, Lexicon.MONEY_CUE) && NOT_CLAIMS.contains(t.word(k - 1))) return new Cue("none", k, Family.NONE);
                if (t.is(k, Lexicon.MONEY_CUE) && !NOT_CLAIMS.contains(t.lower[k])) break;
                if (t.type[k] == Tokens.WORD && NOT_CLAIMS.contains(t.lower[k])) return new Cue("none", k, Family.NONE);
            }
            // "the Rs 2,150 a share at which the company sold stock in its 2021 initial public offering": a listing
            // price, not a price for the company
            for (int k = q1; k < t.size && k <= q1 + 16 && s.clause[k] == clause; k++) {
                if (t.isWord(k, "ipo") || t.isWord(k, "listing") || t.isWord(k, "offering") && t.isWord(k - 1, "public")
                        || t.isWord(k, "debut") || t.isWord(k, "float") || t.isWord(k, "flotation")) {
                    return new Cue("none", k, Family.NONE);
                }
            }
            return new Cue("price_per_share", q1, Family.PRICE);
        }
        // "valued each Anglo share at £29.34", "values every Sabadell share at €2.14"
        if (!percent) {
            int each = eachShareAt(t, q0);
            if (each >= 0) return new Cue("price_per_share", each, Family.PRICE);
        }
        Cue best = null;
        int bestDist = Integer.MAX_VALUE;
        // a cue far back in a long clause belongs to something else ("sales channels ... such as X up 9% to $84")
        int from = Math.max(s.clauseFrom(q0), q0 - BEFORE_WINDOW);
        for (int k = q0 - 1; k >= from; k--) {
            Cue c = cueAt(s, k, percent, q0, q1);
            if (c == null) continue;
            if (c.family() == Family.REVENUE && COMPOUND_HEADS.contains(t.word(k + 1))) continue; // "sales channels"
            int d = q0 - k + penalty(t, k);
            if (d < bestDist) {
                best = c;
                bestDist = d;
            }
        }
        // "more than 50% of Initech's share capital", "30% of Globex's voting rights": what the percent is of
        if (percent && best == null && t.isWord(q1, "of")) {
            for (int k = q1 + 1; k < t.size && k <= q1 + 7 && s.clause[k] == clause; k++) {
                if (t.isWord(k, "capital") && t.isWord(k - 1, "share") || t.isWord(k, "rights") && t.isWord(k - 1, "voting")
                        || t.isWord(k, "shares") || t.isWord(k, "stock") || t.isWord(k, "equity")) {
                    return new Cue("stake_percent", k, Family.STAKE);
                }
            }
        }
        for (int k = q1; k < t.size && k < q1 + AFTER_WINDOW && s.clause[k] == clause; k++) {
            Cue c = cueAt(s, k, percent, q0, q1);
            if (c == null) continue;
            // "for $5.6 billion including debt": what the figure includes, not what it is
            if (c.family() == Family.NONE && (t.isWord(k, "debt") || t.isWord(k, "debts"))) continue;
            int d = k - q1 + 2 + penalty(t, k);
            if (d < bestDist) {
                best = c;
                bestDist = d;
            }
        }
        return best;
    }

    private static int penalty(Tokens t, int k) {
        String w = t.lower[k];
        return "deal".equals(w) || "transaction".equals(w) || "offer".equals(w) || "bid".equals(w)
                || "proposal".equals(w) ? 3 : 0;
    }

    private static boolean perShare(Tokens t, int q1) {
        String a = t.word(q1), b = t.word(q1 + 1);
        // "value Newcrest shares at A$29.27 each", "23.3m new shares at 335p each"
        if (a.equals("each") && !b.equals("of")) {
            for (int k = q1 - 2; k >= 0 && k >= q1 - 8; k--) if (t.isWord(k, "shares")) return true;
        }
        if (!a.isEmpty() && "share".equals(b)) return a.equals("a") || a.equals("per") || a.equals("each");
        if (t.isDashTok(q1) && t.isWord(q1 + 1, "a") && t.isWord(q1 + 3, "share")) return true;
        // "$142.50 in cash ... for each VMware share", "$60 per Alexion share"
        for (int k = q1; k < t.size && k < q1 + 12; k++) {
            if (t.type[k] == Tokens.SYM && (t.text.charAt(t.start[k]) == ';' || t.text.charAt(t.start[k]) == '.'
                    || t.text.charAt(t.start[k]) == ',' || t.text.charAt(t.start[k]) == '$')) {
                return false; // another clause or another figure: "$59.5 billion, or $253 per share"
            }
            if (!t.isWord(k, "each") && !t.isWord(k, "per")) continue;
            for (int j = k + 1; j < t.size && j <= k + 4; j++) if (t.isWord(j, "share")) return true;
            return false;
        }
        return false;
    }

    private static Cue cueAt(Sentence s, int k, boolean percent, int q0, int q1) {
        Tokens t = s.tokens;
        if (t.type[k] != Tokens.WORD) return null;
        String w = t.lower[k];
        if (percent) {
            if (STAKE.contains(w)) return new Cue("stake_percent", k, Family.STAKE);
            // "more than 50% of Sabadell's share capital", "30% of the voting rights"
            if (w.equals("capital") && t.isWord(k - 1, "share") || w.equals("rights") && t.isWord(k - 1, "voting")) {
                return new Cue("stake_percent", k, Family.STAKE);
            }
            if (w.equals("shares") && "of".equals(t.word(k - 1)) || w.equals("interest") && t.isWord(k + 1, "in")) {
                return new Cue("stake_percent", k, Family.STAKE);
            }
            if (w.equals("premium")) return new Cue("premium", k, Family.OTHER);
            // "at least 50% plus one share of Covestro": a controlling stake
            if (w.equals("share") && t.isWord(k - 1, "one") && t.isWord(k - 2, "plus")) {
                return new Cue("stake_percent", k, Family.STAKE);
            }
            return null;
        }
        if (w.equals("fee") && ("termination".equals(t.word(k - 1)) || "breakup".equals(t.word(k - 1))
                || "break".equals(t.word(k - 1)) || "up".equals(t.word(k - 1)))) {
            return new Cue("termination_fee", k, Family.OTHER);
        }
        if (w.equals("premium")) return new Cue("premium", k, Family.OTHER);
        // "Nvidia put in $100 million", "SoftBank had put $2 billion into the company", "put a further €250m into"
        if (w.equals("put")) {
            int f = k + 1;
            if (t.isWord(f, "a") && (t.isWord(f + 1, "further") || t.isWord(f + 1, "fresh"))) f += 2;
            else if (t.isWord(f, "another") || t.isWord(f, "an") && t.isWord(f + 1, "additional")) f += t.isWord(f, "an") ? 2 : 1;
            if (t.isWord(f, "in") && f + 1 == q0 || f == q0 && (t.isWord(q1, "into") || t.isWord(q1, "in"))) {
                return new Cue("investment_amount", k, Family.INVEST);
            }
        }
        // "pay packages worth $100 million": what people are paid
        if ((w.equals("package") || w.equals("packages")) && t.isWord(k - 1, "pay")) return new Cue("none", k, Family.NONE);
        // "cash, cash equivalents and investments of $522 million": what a company holds
        if (w.equals("investments") && (t.isWord(k - 2, "cash") || t.isWord(k - 3, "cash") || t.isWord(k - 2, "equivalents"))) {
            return new Cue("none", k, Family.NONE);
        }
        // "Globex has committed more than $400 million to Initech": money committed to a named company
        if ((w.equals("committed") || w.equals("commits") || w.equals("commit") || w.equals("committing"))
                && q0 > k && q0 - k <= 4 && committedToAName(s, k, q0)) {
            return new Cue("investment_amount", k, Family.INVEST);
        }
        if (w.equals("raised") || w.equals("raises") || w.equals("raising") || w.equals("raise")) return new Cue("funding_round", k, Family.OTHER);
        if (NOT_CLAIMS.contains(w)) return new Cue("none", k, Family.NONE);
        // "The first, £31.1bn approach was rebuffed", "a takeover approach worth £34bn": a bid; elsewhere the word
        // is too common ("a cautious approach") to say what a figure is
        if ((w.equals("approach") || w.equals("approaches")) && (k == q1 || t.isWord(k - 1, "takeover")
                || t.isWord(k - 1, "buyout"))) {
            return new Cue("deal_value", k, Family.ACQUIRE);
        }
        if (w.equals("profit") || w.equals("profits") || (w.equals("income") && "net".equals(t.word(k - 1)))) {
            return new Cue("net_income", k, Family.OTHER);
        }
        // "gross income", "total income": a bank's top line
        if (w.equals("income") && (t.isWord(k - 1, "gross") || t.isWord(k - 1, "total"))) {
            return new Cue("revenue", k, Family.REVENUE);
        }
        // "a state-backed loan", "a VC-backed startup": an adjective, not money backing anyone
        if (w.equals("backed") && t.isDashTok(k - 1) && t.attached(k - 1) && t.attached(k)) return null;
        Family f = t.is(k, Lexicon.MONEY_CUE) ? MONEY.get(w) : null; // the bit spares the map most words
        if (f == null) return null;
        if (w.equals("worth") && t.isWord(k - 1, "net")) return null; // a person's wealth
        if ((w.equals("worth") || w.equals("valued")) && (t.isWord(k - 1, "stake") || t.isWord(k - 2, "stake")
                || t.isWord(k - 1, "holding") || t.isWord(k - 1, "shares"))) {
            return null; // "a stake worth $50 billion": the value of a holding, not of a company
        }
        if (w.equals("turnover") && !t.isWord(k - 1, "annual")) return null; // trading turnover on a market
        // "pay packages reportedly worth $100 million": what people are paid
        for (int j = k - 1; j >= 0 && j >= k - 3; j--) {
            if ((t.isWord(j, "packages") || t.isWord(j, "package")) && t.isWord(j - 1, "pay")) return new Cue("none", k, Family.NONE);
        }
        // "net portfolio value of 389 billion Singapore dollars", "a gross order value of about Rs 3,000 crore"
        if (f == Family.VALUE && (w.equals("value") || w.equals("worth")) && NOT_COMPANY_VALUES.contains(t.word(k - 1))) {
            return new Cue("none", k, Family.NONE);
        }
        switch (f) {
            case INVEST:
                return new Cue("investment_amount", k, f);
            case ACQUIRE:
                return new Cue("deal_value", k, f);
            case VALUE: {
                // "a deal valued at", "the transaction is worth": the price of the deal, not of a company
                // "the deal values Initech at $4.5 billion" has an object: that is Initech's valuation
                boolean object = !(t.isWord(k + 1, "at") || k + 1 == q0 || t.isWord(k + 1, "about")
                        || t.isWord(k + 1, "around") || t.isWord(k + 1, "roughly") || t.isWord(k + 1, "some")
                        || t.isWord(k + 1, "more") || t.isWord(k + 1, "up") || t.isWord(k + 1, "of")
                        || t.isWord(k + 1, "an") || t.isWord(k + 1, "nearly") || t.isWord(k + 1, "approximately"));
                for (int j = k - 1; j >= Math.max(0, k - 3) && !object; j--) {
                    if (DEAL_NOUNS.contains(t.word(j))) return new Cue("deal_value", k, Family.ACQUIRE);
                }
                // "put the value of the offer at €12.23bn", "the value of the stock-heavy package": the deal's value
                if (w.equals("value") && t.isWord(k + 1, "of")) {
                    for (int j = k + 2; j < t.size && j <= k + 6 && t.type[j] != Tokens.NUM; j++) {
                        if (DEAL_NOUNS.contains(t.word(j))) return new Cue("deal_value", k, Family.ACQUIRE);
                        if (t.type[j] == Tokens.WORD && !(t.isWord(j, "the") || t.isWord(j, "its") || !EntityFinder.cap(t, j)
                                && (t.isDashTok(j + 1) || t.isDashTok(j - 1)))) {
                            break;
                        }
                    }
                }
                // "The first, £31.1bn approach was rebuffed, and the second, worth about £34bn", "a rival offer from
                // Y, which people familiar with the process said was worth €14bn": an ordinal or a relative pronoun
                // standing for a bid named earlier in the sentence
                if (!object && (w.equals("worth") || w.equals("valued")) && standsForABid(s, k)) {
                    return new Cue("deal_value", k, Family.ACQUIRE);
                }
                // "Advent's original proposal, at £37.63 a share, was worth roughly £3.8bn": the verb's subject is
                // a deal noun, past an appositive clause
                if (!object && dealNounSubject(s, k) >= 0) return new Cue("deal_value", k, Family.ACQUIRE);
                // "will acquire Juniper for $40.00 per share, representing an equity value of approximately $14
                // billion": the equity or enterprise value of a deal stated in the sentence is the deal's value
                if (w.equals("value") && (t.isWord(k - 1, "equity") || t.isWord(k - 1, "enterprise"))
                        && t.isWord(k + 1, "of") && (dealVerbIn(t) || t.isWord(k - 1, "equity") && dealNounBefore(s, k))) {
                    return new Cue("deal_value", k, Family.ACQUIRE);
                }
                // "the transaction has a total potential value of up to $5.8 billion": a value the deal has
                if (w.equals("value") && t.isWord(k + 1, "of") && !t.isWord(k - 1, "enterprise") && !t.isWord(k - 1, "market")
                        && dealNounBefore(s, k)) {
                    return new Cue("deal_value", k, Family.ACQUIRE);
                }
                int clause = s.clause[k];
                for (int j = 0; j < t.size; j++) {
                    if (s.clause[j] != clause) continue;
                    String p = t.word(j);
                    if (PREVIOUS.contains(p) && (!p.equals("last") && !p.equals("latest") || roundNear(t, j))) {
                        return new Cue("previous_valuation", k, f);
                    }
                }
                return new Cue("valuation", k, f);
            }
            case REVENUE: {
                int clause = s.clause[k];
                for (int j = 0; j < t.size; j++) {
                    // "is on track for $1 billion in 2025": a forecast too
                    // "could generate sales of", "will reach revenue of": a modal verb puts the figure in the future
                    if (s.clause[j] == clause && j < q0 && (PROJECTION.contains(t.word(j)) || FUTURE_MODALS.contains(t.word(j))
                            || AIMS.contains(t.word(j))
                            || t.isWord(j, "track") && t.isWord(j - 1, "on"))) {
                        return new Cue("revenue_projection", k, f);
                    }
                }
                return new Cue("revenue", k, f);
            }
            default:
                return null;
        }
    }

    /**
     * "committed [more than] $N to/in X": only bound words between the verb and the figure, and after the figure,
     * in the same clause, "to", "in" or "into" right before a company's name (a rival's descriptor may sit
     * between). "committed $5 billion to AI infrastructure" names no company and is no investment claim.
     */
    private static boolean committedToAName(Sentence s, int k, int q0) {
        Tokens t = s.tokens;
        for (int j = k + 1; j < q0; j++) if (t.type[j] != Tokens.WORD || EntityFinder.cap(t, j)) return false;
        int clause = s.clause[q0];
        for (int j = q0 + 1; j < t.size && j < q0 + 10 && s.clause[j] == clause; j++) {
            if (!t.isWord(j, "to") && !t.isWord(j, "in") && !t.isWord(j, "into")) continue;
            int n = j + 1;
            while (n < t.size && t.is(n, Lexicon.DESCRIPTORS)) n++;
            for (Mention m : s.mentions) {
                if (m.tok0 == n && m.kind == Mention.Kind.NAME && !m.person && !m.attribution) return true;
            }
            return false;
        }
        return false;
    }

    /**
     * Token of the deal noun that ends the sentence's first clause ("Advent's original proposal, ..."), when the
     * clause of token k opens with a verb that has no subject of its own ("was worth", "is valued"); else -1.
     */
    static int dealNounSubject(Sentence s, int k) {
        Tokens t = s.tokens;
        int c = s.clause[k];
        if (c == 0) return -1;
        int first = k;
        while (first > 0 && s.clause[first - 1] == c) first--;
        if (t.type[first] == Tokens.SYM) first++;
        String v = t.word(first);
        if (!(v.equals("was") || v.equals("is") || v.equals("were") || v.equals("are"))) return -1;
        int end = 0;
        while (end < t.size && s.clause[end] == 0) end++;
        int head = end - 1;
        if (head < 0 || !(DEAL_NOUNS.contains(t.word(head)) || t.isWord(head, "proposal"))) return -1;
        return head;
    }

    private static final Set<String> ORDINALS = Set.of("first", "second", "third", "fourth", "fifth", "latest", "last",
            "new", "revised", "improved", "final", "original", "earlier", "previous", "sweetened", "higher");

    /**
     * The clause of token k, or the clause before it, opens with an ordinal ("the second,") or "which", and a bid,
     * offer, proposal or approach is named earlier in the sentence.
     */
    private static boolean standsForABid(Sentence s, int k) {
        Tokens t = s.tokens;
        int c = s.clause[k];
        for (int clause = c; clause >= Math.max(1, c - 1); clause--) {
            int first = k;
            while (first > 0 && s.clause[first - 1] >= clause) first--;
            if (t.type[first] == Tokens.SYM) first++;
            if (t.isWord(first, "and") || t.isWord(first, "but") || t.isWord(first, "while")) first++;
            boolean opener = t.isWord(first, "which") || t.isWord(first, "the") && ORDINALS.contains(t.word(first + 1));
            if (!opener) continue;
            for (int j = first - 1; j >= 0; j--) if (DEAL_NOUNS.contains(t.word(j)) && !t.isWord(j, "deal")) return true;
            return false;
        }
        return false;
    }

    /** "The transaction implies an equity value of": a deal noun earlier in the clause. */
    private static boolean dealNounBefore(Sentence s, int k) {
        Tokens t = s.tokens;
        for (int j = k - 1; j >= 0 && s.clause[j] == s.clause[k]; j--) if (DEAL_NOUNS.contains(t.word(j))) return true;
        return false;
    }

    /**
     * "valued each Anglo share at £29.34", "worth about €2.14 per Sabadell share" is handled after the figure; this is
     * the form with the share before it: a value verb, "each" or "every", at most two words of name, "share", "at".
     * Returns the value verb's token, or -1.
     */
    private static int eachShareAt(Tokens t, int q0) {
        int k = q0 - 1;
        while (k >= 0 && (t.isWord(k, "about") || t.isWord(k, "around") || t.isWord(k, "roughly")
                || t.isWord(k, "approximately") || t.isWord(k, "nearly"))) {
            k--;
        }
        if (!t.isWord(k, "at")) return -1;
        int share = k - 1;
        if (!t.isWord(share, "share")) return -1;
        for (int j = share - 1; j >= 0 && j >= share - 3; j--) {
            if (t.isWord(j, "each") || t.isWord(j, "every") || t.isWord(j, "per")) {
                String v = t.word(j - 1);
                return v.equals("valued") || v.equals("values") || v.equals("valuing") || v.equals("value")
                        || v.equals("priced") || v.equals("prices") || v.equals("pricing") ? j - 1 : -1;
            }
        }
        return -1;
    }

    private static boolean dealVerbIn(Tokens t) {
        for (int k = 0; k < t.size; k++) {
            String w = t.word(k);
            if (MONEY.get(w) == Family.ACQUIRE && !w.equals("deal") && !w.equals("transaction")) return true;
        }
        return false;
    }

    static boolean isAcquireVerb(String w) {
        return MONEY.get(w) == Family.ACQUIRE;
    }

    /** "last round", "latest funding round", "last valued": a valuation from before the deal. */
    private static boolean roundNear(Tokens t, int j) {
        for (int k = j + 1; k <= j + 3 && k < t.size; k++) {
            String w = t.word(k);
            if ("round".equals(w) || "valued".equals(w) || "valuation".equals(w) || "funding".equals(w)) return true;
        }
        return false;
    }
}

package io.claimstream.extract;

import io.claimstream.model.Bound;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Money and percent quantities in a piece of text: signs, ISO codes and names of currencies, scale words,
 * number words, ranges and bound words. Stateless and thread-safe; one token pass plus a pass over the found
 * figures, so time is linear in the text.
 */
public final class QuantityParser {

    /** Codes that are no English word, so accepted in lower case after a number ("20 usd"). */
    private static final Set<String> LOWER_CODES = Set.of("usd", "eur", "gbp", "jpy", "cny", "rmb", "inr", "chf",
            "cad", "aud", "hkd", "sgd");
    private static final Set<String> APPROX = Set.of("about", "approximately", "approx", "roughly", "around", "some",
            "nearly", "almost", "circa", "ca", "approaching", "abt");
    private static final Set<String> AT_LEAST_1 = Set.of("over", "exceed", "exceeds", "exceeded", "exceeding", "above",
            "upward", "minimum", "cross", "crosses", "crossed", "crossing");
    private static final Set<String> AT_MOST_1 = Set.of("under", "below", "maximum");
    /** Words before a figure that make "X to Y" a change ("rose 5% to 7%"), not a range. */
    private static final Set<String> CHANGE = Set.of("by", "up", "down", "rose", "rise", "rises", "risen", "fell",
            "fall", "falls", "fallen", "gained", "gain", "gains", "lost", "lose", "loses", "climbed", "climbs", "jumped",
            "jumps", "dropped", "drops", "increased", "increase", "increases", "decreased", "decrease", "grew", "grow",
            "grows", "slid", "slides", "declined", "declines", "plunged", "plunges", "surged", "surges", "soared",
            "soars", "tumbled", "added", "adds", "shed", "sheds", "edged", "slipped", "eased", "advanced", "rallied",
            "sank", "raised", "raises", "cut", "cuts", "lowered", "boosted", "slumped", "plummeted", "sunk", "lifted");

    /** One figure before ranges are joined. */
    private static final class Atom {
        double raw, value;
        double scale = 1;
        boolean scaled, grouped, plus, vague;
        String unit;
        boolean weakUnit;
        int t0, t1; // token range [t0, t1)
    }

    public List<Quantity> parse(String text) {
        return parse(text, 0, text.length());
    }

    /** Quantities in text[from, to); offsets stay those of the whole text. */
    List<Quantity> parse(String text, int from, int to) {
        return parse(text, from, to, false);
    }

    /**
     * Also plain numbers, with unit "": the range and bound grammar on its own, for the Recognizers-Text
     * number-range cases. Not used for claims.
     */
    List<Quantity> parseBare(String text) {
        return parse(text, 0, text.length(), true);
    }

    private List<Quantity> parse(String text, int from, int to, boolean bare) {
        return parse(Tokens.of(text, from, to), from, to, bare);
    }

    /** Quantities over tokens already cut (a sentence's), so the text is scanned once. */
    List<Quantity> parse(Tokens t, int from, int to) {
        return parse(t, from, to, false);
    }

    private List<Quantity> parse(Tokens t, int from, int to, boolean bare) {
        String text = t.text;
        List<Atom> atoms = new ArrayList<>();
        int i = 0;
        int url = -1; // end offset of the web address being skipped ("...?q=30%25%2020%")
        while (i < t.size) {
            if (t.start[i] < url) {
                i++;
                continue;
            }
            url = urlEnd(t, t.start[i], to);
            if (url > t.start[i]) {
                i++;
                continue;
            }
            Atom a = atom(t, i);
            if (a == null) {
                i++;
            } else {
                atoms.add(a);
                i = a.t1;
            }
        }
        if (bare) for (Atom a : atoms) if (a.unit == null) a.unit = "";
        return join(t, atoms);
    }

    /** If a web address starts at offset s, where it ends; else -1. Only looks at one whitespace-free word. */
    private static int urlEnd(Tokens t, int s, int to) {
        char c = t.chars[s]; // the array, not the String: charAt costs more on text that is not Latin-1
        if (c != 'h' && c != 'w') return -1; // every token is asked: answer most with one character
        String text = t.text;
        if (s > 0 && !Tokens.isSpace(text.charAt(s - 1)) && text.charAt(s - 1) != '(') return -1;
        if (!(text.startsWith("http", s) || text.startsWith("www.", s))) return -1;
        int e = s;
        while (e < to && !Tokens.isSpace(text.charAt(e))) e++;
        return text.substring(s, e).contains("://") || text.startsWith("www.", s) ? e : -1;
    }

    // ---------------------------------------------------------------- one figure

    private Atom atom(Tokens t, int i) {
        // fast exit for the common case, before anything is allocated: a word that can open no figure
        if (t.type[i] == Tokens.WORD && !mayOpenFigure(t, i)) return null;
        if (t.type[i] == Tokens.SYM && !isMoneySign(t.text.charAt(t.start[i]))) return null;
        Atom vague = vague(t, i);
        if (vague != null) return vague;
        Atom a = new Atom();
        a.t0 = i;
        int j = prefix(t, i, a);
        if (j < 0) return null;
        boolean neg = false;
        if (t.isDashTok(j) && j + 1 < t.size && t.type[j + 1] == Tokens.NUM && t.attached(j + 1)
                && (a.unit != null || j == 0 || !t.attached(j)) && (j == 0 || t.type[j - 1] != Tokens.NUM)) {
            neg = true;
            j++;
        }
        if (j < t.size && t.type[j] == Tokens.NUM) {
            if (a.unit != null && j > i && !t.attached(j) && requiresAttached(t, j - 1)) return null;
            // a digit run glued to letters on its left is part of a code or ticker ("PLX-R18", "A2"), not a figure
            if (a.unit == null && j > 0 && t.attached(j) && t.type[j - 1] == Tokens.WORD) return null;
            a.raw = t.num[j];
            a.grouped = t.grouped[j];
            j++;
        } else {
            int k = words(t, j, a);
            if (k == j) return null;
            j = k;
        }
        if (neg || "minus".equals(t.word(i - 1)) && a.t0 == i) a.raw = -a.raw;
        // scale words: "1.5 billion", "14.3bn", "Rs 4,000 crore", "two hundred million"
        for (int n = 0; n < 2 && j < t.size && t.type[j] == Tokens.WORD; n++) {
            String w = t.lower[j];
            double s = NumberWords.scale(w);
            if (s == 0) break;
            if (NumberWords.abbreviated(w)) {
                boolean glued = t.attached(j) && (j + 1 >= t.size || !t.attached(j + 1) || t.type[j + 1] != Tokens.WORD);
                if (!glued && !(a.unit != null && n == 0 && !"t".equals(w) && !"b".equals(w) && !"m".equals(w))) break;
                if (!glued && "k".equals(w)) break;
            }
            a.scale *= s;
            a.scaled = true;
            j++;
        }
        if (a.unit == null) {
            j = suffix(t, j, a);
        } else {
            j = redundantSuffix(t, j);
        }
        if (t.isSym(j, '+') && t.attached(j)) {
            a.plus = true;
            j++;
        }
        a.value = a.raw * a.scale;
        a.t1 = j;
        return a;
    }

    /**
     * The only words a figure can start with: a number word, "tens"/"hundreds" of a vague amount, or a currency
     * code or dollar qualifier of at most three letters right before a number or a '$', '=' or '.' ("USD 5",
     * "US$", "Y=", "Rs."), the same test {@link #prefix} makes. Every other word gives no atom.
     */
    private static boolean mayOpenFigure(Tokens t, int i) {
        if ((t.flags[i] & Lexicon.NUMBER_WORD) != 0 || t.lower[i].equals("tens") || t.lower[i].equals("hundreds")) {
            return true;
        }
        if (t.end[i] - t.start[i] > 3 || i + 1 >= t.size) return false;
        byte next = t.type[i + 1];
        return next == Tokens.NUM || next == Tokens.SYM && "$=.".indexOf(t.chars[t.start[i + 1]]) >= 0;
    }

    /**
     * "tens of thousands of dollars", "hundreds of millions of euros": an order of magnitude, read as the range
     * [10^k, 10^(k+1)). The low end goes into {@code value}, the high end is carried in {@code raw}.
     */
    private Atom vague(Tokens t, int i) {
        String w = t.word(i);
        if (!"tens".equals(w) && !"hundreds".equals(w)) return null;
        if (!t.isWord(i + 1, "of") || i + 4 >= t.size) return null;
        String sw = t.word(i + 2);
        if (!sw.endsWith("s") || NumberWords.scale(sw) < 1e3 || !t.isWord(i + 3, "of")) return null;
        Atom a = new Atom();
        a.t0 = i;
        int j = currencyName(t, i + 4, a);
        if (a.unit == null) return null;
        double low = ("tens".equals(w) ? 10 : 100) * NumberWords.scale(sw);
        a.value = low;
        a.raw = low * 10;
        a.vague = true;
        a.t1 = j;
        return a;
    }

    private static boolean isMoneySign(char c) {
        return c == '$' || c == '-' || c == '\u2212' || Currencies.sign(c) != null;
    }

    /** Prefixes that are only currency when glued to the number ("RM23.50", "PS2.7m"). */
    private static boolean requiresAttached(Tokens t, int k) {
        if (t.type[k] != Tokens.WORD) return false;
        String w = t.lower[k];
        return w.equals("rm") || w.equals("ps") || w.length() == 1;
    }

    /** A currency written before the number. Returns the index of the number, or -1 if a sign leads nowhere. */
    private int prefix(Tokens t, int i, Atom a) {
        if (t.type[i] == Tokens.SYM) {
            char c = t.text.charAt(t.start[i]);
            if (c == '$') {
                a.unit = "USD";
                int j = i + 1;
                // "$US160", "$A5"
                if (j < t.size && t.type[j] == Tokens.WORD && t.attached(j) && t.upper(j)
                        && Currencies.DOLLAR_QUALIFIER.containsKey(t.lower[j]) && j + 1 < t.size
                        && t.type[j + 1] == Tokens.NUM) {
                    a.unit = Currencies.DOLLAR_QUALIFIER.get(t.lower[j]);
                    j++;
                }
                qualifyDollar(t, i, a);
                return numberFollows(t, j) ? j : -1;
            }
            String u = Currencies.sign(c);
            if (u != null) {
                a.unit = u;
                return numberFollows(t, i + 1) ? i + 1 : -1;
            }
            if (c == '~' && numberFollows(t, i + 1)) {
                return -1; // the tilde is read as a bound word by the caller
            }
            return -1;
        }
        if (t.type[i] == Tokens.WORD) {
            // currency words before a number are at most three letters (USD, Rs, RM, PS, Y=); skip the rest fast
            if (t.end[i] - t.start[i] > 3 || i + 1 >= t.size) return i;
            byte next = t.type[i + 1];
            if (next != Tokens.NUM && !(next == Tokens.SYM && "$=.".indexOf(t.text.charAt(t.start[i + 1])) >= 0)) return i;
            String w = t.lower[i];
            String orig = t.original(i);
            // "US$89", "HK$", "C$" : handled when the "$" is reached; here the qualifier itself is skipped
            if (t.isSym(i + 1, '$') && t.attached(i + 1) && Currencies.DOLLAR_QUALIFIER.containsKey(w)) return -1;
            int j = i + 1;
            String u = null;
            if (Currencies.ISO.contains(orig) || orig.equals("Rs") || orig.equals("INR")) {
                u = orig.equals("Rs") ? "INR" : orig.equals("RMB") ? "CNY" : orig;
                if (orig.equals("Rs") && t.isSym(j, '.')) j++;
            } else if ((orig.equals("RM") || orig.equals("PS")) && j < t.size && t.type[j] == Tokens.NUM && t.attached(j)) {
                u = orig.equals("RM") ? "MYR" : "GBP"; // "PS" is how "£" comes out of ASCII transliteration
            } else if (orig.equals("Y") && t.isSym(j, '=') && t.attached(j) && numberFollows(t, j + 1)) {
                u = "JPY"; // Reuters writes yen as "Y="
                j++;
            } else if ((w.equals("usd") || w.equals("eur") || w.equals("gbp")) && j < t.size && t.type[j] == Tokens.NUM) {
                u = w.toUpperCase(java.util.Locale.ROOT);
            }
            if (u == null) return i;
            if (!numberFollows(t, j)) return -1;
            a.unit = u;
            return j;
        }
        return i;
    }

    private static boolean numberFollows(Tokens t, int j) {
        if (j >= t.size) return false;
        if (t.type[j] == Tokens.NUM) return true;
        if (t.isDashTok(j) && j + 1 < t.size && t.type[j + 1] == Tokens.NUM && t.attached(j + 1)) return true;
        return t.type[j] == Tokens.WORD && NumberWords.SMALL.containsKey(t.lower[j]);
    }

    /** Which dollar: the letters before the sign ("US$", "HK $", "C$"); moves the atom start onto them. */
    private static void qualifyDollar(Tokens t, int i, Atom a) {
        int q = i - 1;
        if (q < 0 || t.type[q] != Tokens.WORD) return;
        String w = t.lower[q];
        String u = Currencies.DOLLAR_QUALIFIER.get(w);
        if (u == null) return;
        boolean glued = t.attached(i);
        // single letters are ordinary words unless written in capitals and glued ("A$", "S$", "R$"); "c" is safe
        if (w.length() == 1 && !w.equals("c") && !(glued && t.upper(q))) return;
        if (w.equals("us") && !t.upper(q) && !glued && !w.equals("c")) {
            // lower-case "us $5" is usually the pronoun; accept only in all-lower-case text
            if (hasUpper(t.text)) return;
        }
        a.unit = u;
        a.t0 = q;
    }

    private static boolean hasUpper(String s) {
        for (int i = 0; i < Math.min(s.length(), 200); i++) if (Character.isUpperCase(s.charAt(i))) return true;
        return false;
    }

    /** Number words: "fifteen", "twenty-two", "one hundred", "a quarter" is left out. */
    private int words(Tokens t, int j, Atom a) {
        double total = 0;
        double cur = -1;
        int k = j;
        while (k < t.size && t.type[k] == Tokens.WORD) {
            String w = t.lower[k];
            Integer v = NumberWords.SMALL.get(w);
            if (v != null) {
                if (cur >= 0 && cur % 100 != 0 && v < 10 && !(cur % 10 == 0 && cur % 100 != 0)) break;
                cur = Math.max(cur, 0) + v;
                k++;
                if (t.isDashTok(k) && k + 1 < t.size && t.type[k + 1] == Tokens.WORD
                        && NumberWords.SMALL.containsKey(t.lower[k + 1]) && NumberWords.SMALL.get(t.lower[k + 1]) < 10
                        && v >= 20) {
                    k++; // twenty-two
                }
            } else if (w.equals("hundred") && cur > 0) {
                cur *= 100;
                k++;
            } else if (w.equals("and") && cur >= 100 && k + 1 < t.size && NumberWords.SMALL.containsKey(t.word(k + 1))) {
                k++;
            } else {
                break;
            }
        }
        if (cur < 0) return j;
        total += cur;
        a.raw = total;
        a.grouped = true;
        return k;
    }

    /** A currency or percent written after the number. */
    private int suffix(Tokens t, int j, Atom a) {
        if (j >= t.size) return j;
        if (t.isSym(j, '%')) {
            a.unit = "percent";
            return j + 1;
        }
        if (t.type[j] == Tokens.WORD) {
            String w = t.lower[j];
            switch (w) {
                case "percent": case "percents": case "percentage": case "pct": case "pc":
                    if (w.equals("pc") && !t.attached(j)) break;
                    a.unit = "percent";
                    return j + 1;
                default:
            }
            if (w.equals("per") && t.isWord(j + 1, "cent")) {
                a.unit = "percent";
                return j + 2;
            }
            // pence: "370 pence", "370p a share", "1,140p-a-share offer" are pounds / 100. A glued lower-case "p"
            // is read so only before a share price phrase, where nothing else is meant ("1080p" is a resolution)
            if (w.equals("pence") && !a.scaled
                    || w.equals("p") && t.attached(j) && t.chars[t.start[j]] == 'p' && !a.scaled
                    && (j + 1 >= t.size || !t.attached(j + 1) || t.type[j + 1] != Tokens.WORD) && sharePhrase(t, j + 1)) {
                a.unit = "GBP";
                a.scale *= 0.01;
                return j + 1;
            }
            String orig = t.original(j);
            if (LOWER_CODES.contains(orig)) orig = orig.toUpperCase(java.util.Locale.ROOT);
            if (Currencies.ISO.contains(orig)) {
                a.unit = orig.equals("RMB") ? "CNY" : orig;
                j++;
                // "75 USD million"
                if (j < t.size && t.type[j] == Tokens.WORD && NumberWords.scale(t.lower[j]) >= 1e3 && !NumberWords.abbreviated(t.lower[j])) {
                    a.scale *= NumberWords.scale(t.lower[j]);
                    a.scaled = true;
                    j++;
                }
                return j;
            }
            return currencyName(t, j, a);
        }
        if (t.isDashTok(j) && t.attached(j) && t.isWord(j + 1, "per") && t.isDashTok(j + 2) && t.isWord(j + 3, "cent")) {
            a.unit = "percent"; // 49-per-cent
            return j + 4;
        }
        if (t.isDashTok(j) && t.attached(j) && j + 1 < t.size && t.type[j + 1] == Tokens.WORD && t.attached(j + 1)
                && Currencies.NAMES.containsKey(t.lower[j + 1])) {
            a.unit = Currencies.NAMES.get(t.lower[j + 1]); // "a one-yen bid"
            return j + 2;
        }
        if (t.isDashTok(j) && t.attached(j) && (t.isWord(j + 1, "percent") || t.isWord(j + 1, "pct"))) {
            a.unit = "percent";
            return j + 2;
        }
        return j;
    }

    /** "a share", "per share", "-a-share", "a new share", "each": a price per share follows the figure. */
    private static boolean sharePhrase(Tokens t, int k) {
        if (t.isDashTok(k) && t.attached(k)) k++;
        if (t.isWord(k, "each")) return true;
        if (!t.isWord(k, "a") && !t.isWord(k, "per")) return false;
        k++;
        if (t.isDashTok(k) && t.attached(k)) k++;
        if (t.isWord(k, "new") || t.isWord(k, "ordinary")) k++;
        return t.isWord(k, "share");
    }

    private int currencyName(Tokens t, int j, Atom a) {
        int k = j;
        String qual = null;
        // nationality words: "US dollars", "Hong Kong dollars", "Swiss francs", "Chinese yuan"
        for (int n = 0; n < 2 && k < t.size && t.type[k] == Tokens.WORD; n++) {
            String w = t.lower[k];
            if (Currencies.DOLLAR_NATIONALITY.containsKey(w) || Currencies.NATIONALITY_OTHER.containsKey(w)
                    || w.equals("hong") || w.equals("new") || w.equals("korean") || w.equals("african")) {
                if (qual == null || w.equals("kong") || w.equals("zealand") || w.equals("korean") || w.equals("african")) qual = w;
                k++;
            } else {
                break;
            }
        }
        if (k >= t.size || t.type[k] != Tokens.WORD) return j;
        String name = t.lower[k];
        String u = Currencies.NAMES.get(name);
        boolean weak = false;
        if (u == null) {
            u = Currencies.WEAK_NAMES.get(name);
            weak = u != null;
        }
        if (u == null) return j;
        if (qual != null) {
            if (name.startsWith("dollar")) {
                String q = Currencies.DOLLAR_NATIONALITY.get(qual);
                if (q != null) u = q;
            } else if (name.startsWith("franc") && qual.equals("swiss")) {
                u = "CHF";
            } else if (name.equals("won") && qual.equals("korean")) {
                u = "KRW";
            } else if (name.equals("rand") && qual.equals("african")) {
                u = "ZAR";
            } else if (name.startsWith("pound") && (qual.equals("british") || qual.equals("sterling"))) {
                u = "GBP";
            } else {
                String q = Currencies.NATIONALITY_OTHER.get(qual);
                if (q != null && !name.startsWith("pound")) u = q;
            }
        }
        // "275 pound-feet", "won 5 games": weak names count only with a scale word, a nationality or "sterling"
        if (weak && qual == null) {
            boolean sterling = t.isWord(k + 1, "sterling");
            boolean compound = t.isDashTok(k + 1) && t.attached(k + 1);
            if (compound || !(a.scaled || sterling)) return j;
            if (name.startsWith("franc")) return j; // bare francs: which franc is not stated
            if (sterling) k++;
        }
        a.unit = u;
        return k + 1;
    }

    /** "$75 U.S." repeats the currency after the number; swallow it so the span is whole. */
    private static int redundantSuffix(Tokens t, int j) {
        if (j < t.size && t.type[j] == Tokens.WORD && (t.lower[j].equals("u.s.") || t.lower[j].equals("u.s"))) return j + 1;
        return j;
    }

    // ---------------------------------------------------------------- ranges and bounds

    private List<Quantity> join(Tokens t, List<Atom> atoms) {
        List<Quantity> out = new ArrayList<>(atoms.size());
        for (int n = 0; n < atoms.size(); n++) {
            Atom a = atoms.get(n);
            Atom b = n + 1 < atoms.size() ? atoms.get(n + 1) : null;
            if (b != null && !a.vague && !b.vague) {
                int conn = connector(t, a, b);
                if (conn == OR && a.unit == null && b.unit != null) {
                    inherit(a, b);
                } else if (conn != NONE && compatible(t, a, b, conn)) {
                    inherit(a, b);
                    if (b.unit == null) {
                        b.unit = a.unit;
                    }
                    int s = a.t0;
                    out.add(new Quantity(a.value, b.value, a.unit, Bound.RANGE, t.start[s], t.end[b.t1 - 1],
                            t.text.substring(t.start[s], t.end[b.t1 - 1])));
                    n++;
                    continue;
                }
            }
            if (a.unit == null) continue;
            if (a.vague) {
                out.add(new Quantity(a.value, a.raw, a.unit, Bound.RANGE, t.start[a.t0], t.end[a.t1 - 1],
                        t.text.substring(t.start[a.t0], t.end[a.t1 - 1])));
                continue;
            }
            Bound bound = bound(t, a);
            out.add(new Quantity(a.value, null, a.unit, bound, t.start[a.t0], t.end[a.t1 - 1],
                    t.text.substring(t.start[a.t0], t.end[a.t1 - 1])));
        }
        return out;
    }

    private static final int NONE = 0, DASH = 1, TO = 2, AND = 3, OR = 4;

    private static int connector(Tokens t, Atom a, Atom b) {
        int k = a.t1;
        // "$62 and $68 per share" is fine as is; "$75 U.S. per barrel to $45.88": skip the "per barrel"
        if (t.isWord(k, "per") && k + 2 < b.t0 && t.type[k + 1] == Tokens.WORD) k += 2;
        int gap = b.t0 - k;
        if (gap != 1) return NONE;
        if (t.isDashTok(k)) {
            if (t.text.charAt(t.start[k]) == '\u2014' && !t.attached(k)) return NONE;
            // "+1-222-2222-2222", "1995-01", "2023-24": phone numbers and dates, not ranges
            if (t.isDashTok(b.t1) && b.t1 + 1 < t.size && t.type[b.t1 + 1] == Tokens.NUM) return NONE;
            if (a.t0 > 0 && t.isDashTok(a.t0 - 1) && t.type[a.t0] == Tokens.NUM) return NONE;
            if (t.type[b.t0] == Tokens.NUM && t.text.charAt(t.start[b.t0]) == '0' && t.end[b.t0] - t.start[b.t0] > 1
                    && t.text.charAt(t.start[b.t0] + 1) != '.') return NONE;
            if (a.unit == null && b.unit == null && isYearLike(t, a.t0)) return NONE;
            return DASH;
        }
        String w = t.word(k);
        if (w.isEmpty()) return NONE;
        switch (w) {
            case "to": case "through": case "thru": return TO;
            case "and": return AND;
            case "or": return OR;
            default: return NONE;
        }
    }

    private static boolean isYearLike(Tokens t, int k) {
        return t.type[k] == Tokens.NUM && t.end[k] - t.start[k] == 4 && t.num[k] >= 1900 && t.num[k] <= 2100;
    }

    private static boolean compatible(Tokens t, Atom a, Atom b, int conn) {
        if (a.plus) return false;
        String before = prevWord(t, a.t0, 1);
        boolean opened = "from".equals(before) || "between".equals(before)
                || ("from".equals(prevWord(t, a.t0, 2)) || "between".equals(prevWord(t, a.t0, 2)))
                && in(APPROX, before);
        if (conn == AND && !opened) return false;
        if (conn == OR) return false;
        if (a.unit == null && b.unit == null) return false;
        if ("".equals(a.unit) && "".equals(b.unit) && conn == TO && !opened && in(CHANGE, before)) return false;
        if (a.unit != null && b.unit != null && !a.unit.equals(b.unit)) return false;
        if (conn == TO && !opened) {
            if (in(CHANGE, before) || in(CHANGE, prevWord(t, a.t0, 2))) return false;
            if (b.unit == null) return false;
        }
        if (b.unit == null && a.unit != null && conn == TO && !opened) return false;
        return true;
    }

    /** The low end of "$10–$15 billion" and "33-35 billion euros" takes unit and scale from the high end. */
    private static void inherit(Atom a, Atom b) {
        if (a.unit == null) a.unit = b.unit;
        if (!a.scaled && b.scaled && !a.grouped && Math.abs(a.raw) <= Math.abs(b.raw) * 10) {
            a.scale = b.scale;
            a.scaled = true;
            a.value = a.raw * a.scale;
        }
    }

    private static String prevWord(Tokens t, int k, int back) {
        int i = k - back;
        return i >= 0 && t.type[i] == Tokens.WORD ? t.lower[i] : null;
    }

    private static Bound bound(Tokens t, Atom a) {
        if (a.plus) return Bound.AT_LEAST;
        int j = a.t1;
        if (t.isWord(j, "or") && (t.isWord(j + 1, "more") || t.isWord(j + 1, "higher") || t.isWord(j + 1, "above"))) return Bound.AT_LEAST;
        if (t.isWord(j, "or") && (t.isWord(j + 1, "less") || t.isWord(j + 1, "lower") || t.isWord(j + 1, "below"))) return Bound.AT_MOST;
        if (t.isWord(j, "plus") && !(j + 1 < t.size && t.type[j + 1] == Tokens.NUM)) return Bound.AT_LEAST;
        int k = a.t0 - 1;
        if (t.isSym(k, '~')) return Bound.APPROX;
        if (t.isWord(k, "a") || t.isWord(k, "an")) k--; // "roughly a 49% stake"
        String p1 = prevWord(t, k + 1, 1), p2 = prevWord(t, k + 1, 2), p3 = prevWord(t, k + 1, 3);
        if (p1 == null) return Bound.EXACT;
        if (in(APPROX, p1)) return Bound.APPROX;
        if ("to".equals(p1) && ("close".equals(p2) || "upwards".equals(p2))) return "close".equals(p2) ? Bound.APPROX : Bound.AT_LEAST;
        if (in(AT_LEAST_1, p1)) return Bound.AT_LEAST;
        if (in(AT_MOST_1, p1)) return Bound.AT_MOST;
        if ("than".equals(p1) && p2 != null) {
            switch (p2) {
                case "more": case "greater": case "higher": case "over":
                    return "no".equals(p3) || "not".equals(p3) ? Bound.AT_MOST : Bound.AT_LEAST;
                case "less": case "fewer": case "lower":
                    return "no".equals(p3) || "not".equals(p3) ? Bound.AT_LEAST : Bound.AT_MOST;
                default:
            }
        }
        if ("to".equals(p1) && "equal".equals(p2) && "or".equals(p3)) {
            // "less than or equal to 100", "greater than or equal to 50"
            String p5 = prevWord(t, k + 1, 5);
            if ("less".equals(p5) || "fewer".equals(p5) || "lower".equals(p5)) return Bound.AT_MOST;
            if ("more".equals(p5) || "greater".equals(p5) || "higher".equals(p5)) return Bound.AT_LEAST;
        }
        if ("least".equals(p1) && "at".equals(p2)) return Bound.AT_LEAST;
        if ("most".equals(p1) && "at".equals(p2)) return Bound.AT_MOST;
        if ("of".equals(p1) && ("north".equals(p2) || "upwards".equals(p2) || "excess".equals(p2))) return Bound.AT_LEAST;
        if ("of".equals(p1) && "south".equals(p2)) return Bound.AT_MOST;
        if ("to".equals(p1) && "up".equals(p2)) return Bound.AT_MOST;
        if ("as".equals(p1) && ("much".equals(p2) || "many".equals(p2)) && "as".equals(p3)) return Bound.AT_MOST;
        return Bound.EXACT;
    }

    private static boolean in(Set<String> set, String w) {
        return w != null && set.contains(w);
    }
}

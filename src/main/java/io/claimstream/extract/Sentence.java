package io.claimstream.extract;

import java.util.ArrayList;
import java.util.List;

/** One sentence of an article: its offsets, tokens, clause numbers per token and the entity mentions in it. */
final class Sentence {
    final int index;
    final int start, end;
    final Tokens tokens;
    /** Clause number of each token; clauses are cut at commas, semicolons, colons and dashes. */
    final int[] clause;
    private final int[] clauseFirst, clauseEnd;
    /** Title Case line: capitals say little about names here. */
    final boolean headline;
    /** A line with no closing punctuation (headline, caption, list item): its figures yield to the body's. */
    final boolean standalone;
    final List<Mention> mentions = new ArrayList<>();
    /** Money and percent figures in the sentence, offsets into the article. */
    final List<Quantity> quantities;

    /** {@code chars} is the article text as an array, made once per article and shared by its sentences. */
    Sentence(int index, String text, char[] chars, int start, int end, QuantityParser parser) {
        this.index = index;
        this.start = start;
        this.end = end;
        this.tokens = Tokens.of(text, chars, start, end);
        this.clause = new int[tokens.size];
        int c = 0;
        for (int k = 0; k < tokens.size; k++) {
            if (tokens.type[k] == Tokens.SYM && isClauseBreak(tokens, k)) c++;
            clause[k] = c;
        }
        // First and (exclusive) last token of each clause, so that clauseStart/clauseTo are O(1): walking the
        // clause per figure made one long clause of many figures ("$1 $1 $1 ...") quadratic.
        this.clauseFirst = new int[c + 1];
        this.clauseEnd = new int[c + 1];
        for (int k = tokens.size - 1; k >= 0; k--) clauseFirst[clause[k]] = k;
        for (int k = 0; k < tokens.size; k++) clauseEnd[clause[k]] = k + 1;
        this.headline = looksLikeHeadline(tokens, end);
        char last = text.charAt(end - 1);
        this.standalone = !(last == '.' || last == '!' || last == '?' || last == '"' || last == '\u201D' || last == ')'
                || last == '\'' || last == '\u2019');
        this.quantities = parser.parse(tokens, start, end);
    }

    private static final java.util.Set<String> CONTINUATIONS = java.util.Set.of("for", "with", "at", "in", "of",
            "including", "from", "to", "by", "giving", "taking", "making", "valuing", "which", "that", "while",
            "bringing", "putting", "paying", "representing", "investing", "or", "and", "plus",
            "worth", "priced"); // "..., worth $139.91 a share based on", "an offer to shareholders, priced at"
    /** "Discover's revenue, net of interest expense, was $15.9bn": a verb whose subject sits before a short aside. */
    private static final java.util.Set<String> COPULAS = java.util.Set.of("was", "were", "is", "are");

    /**
     * First token of the stretch a figure's clause reads from: the clause itself, plus the clause before when
     * this one only continues it ("..., for a 0.59 per cent stake", "..., taking a stake of 10%").
     */
    int clauseFrom(int tok) {
        int c = clause[tok];
        int k = clauseStart(tok);
        for (int steps = 0; c > 0 && steps < 3; steps++) {
            int first = tokens.type[k] == Tokens.SYM ? k + 1 : k;
            if (steps == 0 && first < tokens.size && COPULAS.contains(tokens.word(first)) && c >= 2) {
                int aside = clauseStart(k - 1);
                if (clauseTo(aside) - aside <= 6) return clauseStart(aside - 1);
                break;
            }
            if (first >= tokens.size || !CONTINUATIONS.contains(tokens.word(first))) break;
            int p = clauseStart(k - 1);
            k = p;
            c--;
            // a short appositive just joined (", ekaterra,") or an attribution (", people familiar with the
            // matter said,"): the clause it interrupts is the one to read
            int len = clauseTo(p) - p;
            String lastWord = tokens.word(clauseTo(p) - 1);
            boolean attribution = lastWord.equals("said") || lastWord.equals("says") || lastWord.equals("reported")
                    || lastWord.equals("added");
            if ((len <= 6 || attribution) && c > 0) {
                k = clauseStart(p - 1);
                c--;
            }
        }
        return k;
    }

    private int clauseStart(int tok) {
        return clauseFirst[clause[tok]];
    }

    /** Exclusive end of the figure's own clause. */
    int clauseTo(int tok) {
        return tok >= tokens.size ? tok : clauseEnd[clause[tok]];
    }

    private static boolean isClauseBreak(Tokens t, int k) {
        char ch = t.chars[t.start[k]];
        // a glued colon or comma is inside a name or number ("Run:ai", "10:30"), not between clauses
        boolean glued = k > 0 && t.attached(k) && k + 1 < t.size && t.attached(k + 1);
        if ((ch == ',' || ch == ':') && glued) return false;
        if (ch == ',' || ch == ';' || ch == ':' || ch == '\u2014' || ch == '\u2015') return true;
        // a spaced dash (" – ", " - ") separates clauses; a glued one joins words or figures
        return Tokens.isDash(ch) && k > 0 && !t.attached(k) && k + 1 < t.size && !t.attached(k + 1);
    }

    /** Title Case lines without a closing period: section titles and headlines, where capitals say little. */
    private static boolean looksLikeHeadline(Tokens t, int end) {
        int words = 0, caps = 0;
        for (int k = 0; k < t.size; k++) {
            if (t.type[k] != Tokens.WORD || t.end[k] - t.start[k] < 4) continue;
            words++;
            if (Character.isUpperCase(t.chars[t.start[k]])) caps++;
        }
        char last = end > 0 ? t.chars[end - 1] : ' ';
        return words >= 2 && caps * 10 >= words * 6 && last != '.';
    }

    String text() {
        return tokens.text.substring(start, end);
    }

    /** Index of the first token starting at or after the offset. */
    int tokenAt(int offset) {
        int lo = 0, hi = tokens.size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.start[mid] < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}

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
    final boolean headline;
    final List<Mention> mentions = new ArrayList<>();

    Sentence(int index, String text, int start, int end) {
        this.index = index;
        this.start = start;
        this.end = end;
        this.tokens = Tokens.of(text, start, end);
        this.clause = new int[tokens.size];
        int c = 0;
        for (int k = 0; k < tokens.size; k++) {
            if (tokens.type[k] == Tokens.SYM && isClauseBreak(tokens, k)) c++;
            clause[k] = c;
        }
        this.headline = looksLikeHeadline(tokens, text, end);
    }

    private static boolean isClauseBreak(Tokens t, int k) {
        char ch = t.text.charAt(t.start[k]);
        if (ch == ',' || ch == ';' || ch == ':' || ch == '\u2014' || ch == '\u2015') return true;
        // a spaced dash (" – ", " - ") separates clauses; a glued one joins words or figures
        return Tokens.isDash(ch) && k > 0 && !t.attached(k) && k + 1 < t.size && !t.attached(k + 1);
    }

    /** Title Case lines without a closing period: section titles and headlines, where capitals say little. */
    private static boolean looksLikeHeadline(Tokens t, String text, int end) {
        int words = 0, caps = 0;
        for (int k = 0; k < t.size; k++) {
            if (t.type[k] != Tokens.WORD || t.end[k] - t.start[k] < 4) continue;
            words++;
            if (Character.isUpperCase(text.charAt(t.start[k]))) caps++;
        }
        char last = end > 0 ? text.charAt(end - 1) : ' ';
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

package io.claimstream.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sentences with their offsets into the article text. Line breaks always end a sentence (headlines, list items
 * and page furniture sit on their own lines); inside a line, '.', '!' or '?' ends one when a capital, digit or
 * quote follows and the word before is not an abbreviation.
 */
final class SentenceSplitter {
    private SentenceSplitter() {}

    record Span(int start, int end) {}

    private static final Set<String> ABBREVIATIONS = Set.of("inc", "corp", "co", "ltd", "llc", "plc", "mr", "mrs", "ms",
            "dr", "st", "jr", "sr", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
            "nov", "dec", "gov", "sen", "rep", "gen", "col", "lt", "prof", "approx", "est", "etc", "fig", "bros", "cie",
            "e.g", "i.e", "u.s", "u.k", "u.n", "e.u");
    private static final int LONGEST_ABBREVIATION = ABBREVIATIONS.stream().mapToInt(String::length).max().orElse(0);

    static List<Span> split(String text) {
        return split(text.toCharArray());
    }

    /** The text as an array: the loop reads every character, and array reads beat charAt on non-Latin-1 text. */
    static List<Span> split(char[] text) {
        List<Span> out = new ArrayList<>();
        int n = text.length;
        int s = 0;
        for (int i = 0; i < n; i++) {
            char c = text[i];
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                add(text, s, i, out);
                s = i + 1;
            } else if ((c == '.' || c == '!' || c == '?') && endsSentence(text, i)) {
                int e = i + 1;
                while (e < n && isCloser(text[e])) e++;
                add(text, s, e, out);
                s = e;
                i = e - 1;
            }
        }
        add(text, s, n, out);
        return out;
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201D' || c == '\u2019' || c == '\u00BB';
    }

    private static boolean endsSentence(char[] text, int i) {
        int n = text.length;
        int k = i + 1;
        while (k < n && isCloser(text[k])) k++;
        if (k >= n) return true;
        if (!Tokens.isSpace(text[k])) return false;
        while (k < n && Tokens.isSpace(text[k]) && text[k] != '\n') k++;
        if (k >= n || text[k] == '\n') return true;
        char next = text[k];
        if (!(Character.isUpperCase(next) || Character.isDigit(next) || next == '"' || next == '\u201C'
                || next == '\'' || next == '\u2018' || next == '(' || next == '$' || next == '\u20AC' || next == '\u00A3')) {
            return false;
        }
        if (text[i] != '.') return true;
        // the word before the period
        int w = i;
        while (w > 0 && (Character.isLetter(text[w - 1]) || text[w - 1] == '.')) w--;
        // longer than any abbreviation, and not one letter: no String to make (lower case is never shorter)
        if (i - w > LONGEST_ABBREVIATION) return true;
        String word = new String(text, w, i - w).toLowerCase(java.util.Locale.ROOT);
        if (ABBREVIATIONS.contains(word)) return false;
        return !(word.length() == 1 && Character.isUpperCase(text[w])); // initials: "John F. Kennedy"
    }

    /**
     * Longer than any prose sentence: cut at a comma or space so that work per sentence stays bounded and the
     * whole extraction stays linear in the text (run-on page dumps, tables flattened into one line).
     */
    static final int MAX_SENTENCE = 1000;

    private static void add(char[] text, int s, int e, List<Span> out) {
        while (s < e && Tokens.isSpace(text[s])) s++;
        while (e > s && Tokens.isSpace(text[e - 1])) e--;
        while (e - s > MAX_SENTENCE) {
            int cut = -1;
            for (int i = s + MAX_SENTENCE; i > s + MAX_SENTENCE / 2 && cut < 0; i--) {
                if ((text[i] == ';' || text[i] == ',') && i + 1 < e && Tokens.isSpace(text[i + 1])) {
                    cut = i + 1; // not inside "1,000"
                }
            }
            for (int i = s + MAX_SENTENCE; i > s + MAX_SENTENCE / 2 && cut < 0; i--) {
                if (Tokens.isSpace(text[i])) cut = i;
            }
            if (cut < 0) cut = s + MAX_SENTENCE;
            int ce = cut;
            while (ce > s && Tokens.isSpace(text[ce - 1])) ce--;
            if (ce > s) out.add(new Span(s, ce));
            s = cut;
            while (s < e && Tokens.isSpace(text[s])) s++;
        }
        if (e > s) out.add(new Span(s, e));
    }
}

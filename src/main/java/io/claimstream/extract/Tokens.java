package io.claimstream.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * A single left-to-right pass that cuts text into numbers, words and symbols with offsets kept.
 * Everything downstream matches on these tokens instead of running regular expressions, which keeps the
 * extractor linear in the length of the text.
 */
final class Tokens {
    static final byte NUM = 0, WORD = 1, SYM = 2;

    final String text;
    int size;
    byte[] type = new byte[64];
    int[] start = new int[64];
    int[] end = new int[64];
    double[] num = new double[64];
    /** Number written with thousands separators ("1,062") or words: not a candidate for scale inheritance. */
    boolean[] grouped = new boolean[64];
    String[] lower = new String[64];
    /** Word with a capital letter anywhere (Meta, eBay, AI): computed once, asked many times. */
    boolean[] capital = new boolean[64];
    /** {@link Lexicon} flags of each word. */
    int[] flags = new int[64];

    private Tokens(String text) {
        this.text = text;
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    static boolean isDash(char c) {
        return c == '-' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212' || c == '\uFE63' || c == '\uFF0D';
    }

    static Tokens of(String text) {
        return of(text, 0, text.length());
    }

    static Tokens of(String text, int from, int to) {
        Tokens t = new Tokens(text);
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                i++;
            } else if (c >= '0' && c <= '9') {
                i = t.number(i, to);
            } else if (Character.isLetter(c)) {
                i = t.word(i, to);
            } else {
                t.add(SYM, i, i + 1);
                i++;
            }
        }
        return t;
    }

    private int number(int i, int to) {
        int s = i;
        double v = 0;
        boolean grp = false;
        while (i < to) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                v = v * 10 + (c - '0');
                i++;
            } else if (c == ',' && i + 2 < to && digit(i + 1) && digit(i + 2)) {
                // a separator: exactly 3 digits (or 2, Indian lakh grouping) follow before a non-digit
                int k = i + 1;
                while (k < to && digit(k)) k++;
                int n = k - i - 1;
                if (n == 3 || (n == 2 && k < to && text.charAt(k) == ',')) {
                    grp = true;
                    i++;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        if (i + 1 < to && text.charAt(i) == '.' && digit(i + 1)) {
            i++;
            double f = 0.1;
            while (i < to && digit(i)) {
                v += f * (text.charAt(i) - '0');
                f /= 10;
                i++;
            }
        }
        int k = add(NUM, s, i);
        num[k] = v;
        grouped[k] = grp;
        return i;
    }

    private boolean digit(int i) {
        char c = text.charAt(i);
        return c >= '0' && c <= '9';
    }

    private int word(int i, int to) {
        int s = i;
        while (i < to && Character.isLetter(text.charAt(i))) i++;
        // single letters joined by dots are one abbreviation: U.S., U.K., u.s
        if (i - s == 1) {
            int k = i;
            while (k + 1 < to && text.charAt(k) == '.' && Character.isLetter(text.charAt(k + 1))
                    && (k + 2 >= to || !Character.isLetter(text.charAt(k + 2)))) {
                k += 2;
            }
            if (k > i) {
                i = k;
                if (i < to && text.charAt(i) == '.' && (i + 1 >= to || isSpace(text.charAt(i + 1)))
                        && i + 2 < to && !Character.isUpperCase(text.charAt(i + 2))) {
                    i++; // trailing dot of "U.S." mid-sentence
                }
            }
        }
        int k = add(WORD, s, i);
        boolean lowerAlready = true;
        for (int j = s; j < i && lowerAlready; j++) lowerAlready = !Character.isUpperCase(text.charAt(j));
        String w = text.substring(s, i);
        lower[k] = lowerAlready ? w : w.toLowerCase(java.util.Locale.ROOT);
        capital[k] = !lowerAlready;
        flags[k] = Lexicon.flags(lower[k]);
        return i;
    }

    private int add(byte ty, int s, int e) {
        if (size == type.length) grow();
        type[size] = ty;
        start[size] = s;
        end[size] = e;
        return size++;
    }

    private void grow() {
        int n = size * 2;
        type = java.util.Arrays.copyOf(type, n);
        start = java.util.Arrays.copyOf(start, n);
        end = java.util.Arrays.copyOf(end, n);
        num = java.util.Arrays.copyOf(num, n);
        grouped = java.util.Arrays.copyOf(grouped, n);
        lower = java.util.Arrays.copyOf(lower, n);
        capital = java.util.Arrays.copyOf(capital, n);
        flags = java.util.Arrays.copyOf(flags, n);
    }

    /** Word k has the {@link Lexicon} flag. */
    boolean is(int k, int flag) {
        return k >= 0 && k < size && type[k] == WORD && (flags[k] & flag) != 0;
    }

    boolean isWord(int k, String w) {
        return k >= 0 && k < size && type[k] == WORD && lower[k].equals(w);
    }

    boolean isSym(int k, char c) {
        return k >= 0 && k < size && type[k] == SYM && text.charAt(start[k]) == c;
    }

    boolean isDashTok(int k) {
        return k >= 0 && k < size && type[k] == SYM && isDash(text.charAt(start[k]));
    }

    /** No space between token k-1 and token k. */
    boolean attached(int k) {
        return k > 0 && k < size && end[k - 1] == start[k];
    }

    String original(int k) {
        return text.substring(start[k], end[k]);
    }

    boolean upper(int k) {
        for (int i = start[k]; i < end[k]; i++) if (Character.isLowerCase(text.charAt(i))) return false;
        return true;
    }

    String word(int k) {
        return k >= 0 && k < size && type[k] == WORD ? lower[k] : "";
    }

    List<String> words() {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < size; k++) if (type[k] == WORD) out.add(lower[k]);
        return out;
    }
}

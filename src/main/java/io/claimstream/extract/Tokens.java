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
    /**
     * The same text as a char array, shared by the sentences of one article: the scanning loops index it
     * directly, which is cheaper than {@code charAt} on text that is not Latin-1 (curly quotes, the euro sign).
     */
    final char[] chars;
    int size;
    byte[] type;
    int[] start;
    int[] end;
    double[] num;
    /** Number written with thousands separators ("1,062") or words: not a candidate for scale inheritance. */
    boolean[] grouped;
    String[] lower;
    /** Word with a capital letter anywhere (Meta, eBay, AI): computed once, asked many times. */
    boolean[] capital;
    /** {@link Lexicon} flags of each word. */
    int[] flags;
    /** Looked up once per sentence, not per word. */
    private final WordCache cache = WordCache.forThisThread();

    /**
     * The arrays a stretch of text is cut into before they are copied at their exact size: one set per thread,
     * reused. Sized from the text's length, the arrays came out about half as long again as needed (eight of
     * them per sentence, a quarter of what extraction allocated); cut here, a sentence's tokens cost exactly
     * their number.
     */
    private static final class Scratch {
        byte[] type = new byte[0];
        int[] start = new int[0], end = new int[0], flags = new int[0];
        double[] num = new double[0];
        boolean[] grouped = new boolean[0], capital = new boolean[0];
        String[] lower = new String[0];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    /** More than a sentence ever needs ({@link SentenceSplitter#MAX_SENTENCE}); larger arrays are not kept. */
    private static final int MAX_SCRATCH = 4096;

    private Tokens(String text, char[] chars, Scratch scratch, int capacity) {
        this.text = text;
        this.chars = chars;
        type = scratch.type;
        start = scratch.start;
        end = scratch.end;
        num = scratch.num;
        grouped = scratch.grouped;
        lower = scratch.lower;
        capital = scratch.capital;
        flags = scratch.flags;
        while (type.length < capacity) grow();
    }

    /** Hands the (possibly grown) arrays back to the thread's scratch and keeps copies of exactly size entries. */
    private void keepExact(Scratch scratch) {
        boolean keep = type.length <= MAX_SCRATCH;
        if (keep) {
            scratch.type = type;
            scratch.start = start;
            scratch.end = end;
            scratch.num = num;
            scratch.grouped = grouped;
            scratch.lower = lower;
            scratch.capital = capital;
            scratch.flags = flags;
        }
        resize(size);
        // the scratch keeps the last sentence's words referenced until the next overwrites them: a few KB per
        // thread, where nulling them cost 3% of extraction
    }

    static boolean isSpace(char c) {
        // the ASCII answer of the two JDK tests inline: space, \t \n \u000B \f \r and the separators 0x1C-0x1F
        if (c < 128) return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F');
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    static boolean isDash(char c) {
        return c == '-' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212' || c == '\uFE63' || c == '\uFF0D';
    }

    static Tokens of(String text) {
        return of(text, 0, text.length());
    }

    static Tokens of(String text, int from, int to) {
        return of(text, text.toCharArray(), from, to);
    }

    /** Tokens of text[from, to); {@code chars} is the whole text as an array (one copy per article). */
    static Tokens of(String text, char[] chars, int from, int to) {
        Scratch scratch = SCRATCH.get();
        Tokens t = new Tokens(text, chars, scratch, initialCapacity(to - from));
        int i = from;
        while (i < to) {
            char c = chars[i];
            if (isSpace(c)) {
                i++;
            } else if (c >= '0' && c <= '9') {
                i = t.number(i, to);
            } else if (isLetter(c)) {
                i = t.word(i, to);
            } else {
                t.add(SYM, i, i + 1);
                i++;
            }
        }
        t.keepExact(scratch);
        return t;
    }

    /**
     * Room for the tokens of a stretch of text without growing: prose averages over five characters a token, so
     * a quarter of the length is enough for most sentences. Only the thread's scratch arrays are this size.
     */
    private static int initialCapacity(int length) {
        return Math.max(8, length / 4 + 4);
    }

    /** {@link Character#isLetter}, with the ASCII answer inline: nearly every character of English news. */
    private static boolean isLetter(char c) {
        if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        return Character.isLetter(c);
    }

    private int number(int i, int to) {
        int s = i;
        double v = 0;
        boolean grp = false;
        while (i < to) {
            char c = chars[i];
            if (c >= '0' && c <= '9') {
                v = v * 10 + (c - '0');
                i++;
            } else if (c == ',' && i + 2 < to && digit(i + 1) && digit(i + 2)) {
                // a separator: exactly 3 digits (or 2, Indian lakh grouping) follow before a non-digit
                int k = i + 1;
                while (k < to && digit(k)) k++;
                int n = k - i - 1;
                if (n == 3 || (n == 2 && k < to && chars[k] == ',')) {
                    grp = true;
                    i++;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        if (i + 1 < to && chars[i] == '.' && digit(i + 1)) {
            i++;
            double f = 0.1;
            while (i < to && digit(i)) {
                v += f * (chars[i] - '0');
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
        char c = chars[i];
        return c >= '0' && c <= '9';
    }

    private int word(int i, int to) {
        int s = i;
        // one pass finds the word's end and, for an ASCII word, the hash of its lower case and its capitals
        int hash = 0;
        boolean upper = false, ascii = true;
        while (i < to) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                upper = true;
                c += 'a' - 'A';
            } else if (c < 'a' || c > 'z') {
                if (c < 128 || !Character.isLetter(c)) break;
                ascii = false;
            }
            hash = 31 * hash + c;
            i++;
        }
        // single letters joined by dots are one abbreviation: U.S., U.K., u.s
        boolean dotted = false;
        if (i - s == 1) {
            int k = i;
            while (k + 1 < to && chars[k] == '.' && isLetter(chars[k + 1])
                    && (k + 2 >= to || !isLetter(chars[k + 2]))) {
                k += 2;
            }
            if (k > i) {
                dotted = true;
                i = k;
                if (i < to && chars[i] == '.' && (i + 1 >= to || isSpace(chars[i + 1]))
                        && i + 2 < to && !Character.isUpperCase(chars[i + 2])) {
                    i++; // trailing dot of "U.S." mid-sentence
                }
            }
        }
        int k = add(WORD, s, i);
        if (dotted ? !asciiWord(k, s, i) : !ascii || !knownCase(k, s, i, hash, upper)) otherWord(k, s, i);
        return i;
    }

    /**
     * Lower case, capital and flags of an ASCII word, read from the characters: a known word takes the
     * {@link Lexicon}'s shared String, any other word costs one String. False if the word is not ASCII.
     */
    private boolean asciiWord(int k, int s, int e) {
        boolean upper = false;
        int hash = 0;
        for (int j = s; j < e; j++) {
            char c = chars[j];
            if (c >= 128) return false;
            if (c >= 'A' && c <= 'Z') {
                upper = true;
                c += 'a' - 'A';
            }
            hash = 31 * hash + c; // String.hashCode of the lower-case word
        }
        return knownCase(k, s, e, hash, upper);
    }

    /**
     * {@link #asciiWord} once the hash of the lower-case word and whether it has capitals are known: a word this
     * thread has seen before takes the {@link WordCache}'s String and flags, with no allocation.
     */
    private boolean knownCase(int k, int s, int e, int hash, boolean upper) {
        int cached = cache.slot(chars, s, e, hash);
        if (cached >= 0) {
            lower[k] = cache.word(cached);
            flags[k] = cache.flags(cached);
            capital[k] = upper;
            return true;
        }
        int slot = Lexicon.slot(chars, s, e, hash);
        if (slot >= 0) {
            lower[k] = Lexicon.word(slot);
            flags[k] = Lexicon.flags(slot);
        } else {
            lower[k] = upper ? lowerAscii(s, e) : text.substring(s, e);
            flags[k] = 0;
        }
        capital[k] = upper;
        return true;
    }

    private String lowerAscii(int s, int e) {
        char[] w = new char[e - s];
        for (int j = s; j < e; j++) {
            char c = chars[j];
            w[j - s] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return new String(w);
    }

    /** Words with letters beyond ASCII: the JDK's case rules (they may change the length). */
    private void otherWord(int k, int s, int e) {
        boolean lowerAlready = true;
        for (int j = s; j < e && lowerAlready; j++) lowerAlready = !Character.isUpperCase(chars[j]);
        String w = text.substring(s, e);
        lower[k] = lowerAlready ? w : w.toLowerCase(java.util.Locale.ROOT);
        capital[k] = !lowerAlready;
        flags[k] = Lexicon.flags(lower[k]);
    }

    private int add(byte ty, int s, int e) {
        if (size == type.length) grow();
        type[size] = ty;
        start[size] = s;
        end[size] = e;
        // the scratch arrays hold the last sentence's values: a symbol must read as in fresh arrays
        num[size] = 0;
        grouped[size] = false;
        lower[size] = null;
        capital[size] = false;
        flags[size] = 0;
        return size++;
    }

    private void grow() {
        resize(Math.max(8, type.length * 2));
    }

    /** Every per-token array at length {@code n}. */
    private void resize(int n) {
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
        return k >= 0 && k < size && type[k] == SYM && chars[start[k]] == c;
    }

    boolean isDashTok(int k) {
        return k >= 0 && k < size && type[k] == SYM && isDash(chars[start[k]]);
    }

    /** No space between token k-1 and token k. */
    boolean attached(int k) {
        return k > 0 && k < size && end[k - 1] == start[k];
    }

    String original(int k) {
        return text.substring(start[k], end[k]);
    }

    boolean upper(int k) {
        for (int i = start[k]; i < end[k]; i++) if (Character.isLowerCase(chars[i])) return false;
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

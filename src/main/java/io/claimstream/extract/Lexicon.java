package io.claimstream.extract;

import java.util.Set;

/**
 * Word classes of {@link EntityFinder} as bit flags, looked up once per token when the text is cut, so name
 * finding asks a bit instead of several sets per token.
 * <p>
 * The lookup reads the word's characters straight from the text (no substring, no lower-casing first) and,
 * for a known word, hands back one shared lower-case String: the commonest words of every article then cost
 * no allocation, and their hash codes are already computed for the set lookups downstream.
 */
final class Lexicon {
    private Lexicon() {}

    static final int NOT_NAMES = 1, TITLES = 2, DESCRIPTORS = 4, GENERIC_HEADS = 8, DESCRIPTIVE_HEADS = 16, SUFFIXES = 32;
    /** {@link NumberWords#SMALL}: lets the quantity parser skip ordinary words with one bit test. */
    static final int NUMBER_WORD = 64;
    /** Keys of {@link AttributeClassifier#MONEY}: the cue scan around every figure skips other words with one bit test. */
    static final int MONEY_CUE = 128;
    /** Keys of {@link ModalityClassifier#CUES}, for the same reason: the modality scan runs per figure too. */
    static final int MODAL_CUE = 256;
    /** {@link ClaimExtractor#DEAL_CUES}: the main-deal vote looks at every word of every sentence with two names. */
    static final int DEAL_CUE = 512;

    /** Open addressing over lower-case words; a power of two at most a quarter full, so probes are short. */
    private static final String[] WORDS;
    /** The same words as char arrays: the comparison with the text runs array against array. */
    private static final char[][] CHARS;
    /** Hash code of each word, compared before its characters. */
    private static final int[] HASHES;
    private static final int[] FLAGS;
    private static final int MASK;

    static {
        int n = EntityFinder.NOT_NAMES.size() + EntityFinder.TITLES.size() + EntityFinder.DESCRIPTORS.size()
                + EntityFinder.GENERIC_HEADS.size() + EntityFinder.DESCRIPTIVE_HEADS.size()
                + EntityFinder.SUFFIXES.size() + NumberWords.SMALL.size() + AttributeClassifier.MONEY.size()
                + ModalityClassifier.CUES.size() + ClaimExtractor.DEAL_CUES.size();
        int cap = Integer.highestOneBit(n * 4 - 1) << 1;
        WORDS = new String[cap];
        CHARS = new char[cap][];
        HASHES = new int[cap];
        FLAGS = new int[cap];
        MASK = cap - 1;
        add(EntityFinder.NOT_NAMES, NOT_NAMES);
        add(EntityFinder.TITLES, TITLES);
        add(EntityFinder.DESCRIPTORS, DESCRIPTORS);
        add(EntityFinder.GENERIC_HEADS, GENERIC_HEADS);
        add(EntityFinder.DESCRIPTIVE_HEADS, DESCRIPTIVE_HEADS);
        add(EntityFinder.SUFFIXES, SUFFIXES);
        add(NumberWords.SMALL.keySet(), NUMBER_WORD);
        add(AttributeClassifier.MONEY.keySet(), MONEY_CUE);
        add(ModalityClassifier.CUES.keySet(), MODAL_CUE);
        add(ClaimExtractor.DEAL_CUES, DEAL_CUE);
    }

    private static void add(Set<String> words, int flag) {
        for (String w : words) {
            int i = w.hashCode() & MASK;
            while (WORDS[i] != null && !WORDS[i].equals(w)) i = (i + 1) & MASK;
            WORDS[i] = w;
            CHARS[i] = w.toCharArray();
            HASHES[i] = w.hashCode();
            FLAGS[i] |= flag;
        }
    }

    static int flags(String lower) {
        int i = slot(lower);
        return i < 0 ? 0 : FLAGS[i];
    }

    private static int slot(String lower) {
        for (int i = lower.hashCode() & MASK; WORDS[i] != null; i = (i + 1) & MASK) {
            if (WORDS[i].equals(lower)) return i;
        }
        return -1;
    }

    /**
     * Slot of the ASCII word chars[from, to) lower-cased, whose lower-case {@link String#hashCode} is
     * {@code hash}; -1 if it is no known word.
     */
    static int slot(char[] chars, int from, int to, int hash) {
        int len = to - from;
        for (int i = hash & MASK; WORDS[i] != null; i = (i + 1) & MASK) {
            if (HASHES[i] == hash && CHARS[i].length == len && sameLowerAscii(CHARS[i], chars, from)) return i;
        }
        return -1;
    }

    private static boolean sameLowerAscii(char[] w, char[] chars, int from) {
        for (int j = 0; j < w.length; j++) {
            char c = chars[from + j];
            if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
            if (w[j] != c) return false;
        }
        return true;
    }

    static String word(int slot) {
        return WORDS[slot];
    }

    static int flags(int slot) {
        return FLAGS[slot];
    }

    /** The word's characters; shared, never to be written. */
    static char[] chars(int slot) {
        return CHARS[slot];
    }
}

package io.claimstream.extract;

import java.util.Arrays;

/**
 * The lower-case ASCII words this thread has tokenised lately, each one String with its {@link Lexicon} flags.
 * <p>
 * Why: news repeats its words ("the", "company", "billion", the names of the story) within an article and
 * across articles. Tokenising looked each word up in the Lexicon and made a new String for every word that is
 * not in it, about 300 Strings per 3 KB article, each hashed again by every set it was asked about. Here a
 * word read before costs one probe that compares characters straight from the text, no allocation, and its
 * String's hash code is already computed. The Strings are equal to what was made before, so output cannot
 * change; only their identity is shared.
 * <p>
 * One cache per thread (the extractor stays thread-safe without locks), small enough to stay in the CPU's
 * caches (4,096 slots: a probe that misses them costs about what the String it saves did) and bounded: when
 * half full it is emptied and fills again with the words in use.
 */
final class WordCache {
    private static final int CAPACITY = 1 << 12;
    private static final int MAX_WORDS = CAPACITY / 2;
    /** Words longer than this are rare and not worth a slot (URLs' fragments, run-on junk). */
    private static final int MAX_LENGTH = 32;
    private static final ThreadLocal<WordCache> PER_THREAD = ThreadLocal.withInitial(WordCache::new);

    private final String[] words = new String[CAPACITY];
    private final char[][] chars = new char[CAPACITY][];
    private final int[] hashes = new int[CAPACITY];
    private final int[] flags = new int[CAPACITY];
    private int size;

    static WordCache forThisThread() {
        return PER_THREAD.get();
    }

    /**
     * Slot of the lower case of the ASCII word text[from, to), whose lower-case {@link String#hashCode} is
     * {@code hash}; -1 if the word is too long to keep. A known {@link Lexicon} word keeps the Lexicon's String.
     */
    int slot(char[] text, int from, int to, int hash) {
        int len = to - from;
        if (len > MAX_LENGTH) return -1;
        int mask = CAPACITY - 1;
        int i = spread(hash) & mask;
        for (; words[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == hash && chars[i].length == len && sameLowerAscii(chars[i], text, from)) return i;
        }
        if (size >= MAX_WORDS) {
            clear();
            i = spread(hash) & mask;
        }
        int known = Lexicon.slot(text, from, to, hash);
        if (known >= 0) {
            words[i] = Lexicon.word(known);
            chars[i] = Lexicon.chars(known);
            flags[i] = Lexicon.flags(known);
        } else {
            chars[i] = lowerAscii(text, from, to);
            words[i] = new String(chars[i]);
            flags[i] = 0;
        }
        hashes[i] = hash;
        size++;
        return i;
    }

    String word(int slot) {
        return words[slot];
    }

    int flags(int slot) {
        return flags[slot];
    }

    private void clear() {
        Arrays.fill(words, null);
        Arrays.fill(chars, null);
        size = 0;
    }

    /**
     * The hash's high bits mixed into the low ones the table uses: String hash codes of short words that share
     * an ending differ little in their low bits, and linear probing turns that into long runs.
     */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static char[] lowerAscii(char[] text, int from, int to) {
        char[] w = new char[to - from];
        for (int j = from; j < to; j++) {
            char c = text[j];
            w[j - from] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return w;
    }

    private static boolean sameLowerAscii(char[] w, char[] text, int from) {
        for (int j = 0; j < w.length; j++) {
            char c = text[from + j];
            if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
            if (w[j] != c) return false;
        }
        return true;
    }
}

package io.claimstream.extract;

/**
 * A 64-bit SimHash of an article's body text, to tell copies of one wire story (near-identical text carried by
 * different outlets) from independently written coverage of the same event.
 *
 * <p>The text is normalised to lower case words (maximal runs of letters and digits); the features are the word
 * 3-shingles (every three consecutive words), each hashed to 64 bits (FNV-1a per word, combined and finished with
 * murmur3's fmix64). Bit i of the fingerprint is set when more features have bit i set than not. Edits change only
 * the shingles they touch, so an edited copy keeps most bits; an independent text shares few shingles and lands at
 * about 32 bits' distance, as two random 64-bit numbers do. The threshold that separates the two, and the
 * measurements it was chosen from, are in consensus/README-consensus.md ({@code consensus.story.distance}).
 *
 * <p>{@link #UNKNOWN} (0) is returned for a text with fewer than {@link #MIN_WORDS} words: too short to tell a copy
 * from two outlets' one-line summaries of the same fact. A computed fingerprint of 0 is returned as 1, so 0 keeps
 * meaning "unknown". Pure; it runs on every article, so ASCII is read without Character lookups.
 */
public final class StoryFingerprint {
    /** No fingerprint: never counted as a copy of anything. */
    public static final long UNKNOWN = 0L;
    /** Texts with fewer words get {@link #UNKNOWN}. */
    public static final int MIN_WORDS = 40;

    private StoryFingerprint() {}

    /** The SimHash of {@code text}, or {@link #UNKNOWN} when it is null or shorter than {@link #MIN_WORDS} words. */
    public static long of(CharSequence text) {
        if (text == null) return UNKNOWN;
        // How many features have each bit set, as 64 counters side by side: counter bit j of all 64 counters lives
        // in word[j], and adding a feature is a ripple-carry add across the words (two steps on average), where a
        // counter per bit cost 64 steps per word of text. Bit b of the fingerprint is set when its count is a
        // majority of the features.
        long[] counters = new long[32];
        int features = 0;
        long w1 = 0, w2 = 0;
        int words = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            // next word: a maximal run of letters/digits (code points), lower-cased; ASCII without lookups
            int cp;
            while (i < n && !isWordChar(cp = codePointAt(text, i, n))) i += Character.charCount(cp);
            if (i >= n) break;
            long h = 0xcbf29ce484222325L; // FNV-1a offset basis
            while (i < n) {
                cp = codePointAt(text, i, n);
                if (!isWordChar(cp)) break;
                h = (h ^ lower(cp)) * 0x100000001b3L;
                i += Character.charCount(cp);
            }
            words++;
            if (words >= 3) {
                long feature = shingle(w1, w2, h);
                features++;
                long carry = feature;
                for (int j = 0; carry != 0; j++) {
                    long overflow = counters[j] & carry;
                    counters[j] ^= carry;
                    carry = overflow;
                }
            }
            w1 = w2;
            w2 = h;
        }
        if (words < MIN_WORDS) return UNKNOWN;
        long fingerprint = 0;
        for (int b = 0; b < 64; b++) {
            long ones = 0;
            for (int j = 0; j < counters.length; j++) ones |= ((counters[j] >>> b) & 1L) << j;
            if (2 * ones > features) fingerprint |= 1L << b;
        }
        return fingerprint == UNKNOWN ? 1L : fingerprint;
    }

    private static int codePointAt(CharSequence text, int i, int n) {
        char c = text.charAt(i);
        return c < 0x80 || !Character.isHighSurrogate(c) || i + 1 >= n ? c : Character.codePointAt(text, i);
    }

    private static boolean isWordChar(int cp) {
        if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        return Character.isLetterOrDigit(cp);
    }

    private static int lower(int cp) {
        if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
        return Character.toLowerCase(cp);
    }

    /** Number of differing bits. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** A 64-bit hash of a whole string (FNV-1a over its chars, finished with fmix64): not a fingerprint. */
    public static long hash(CharSequence s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) h = (h ^ s.charAt(i)) * 0x100000001b3L;
        return fmix64(h ^ s.length());
    }

    /** The hash of the ordered word triple (a, b, c). */
    private static long shingle(long a, long b, long c) {
        return fmix64(fmix64(fmix64(a) * 31 + b) * 31 + c);
    }

    /** murmur3's 64-bit finaliser: every input bit affects every output bit. */
    static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}

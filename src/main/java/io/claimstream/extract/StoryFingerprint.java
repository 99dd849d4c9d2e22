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
 * meaning "unknown". Pure, no allocation beyond the text's own scan.
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
        int[] votes = new int[64];
        long w1 = 0, w2 = 0;
        int words = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            // next word: a maximal run of letters/digits (code points), lower-cased
            while (i < n && !Character.isLetterOrDigit(Character.codePointAt(text, i))) i += Character.charCount(Character.codePointAt(text, i));
            if (i >= n) break;
            long h = 0xcbf29ce484222325L; // FNV-1a offset basis
            while (i < n) {
                int cp = Character.codePointAt(text, i);
                if (!Character.isLetterOrDigit(cp)) break;
                h = (h ^ Character.toLowerCase(cp)) * 0x100000001b3L;
                i += Character.charCount(cp);
            }
            words++;
            if (words >= 3) {
                long feature = shingle(w1, w2, h);
                for (int b = 0; b < 64; b++) votes[b] += ((feature >>> b) & 1L) != 0 ? 1 : -1;
            }
            w1 = w2;
            w2 = h;
        }
        if (words < MIN_WORDS) return UNKNOWN;
        long fingerprint = 0;
        for (int b = 0; b < 64; b++) if (votes[b] > 0) fingerprint |= 1L << b;
        return fingerprint == UNKNOWN ? 1L : fingerprint;
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

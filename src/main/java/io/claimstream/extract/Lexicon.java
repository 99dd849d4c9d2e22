package io.claimstream.extract;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Word classes of {@link EntityFinder} as bit flags, looked up once per token when the text is cut, so name
 * finding asks a bit instead of several sets per token.
 */
final class Lexicon {
    private Lexicon() {}

    static final int NOT_NAMES = 1, TITLES = 2, DESCRIPTORS = 4, GENERIC_HEADS = 8, DESCRIPTIVE_HEADS = 16, SUFFIXES = 32;

    private static final Map<String, Integer> FLAGS = new HashMap<>();

    static {
        add(EntityFinder.NOT_NAMES, NOT_NAMES);
        add(EntityFinder.TITLES, TITLES);
        add(EntityFinder.DESCRIPTORS, DESCRIPTORS);
        add(EntityFinder.GENERIC_HEADS, GENERIC_HEADS);
        add(EntityFinder.DESCRIPTIVE_HEADS, DESCRIPTIVE_HEADS);
        add(EntityFinder.SUFFIXES, SUFFIXES);
    }

    private static void add(Set<String> words, int flag) {
        for (String w : words) FLAGS.merge(w, flag, (a, b) -> a | b);
    }

    static int flags(String lower) {
        Integer f = FLAGS.get(lower);
        return f == null ? 0 : f;
    }
}

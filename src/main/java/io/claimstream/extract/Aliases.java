package io.claimstream.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Optional user aliases, one per line: {@code Alias Name = slug} ('#' starts a comment). A name found in an
 * article that equals an alias (case and spacing ignored, corporate suffixes dropped) gets that slug. Nothing in
 * the extractor depends on aliases being present.
 */
public final class Aliases {
    private static final Aliases NONE = new Aliases(Map.of());
    private final Map<String, String> bySurface;

    private Aliases(Map<String, String> bySurface) {
        this.bySurface = bySurface;
    }

    public static Aliases none() {
        return NONE;
    }

    public static Aliases load(Path file) {
        try {
            Map<String, String> m = new HashMap<>();
            int n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                int hash = line.indexOf('#');
                if (hash >= 0) line = line.substring(0, hash);
                if (line.isBlank()) continue;
                int eq = line.indexOf('=');
                if (eq < 0) throw new IllegalArgumentException(file + ":" + n + ": expected 'Alias Name = slug'");
                String name = key(line.substring(0, eq));
                String slug = EntityFinder.slugify(line.substring(eq + 1).trim());
                if (name.isEmpty() || slug.isEmpty()) throw new IllegalArgumentException(file + ":" + n + ": empty alias or slug");
                m.put(name, slug);
            }
            return new Aliases(Collections.unmodifiableMap(m));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Convenience for tests and callers that hold aliases in memory. */
    public static Aliases of(Map<String, String> aliasToSlug) {
        Map<String, String> m = new HashMap<>();
        aliasToSlug.forEach((k, v) -> m.put(key(k), EntityFinder.slugify(v)));
        return new Aliases(Collections.unmodifiableMap(m));
    }

    /** No aliases loaded: callers can skip building the names to look up. */
    boolean isEmpty() {
        return bySurface.isEmpty();
    }

    /** The slug for a name, or null. Looks up the name as written and its suffix-free core. */
    String slugFor(String name, String core) {
        if (bySurface.isEmpty()) return null;
        String s = bySurface.get(key(name));
        return s != null ? s : bySurface.get(key(core));
    }

    private static String key(String s) {
        return s.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}

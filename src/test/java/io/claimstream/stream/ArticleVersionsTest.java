package io.claimstream.stream;

import io.claimstream.stream.ArticleVersions.Plan;
import io.claimstream.stream.ArticleVersions.Version;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleVersionsTest {

    static Version version(long revision, long hash, String... keys) {
        return new Version(revision, 1_000, "wire.example", "https://wire.example/7", hash, List.of(keys));
    }

    @Test
    void theStoredFormRoundTripsEscapesAndNulls() {
        List<Version> versions = List.of(
                new Version(-5, 7, "a\tb\\c\nd", null, -1L, List.of("x:y", "we\\ird\tkey")),
                new Version(Long.MAX_VALUE, Long.MIN_VALUE, "\\N", "", 0x1234L, List.of()));
        String stored = ArticleVersions.encode(versions);
        assertThat(stored).startsWith(ArticleVersions.HEADER + "\n").doesNotContain("\n\n");
        assertThat(stored.split("\n")).hasSize(3);
        assertThat(ArticleVersions.decode(stored)).isEqualTo(versions);
    }

    @Test
    void theOldFormIsOneVersionOlderThanAnyNewOne() {
        List<Version> old = ArticleVersions.decode("acme>widget:deal_value\nwidget:revenue:2024");
        assertThat(old).singleElement().satisfies(v -> {
            assertThat(v.revision()).isEqualTo(Long.MIN_VALUE);
            assertThat(v.keys()).containsExactly("acme>widget:deal_value", "widget:revenue:2024");
        });
        Plan p = ArticleVersions.add(old, version(0, 42, "acme>widget:deal_value"));
        assertThat(p).isNotNull();
        assertThat(p.ownRetractions()).extracting(ArticleVersions.Retraction::key).containsExactly("widget:revenue:2024");
        assertThat(p.laterRetractions()).isEmpty();
        assertThat(ArticleVersions.decode(null)).isEmpty();
    }

    @Test
    void aRefetchIsTheSameHashAsTheNearestVersionAtOrBeforeIt() {
        List<Version> stored = List.of(version(10, 1, "k"), version(20, 2, "k"));
        assertThat(ArticleVersions.add(stored, version(25, 2, "k"))).isNull();
        assertThat(ArticleVersions.add(stored, version(20, 2, "k"))).isNull(); // redelivery
        assertThat(ArticleVersions.add(stored, version(15, 1, "k"))).isNull();
        // the text went back to version 10's after version 20: a new version, not a re-fetch
        assertThat(ArticleVersions.add(stored, version(25, 1, "k"))).isNotNull();
    }

    @Test
    void atMostSixteenVersionsAreKeptTheOldestDropped() {
        List<Version> stored = new ArrayList<>();
        for (int i = 0; i < 20; i++) stored = ArticleVersions.add(stored, version(i, 100 + i, "k" + (i % 3))).versions();
        assertThat(stored).hasSize(ArticleVersions.MAX_VERSIONS);
        assertThat(stored.get(0).revision()).isEqualTo(20 - ArticleVersions.MAX_VERSIONS);
        assertThat(ArticleVersions.decode(ArticleVersions.encode(stored))).isEqualTo(stored);
    }

    // ---- arrival order ----------------------------------------------------------------------------------------

    /** What reaches consensus: a claim or retraction of a key at a position. */
    record Out(boolean retraction, String key, long eventTime, long revision) {}

    static Set<Out> arrive(List<Version> order) {
        List<Version> stored = List.of();
        Set<Out> out = new HashSet<>();
        for (Version v : order) {
            Plan p = ArticleVersions.add(stored, v);
            if (p == null) continue;
            for (String k : v.keys()) out.add(new Out(false, k, v.eventTime(), v.revision()));
            for (var r : p.ownRetractions()) out.add(new Out(true, r.key(), r.at().eventTime(), r.at().revision()));
            for (var r : p.laterRetractions()) out.add(new Out(true, r.key(), r.at().eventTime(), r.at().revision()));
            stored = p.versions();
        }
        return out;
    }

    @Provide
    Arbitrary<List<Version>> versionSets() {
        Arbitrary<List<String>> keys = Arbitraries.of("a", "b", "c", "d").set().ofMaxSize(4).map(s -> s.stream().sorted().toList());
        return keys.list().ofMinSize(1).ofMaxSize(7).map(ks -> {
            List<Version> vs = new ArrayList<>();
            for (int i = 0; i < ks.size(); i++) { // distinct revisions and texts
                vs.add(new Version(100 + i, 1_000 + (i % 2), "wire.example", null, 1_000 + i, ks.get(i)));
            }
            return vs;
        });
    }

    @Property(tries = 300)
    void anyArrivalOrderForwardsWhatRevisionOrderForwards(@ForAll("versionSets") List<Version> versions,
                                                         @ForAll Random random) {
        List<Version> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparingLong(Version::revision));
        List<Version> shuffled = new ArrayList<>(versions);
        Collections.shuffle(shuffled, random);
        assertThat(arrive(shuffled)).isEqualTo(arrive(sorted));
    }
}

package io.claimstream.extract;

import io.claimstream.model.ArticleText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No catastrophic or polynomial backtracking, in the extractor's one regular expression ({@code \s+} in
 * {@link Aliases}) or in its hand-written scanners (sentences, quantities, names, cue words): for inputs built to
 * make a scanner re-read what it has already read, four times the input costs about four times the time, never
 * sixteen (quadratic) or worse.
 *
 * <p>Measured as a ratio of CPU time of this thread (not wall time: the machine may be busy with other work), the
 * best of five runs at each size, with n grown until time(n) is several milliseconds, so the outcome does not depend
 * on the machine's speed or load; a ratio over the limit is measured again (twice at most) before it fails.
 */
class ExtractionLinearityTest {
    private static final ClaimExtractor EXTRACTOR = new ClaimExtractor();
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    /** Linear is 4; quadratic is 16. Allow for caches, allocation and JIT noise. */
    private static final double MAX_RATIO = 10;
    private static final long MIN_BASE_NANOS = 8_000_000;
    private static final int MAX_N = 400_000;

    static Stream<Arguments> pathological() {
        return Stream.of(
                family("a run of digits", n -> "1".repeat(n)),
                family("digits with thousands separators", n -> "1,".repeat(n / 2)),
                family("digits with decimal points", n -> "1.".repeat(n / 2)),
                family("currency signs without figures", n -> "$".repeat(n)),
                family("money without a unit word", n -> "$1 ".repeat(n / 3)),
                family("money ranges chained", n -> "$1-".repeat(n / 3)),
                family("percent signs chained", n -> "1%".repeat(n / 2)),
                family("scale words without figures", n -> "billion ".repeat(n / 8)),
                family("hedges without figures", n -> "about more than up to ".repeat(n / 22)),
                family("capitalised words, no sentence end", n -> "Aa ".repeat(n / 3)),
                family("company suffixes, no sentence end", n -> "Acme Corp. Inc. ".repeat(n / 16)),
                family("abbreviations that look like sentence ends", n -> "A. ".repeat(n / 3)),
                family("one long word", n -> "a".repeat(n)),
                family("open brackets", n -> "(".repeat(n)),
                family("open quotes", n -> "\"".repeat(n)),
                family("dashes", n -> "- ".repeat(n / 2)),
                family("whitespace", n -> " \t\n\u00a0".repeat(n / 4)),
                family("one sentence, many names and figures",
                        n -> "Acme Corp. will invest $1 billion in Beta Labs and ".repeat(n / 52)),
                family("one sentence, many figures and one cue",
                        n -> "Acme valued Beta at " + "$1 billion, ".repeat(n / 12)),
                family("many short deal sentences", n -> "Acme Corp. will invest $1 billion in Beta Labs. ".repeat(n / 49)));
    }

    private static Arguments family(String name, IntFunction<String> text) {
        return Arguments.of(name, text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathological")
    void extractionTimeGrowsLinearly(String name, IntFunction<String> text) {
        // Large enough that time(n) is well above timer and JIT noise (a few milliseconds of CPU).
        int n = 25_000;
        for (int i = 0; i < 3; i++) cpuNanos(text.apply(n)); // warm up the JIT on this shape
        long small = best(text.apply(n));
        while (small < MIN_BASE_NANOS && n < MAX_N) {
            n *= 2;
            small = best(text.apply(n));
        }
        long large = best(text.apply(4 * n));
        double ratio = (double) large / Math.max(small, 1);
        // A busy machine (a collection, another process's cache pressure) can push one linear measurement past the
        // limit; a quadratic scanner is past it every time. So the pair is measured again, at most twice.
        for (int again = 0; again < 2 && ratio >= MAX_RATIO; again++) {
            small = best(text.apply(n));
            large = best(text.apply(4 * n));
            ratio = Math.min(ratio, (double) large / Math.max(small, 1));
        }
        assertThat(ratio).as(name + ": time(4n)/time(n) for n = " + n + " chars, time(n) = " + small / 1_000
                        + " us, time(4n) = " + large / 1_000 + " us")
                .isLessThan(MAX_RATIO);
    }

    private static long best(String text) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) best = Math.min(best, cpuNanos(text));
        return best;
    }

    private static long cpuNanos(String text) {
        ArticleText article = new ArticleText("pathological", null, null, null, null, text);
        long start = CPU.getCurrentThreadCpuTime();
        EXTRACTOR.extract(article);
        return CPU.getCurrentThreadCpuTime() - start;
    }
}

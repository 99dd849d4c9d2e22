package io.claimstream.extract;

import io.claimstream.model.ArticleText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Throughput of {@link ClaimExtractor} on one thread. Not a unit test: run with
 * {@code mvn -q test-compile exec:java}-style tooling or plainly:
 * {@code java -cp target/classes:target/test-classes io.claimstream.extract.ExtractionBench [iterations]}.
 * Generates varied deal coverage (~3 KB an article, invented names, figures in many formats), warms up, times
 * N passes over the corpus and prints mean MB/s with a 95% interval; writes target/bench-extraction.json.
 */
public final class ExtractionBench {
    private static final String[] SYL = {"ka", "lo", "vex", "tri", "nor", "dal", "quin", "sor", "bel", "mar", "zen",
            "tor", "lum", "ra", "cor", "pix", "ven", "tal", "or", "sy"};
    private static final String[] SUFFIX = {" Inc.", " Corp.", " Holdings", " Group", " plc", " Ltd", "", "", " AI",
            " Labs", " Systems", " Technologies"};
    private static final String[] CUR = {"$%s billion", "$%sbn", "US$%s billion", "€%s billion", "£%sm",
            "%s billion dollars", "Rs %s crore", "¥%s trillion", "$%sB"};
    private static final String[] BOUND = {"", "about ", "approximately ", "roughly ", "more than ", "up to ",
            "nearly ", "at least ", "around "};
    private static final String[] VERB = {"plans to invest", "invested", "will invest", "could invest",
            "intends to invest", "is in talks to invest", "has agreed to invest", "aims to invest"};
    private static final String[] FILLER = {
            "The move comes as competition for talent and computing power intensifies across the sector.",
            "Executives declined to comment on the timing, citing ongoing regulatory reviews in several markets.",
            "People familiar with the matter said the terms had not been finalised and could still change.",
            "The company has expanded rapidly over the past three years, opening offices in London and Singapore.",
            "Shares of the group have risen 18% since January, outpacing the broader market.",
            "Share this article\nFacebook Twitter LinkedIn Email",
            "NASDAQ: ABCD +1.25%  XYZ -0.40%",
            "Analysts at several brokers said the valuation looked stretched relative to peers.",
            "The firm employs about 4,500 people and was founded in 2012 by two former engineers.",
            "Regulators in Brussels and Washington are expected to scrutinise the transaction closely.",
            "The chief executive told staff in a memo on Friday that the partnership would not change day-to-day operations.",
            "Critics argue that such tie-ups concentrate too much power in the hands of a few large platforms.",
            "The talks began in March after a chance meeting at an industry conference in San Francisco.",
            "Its customers include carmakers, hospitals and several government agencies in Europe and Asia.",
            "Related coverage: How the race for data is reshaping the industry (Published 3 hours ago)"};

    public static void main(String[] args) throws IOException {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<ArticleText> corpus = corpus(2000, 42);
        long bytes = 0;
        for (ArticleText a : corpus) bytes += a.text().getBytes(StandardCharsets.UTF_8).length;
        ClaimExtractor x = new ClaimExtractor();
        long sink = 0;
        for (int w = 0; w < 5; w++) for (ArticleText a : corpus) sink += x.extract(a).size();
        // CPU time of this thread as well as wall time: on a shared machine the wall clock measures the neighbours
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] mbps = new double[iterations];
        double[] cpuMbps = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            long c0 = cpu.getCurrentThreadCpuTime();
            for (ArticleText a : corpus) sink += x.extract(a).size();
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpuSecs = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
            mbps[i] = bytes / 1e6 / secs;
            cpuMbps[i] = bytes / 1e6 / cpuSecs;
        }
        double[] cpuStats = stats(cpuMbps);
        double mean = 0;
        for (double v : mbps) mean += v;
        mean /= iterations;
        double var = 0;
        for (double v : mbps) var += (v - mean) * (v - mean);
        double sd = Math.sqrt(var / Math.max(1, iterations - 1));
        double ci = 1.96 * sd / Math.sqrt(iterations);
        double claimsPerArticle = (double) sink / (corpus.size() * (5 + iterations));
        String json = String.format(Locale.ROOT,
                "{\"benchmark\":\"extraction\",\"version\":\"%s\",\"articles\":%d,\"bytes\":%d,\"iterations\":%d,"
                        + "\"mean_mb_per_s\":%.2f,\"ci95_mb_per_s\":%.2f,\"stddev_mb_per_s\":%.2f,"
                        + "\"cpu_mean_mb_per_s\":%.2f,\"cpu_ci95_mb_per_s\":%.2f,"
                        + "\"claims_per_article\":%.2f,\"java\":\"%s\",\"cpus\":%d,\"load_average\":%.2f}%n",
                ClaimExtractor.VERSION, corpus.size(), bytes, iterations, mean, ci, sd, cpuStats[0], cpuStats[1],
                claimsPerArticle, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "extraction: %.2f ± %.2f MB/s wall, %.2f ± %.2f MB/s per CPU-second "
                        + "(95%% CI, %d iterations over %d articles, %.1f MB)%n",
                mean, ci, cpuStats[0], cpuStats[1], iterations, corpus.size(), bytes / 1e6);
        Path out = Path.of("target", "bench-extraction.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json);
        System.out.print(json);
    }

    /** Mean and 95% half-interval. */
    private static double[] stats(double[] v) {
        double mean = 0;
        for (double d : v) mean += d;
        mean /= v.length;
        double var = 0;
        for (double d : v) var += (d - mean) * (d - mean);
        double sd = Math.sqrt(var / Math.max(1, v.length - 1));
        return new double[] {mean, 1.96 * sd / Math.sqrt(v.length)};
    }

    static List<ArticleText> corpus(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<ArticleText> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(new ArticleText("bench-" + i, "bench", null, null, null, article(r)));
        return out;
    }

    private static String name(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        int parts = 2 + r.nextInt(2);
        for (int i = 0; i < parts; i++) b.append(SYL[r.nextInt(SYL.length)]);
        b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        return b.toString();
    }

    private static String money(SplittableRandom r) {
        String num = r.nextBoolean() ? String.valueOf(1 + r.nextInt(90)) : String.format(Locale.ROOT, "%.1f", 1 + r.nextDouble() * 50);
        return BOUND[r.nextInt(BOUND.length)] + String.format(CUR[r.nextInt(CUR.length)], num);
    }

    static String article(SplittableRandom r) {
        String buyer = name(r), target = name(r), third = name(r), other = name(r);
        String buyerFull = buyer + SUFFIX[r.nextInt(SUFFIX.length)];
        StringBuilder b = new StringBuilder(3200);
        b.append(buyer).append(" weighs bet on ").append(target).append('\n');
        while (b.length() < 3000) {
            // about half the sentences are prose without deal figures, as in real coverage
            switch (r.nextInt(14)) {
                case 0 -> b.append(buyerFull).append(' ').append(VERB[r.nextInt(VERB.length)]).append(' ')
                        .append(money(r)).append(" in ").append(target).append(", according to Reuters. ");
                case 1 -> b.append("The deal would value ").append(target).append(" at ").append(money(r))
                        .append(" and give ").append(buyer).append(" a ").append(5 + r.nextInt(60))
                        .append(r.nextBoolean() ? "% stake. " : " per cent stake. ");
                case 2 -> b.append(target).append(" was previously valued at ").append(money(r))
                        .append(" in its last funding round. ");
                case 3 -> b.append("The company's revenue in ").append(2019 + r.nextInt(6)).append(" was ")
                        .append(money(r)).append(", and it expects sales of ").append(money(r)).append(" next year. ");
                case 4 -> b.append(third).append(" has backed ").append(other).append(" with ").append(money(r))
                        .append(", while ").append(buyer).append(" declined to comment. ");
                case 5 -> b.append(buyer).append(" agreed to buy ").append(other).append(" for $")
                        .append(10 + r.nextInt(90)).append('.').append(10 + r.nextInt(89)).append(" a share in cash. ");
                case 6 -> b.append("Between ").append(money(r)).append(" and ").append(money(r))
                        .append(" could be raised, the startup said. ");
                default -> b.append(FILLER[r.nextInt(FILLER.length)]).append(' ');
            }
            if (r.nextInt(4) == 0) b.append('\n');
        }
        return b.toString();
    }
}

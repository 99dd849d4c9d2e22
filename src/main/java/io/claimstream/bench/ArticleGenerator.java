package io.claimstream.bench;

import io.claimstream.avro.Article;

import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic deal coverage for the benchmark: article {@code i} is a pure function of (seed, i), so a
 * million articles are generated one at a time without holding them.
 *
 * <p>The universe: {@code deals} deals, each between two invented companies (distinct names per deal), with its own
 * investment amount, stake, valuation, previous valuation, revenue and currency. Coverage is skewed as news is: the
 * deal of article {@code i} is drawn with density falling as 1/sqrt(rank), so a few stories get hundreds or
 * thousands of articles and most a handful. 60 outlets; each article is ~3 KB: a headline, 4–8 figure sentences
 * from varied templates (exact, hedged, bounds, ranges, speculative and projected wording, figures in several
 * formats), and prose without figures between them. A deal's figures are revised twice over the run (rumour,
 * announcement, final terms), so later coverage moves them. About 2% of articles carry a publication time up to a
 * day before their position (late coverage).
 */
public final class ArticleGenerator {
    /** Event time of article 0; article i is published 30 s after article i-1 (before jitter). */
    public static final long EPOCH = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    public static final long SPACING_MS = 30_000;

    private static final String[] SYL = {"ka", "lo", "vex", "tri", "nor", "dal", "quin", "sor", "bel", "mar", "zen",
            "tor", "lum", "ra", "cor", "pix", "ven", "tal", "dor", "syn", "bri", "fen", "gal", "hex", "jun", "kel",
            "mo", "nex", "pra", "ruv"};
    private static final String[] SUFFIX = {" Inc.", " Corp.", " Holdings", " Group", " plc", " Ltd", "", "", " AI",
            " Labs", " Systems", " Technologies", " Energy", " Bio", " Capital"};
    private static final String[] OUTLETS;
    static {
        String[] roots = {"reuters", "bloomberg", "ft", "wsj", "cnbc", "techcrunch", "theinformation", "axios",
                "nikkei", "handelsblatt", "lesechos", "economictimes", "scmp", "guardian", "nytimes", "wired",
                "businessinsider", "forbes", "fortune", "marketwatch"};
        String[] tlds = {".com", ".co.uk", ".net"};
        OUTLETS = new String[60];
        for (int i = 0; i < OUTLETS.length; i++) OUTLETS[i] = roots[i % roots.length] + tlds[i / roots.length];
    }
    private static final String[] NOISE = {
            "The move comes as competition for engineers and computing power intensifies across the sector.",
            "Executives declined to comment on the timing, citing ongoing regulatory reviews in several markets.",
            "People familiar with the matter said the terms had not been finalised and could still change.",
            "The company has expanded rapidly over the past three years, opening offices in London and Singapore.",
            "Analysts said the structure of the agreement looked designed to avoid a lengthy antitrust review.",
            "Share this article\nFacebook Twitter LinkedIn Email",
            "Regulators in Brussels and Washington are expected to scrutinise the transaction closely.",
            "The chief executive told staff in a memo on Friday that day-to-day operations would not change.",
            "Critics argue that such tie-ups concentrate too much power in the hands of a few large platforms.",
            "The talks began in the spring after a meeting at an industry conference in San Francisco.",
            "Its customers include carmakers, hospitals and several government agencies in Europe and Asia.",
            "Related coverage: How the race for data is reshaping the industry (Published 3 hours ago)",
            "Sign up for our newsletter to get the latest deal news delivered to your inbox every morning.",
            "Both boards are expected to meet next week, and a formal announcement could follow shortly after.",
            "The founders will stay on, according to a person briefed on the plans who asked not to be named.",
            "Union representatives said they would seek assurances about jobs at the main research site.",
            "The deal is the latest in a string of tie-ups as incumbents look to buy rather than build.",
            "Advisers on the transaction include two Wall Street banks and a London law firm.",
            "Employees learned of the talks from news reports, one staff member said on condition of anonymity.",
            "Competition lawyers noted that the authorities have recently taken a tougher line on such deals.",
            "Photo: the company's headquarters. Credit: Getty Images",
            "The startup has not disclosed the names of its other investors, and did not respond to a request for comment.",
            "Market reaction was muted, with investors awaiting details of financing and governance.",
            "This story has been updated with additional details from the company's statement."};

    private final long seed;
    private final long deals;

    /** @param deals size of the deal universe; the bench uses max(50, articles / 8) */
    public ArticleGenerator(long seed, long deals) {
        if (deals < 1) throw new IllegalArgumentException("deals must be positive");
        this.seed = seed;
        this.deals = deals;
    }

    public static ArticleGenerator forArticles(long seed, long articles) {
        return new ArticleGenerator(seed, Math.max(50, articles / 8));
    }

    /** Article {@code i} of the skewed coverage. */
    public Article article(long i) {
        SplittableRandom r = new SplittableRandom(mix(seed, i));
        // density ∝ 1/sqrt(rank): rank = deals · u²
        double u = r.nextDouble();
        long deal = Math.min(deals - 1, (long) (deals * u * u));
        long published = EPOCH + i * SPACING_MS;
        if (r.nextInt(50) == 0) published -= r.nextLong(86_400_000L);
        // three phases of a story: rumour, announcement, final terms
        long total = Math.max(1, deals * 8);
        int phase = (int) Math.min(2, (3 * (i % total)) / total);
        return write("a" + i, r, dealOf(deal), phase, published, false);
    }

    /**
     * Article {@code i} of the latency run: a deal nobody has covered before, with exact figures, so its first
     * claim on each key is a change (null → figure). Ids and names are disjoint from {@link #article}'s.
     */
    public Article moving(long i) {
        SplittableRandom r = new SplittableRandom(mix(seed ^ 0x5DEECE66DL, i));
        Deal d = dealOf(deals + 1_000_000L + i);
        return write("m" + i, r, d, 2, EPOCH + i * SPACING_MS, true);
    }

    // ---------------------------------------------------------------------------------------------------------

    private record Deal(String buyer, String buyerFull, String target, double amount, int stake, double valuation,
                        double previous, int year, double revenue, int currency) {}

    private Deal dealOf(long d) {
        SplittableRandom r = new SplittableRandom(mix(seed * 31 + 7, d));
        String buyer = name(2 * d), target = name(2 * d + 1);
        double valuation = round3((1 + r.nextInt(400)) * Math.pow(10, 8 + r.nextInt(2)) / 10); // $10M .. $40B
        int stake = 5 + r.nextInt(60);
        double amount = round3(valuation * stake / 100);
        double previous = round3(valuation * (0.3 + 0.5 * r.nextDouble()));
        double revenue = round3(valuation * (0.02 + 0.1 * r.nextDouble()));
        int currency = r.nextInt(10) < 8 ? 0 : 1 + r.nextInt(2); // mostly dollars, some euros and pounds
        return new Deal(buyer, buyer + SUFFIX[r.nextInt(SUFFIX.length)], target, amount, stake, valuation, previous,
                2021 + r.nextInt(5), revenue, currency);
    }

    private Article write(String id, SplittableRandom r, Deal d, int phase, long published, boolean exact) {
        String source = OUTLETS[r.nextInt(OUTLETS.length)];
        double revision = phase == 0 ? 1.0 + 0.2 * (r.nextDouble() - 0.5) : phase == 1 ? 1.0 : 0.95;
        double amount = round3(d.amount * revision), valuation = round3(d.valuation * revision);
        StringBuilder b = new StringBuilder(3300);
        String title = d.buyer + (r.nextBoolean() ? " bets on " : " in talks over stake in ") + d.target;
        b.append(title).append("\n\n");
        int figures = 0;
        while (b.length() < 2900) {
            if (figures == 0 || (figures < 8 && r.nextInt(4) == 0)) {
                figureSentence(b, r, d, amount, valuation, exact || figures == 0, figures);
                figures++;
            } else {
                b.append(NOISE[r.nextInt(NOISE.length)]).append(' ');
                if (r.nextInt(3) == 0) b.append(d.target).append(" was founded in ").append(1995 + r.nextInt(28))
                        .append(" and employs about ").append(100 + r.nextInt(9000)).append(" people. ");
            }
            if (r.nextInt(3) == 0) b.append("\n\n");
        }
        return Article.newBuilder().setId(id).setSource(source).setUrl("https://" + source + "/deals/" + id)
                .setTitle(title).setPublished(Instant.ofEpochMilli(published)).setText(b.toString()).build();
    }

    private void figureSentence(StringBuilder b, SplittableRandom r, Deal d, double amount, double valuation,
                                boolean exact, int n) {
        String cur = cur(d.currency);
        switch (exact ? n % 4 : r.nextInt(9)) {
            case 0 -> b.append(d.buyerFull).append(' ').append(pick(r, "will invest", "has agreed to invest", "invested",
                    "is investing")).append(' ').append(money(cur, amount)).append(" in ").append(d.target)
                    .append(", according to a statement. ");
            case 1 -> b.append("The deal values ").append(d.target).append(" at ").append(money(cur, valuation))
                    .append(" and gives ").append(d.buyer).append(" a ").append(d.stake)
                    .append(pick(r, "% stake. ", " per cent stake. ", " percent stake. "));
            case 2 -> b.append(d.target).append(" was previously valued at ").append(money(cur, d.previous))
                    .append(" in its last funding round. ");
            case 3 -> b.append(d.target).append(" reported revenue of ").append(money(cur, d.revenue))
                    .append(" in ").append(d.year).append(". ");
            case 4 -> b.append(d.buyer).append(' ').append(pick(r, "plans to invest about", "is expected to invest roughly",
                    "intends to invest approximately", "could invest more than", "may invest up to"))
                    .append(' ').append(money(cur, amount)).append(" in ").append(d.target).append(", ")
                    .append(pick(r, "people familiar with the matter said. ", "sources said. ", "Reuters reported. "));
            case 5 -> b.append("The investment, between ").append(money(cur, amount * 0.8)).append(" and ")
                    .append(money(cur, amount * 1.2)).append(", would value ").append(d.target).append(" at ")
                    .append(pick(r, "about ", "around ", "nearly ", "")).append(money(cur, valuation)).append(". ");
            case 6 -> b.append("Analysts said the deal could value ").append(d.target).append(" at as much as ")
                    .append(money(cur, valuation * 1.3)).append(". ");
            case 7 -> b.append(d.target).append(" expects revenue of ").append(money(cur, d.revenue * 1.6))
                    .append(" in ").append(d.year + 1).append(", the company said. ");
            default -> b.append(d.buyerFull).append(" will take a stake of ").append(pick(r, "about ", "roughly ", ""))
                    .append(d.stake).append("% in ").append(d.target).append(". ");
        }
    }

    private static String cur(int currency) {
        return switch (currency) { case 1 -> "€"; case 2 -> "£"; default -> "$"; };
    }

    /** $14.3 billion, $850 million, $2.5bn: the scale word and precision vary with the size. */
    static String money(String cur, double v) {
        if (v >= 1e9) {
            double bn = v / 1e9;
            String num = bn >= 10 ? String.format(Locale.ROOT, "%.1f", bn) : String.format(Locale.ROOT, "%.2f", bn);
            num = num.replaceAll("\\.?0+$", "");
            return cur + num + (num.length() % 2 == 0 ? "bn" : " billion");
        }
        long m = Math.round(v / 1e6);
        return cur + Math.max(1, m) + " million";
    }

    private static String pick(SplittableRandom r, String... options) {
        return options[r.nextInt(options.length)];
    }

    /** A distinct capitalised name per index (below 30⁵): a bijective scramble of it, spelled as syllables. */
    static String name(long k) {
        StringBuilder b = new StringBuilder();
        long x = Math.floorMod(k * 7919L, 24_300_000L) + 900; // 30⁵ names; 900 = 30²: three syllables at least
        while (x > 0) {
            b.insert(0, SYL[(int) (x % SYL.length)]);
            x /= SYL.length;
        }
        b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        return b.toString();
    }

    private static double round3(double v) {
        if (v <= 0) return v;
        double scale = Math.pow(10, Math.floor(Math.log10(v)) - 2);
        return Math.round(v / scale) * scale;
    }

    private static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package io.claimstream.alert;

import io.claimstream.avro.ConsensusChange;
import io.claimstream.avro.Figure;
import io.claimstream.model.Amounts;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An alert as a sentence a person wants to read:
 * {@code Meta→Scale AI investment: $15B (about) → $14.3B, per reuters.com, 'an enormous $14.3 billion investment in
 * Scale AI' (5 sources)}.
 */
public final class AlertMessage {
    /** Short words that stay lower case in a name; other one- and two-letter words are initialisms (AI, GE). */
    private static final Set<String> SMALL_WORDS = Set.of("of", "and", "the", "de", "la", "le", "du", "da", "di", "von", "van", "in", "on", "at", "by", "for", "to", "a");
    /** Evidence up to this long is quoted whole; longer evidence is cut to a window of WINDOW around the figure. */
    private static final int QUOTE_LIMIT = 100;
    private static final int WINDOW = 64;
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?");

    private AlertMessage() {}

    public static String render(ConsensusChange c) {
        StringBuilder s = new StringBuilder(name(c.getSubject()));
        if (c.getCounterparty() != null) s.append('→').append(name(c.getCounterparty()));
        s.append(' ').append(attribute(c.getAttribute(), c.getQualifier())).append(": ")
                .append(figure(c.getBefore(), c.getUnit())).append(" → ").append(c.getAfter() == null ? "withdrawn" : figure(c.getAfter(), c.getUnit()))
                .append(", per ").append(c.getTrigger().getSource());
        String quote = quote(c.getTrigger().getEvidence(), c.getAfter());
        if (!quote.isEmpty()) s.append(", '").append(quote).append('\'');
        s.append(" (").append(c.getSources()).append(c.getSources() == 1 ? " source)" : " sources)");
        if (c.getCorrection()) s.append(" [correction of an earlier figure]");
        return s.toString();
    }

    /** "scale-ai" → "Scale AI", "bank-of-america" → "Bank of America". */
    static String name(String slug) {
        String[] words = slug.split("[-_]+");
        for (int i = 0; i < words.length; i++) {
            String w = words[i].toLowerCase(Locale.ROOT);
            if (w.isEmpty()) continue;
            if (i > 0 && SMALL_WORDS.contains(w)) words[i] = w;
            else if (w.length() <= 2 && !SMALL_WORDS.contains(w)) words[i] = w.toUpperCase(Locale.ROOT);
            else words[i] = Character.toUpperCase(w.charAt(0)) + w.substring(1);
        }
        return String.join(" ", words);
    }

    static String attribute(String attribute, String qualifier) {
        String words = switch (attribute) {
            case "investment_amount" -> "investment";
            case "stake_percent" -> "stake";
            default -> attribute.replace('_', ' ');
        };
        if (qualifier == null || qualifier.isBlank()) return words;
        // "2024 revenue" reads better than "revenue (2024)"; other qualifiers keep to the end.
        return qualifier.matches("\\d{4}") ? qualifier + " " + words : words + " (" + qualifier + ")";
    }

    /** "$14.3B", "$15B (about)", "$29B (at least)", "$10B–$15B"; "none" before a key's first figure. */
    static String figure(Figure f, String unit) {
        if (f == null) return "none";
        String v = Amounts.format(f.getValue(), unit);
        return switch (f.getBound()) {
            case exact -> v;
            case approx -> v + " (about)";
            case at_least -> v + " (at least)";
            case at_most -> v + " (at most)";
            case range -> v + "–" + Amounts.format(f.getValueHigh() == null ? f.getValue() : f.getValueHigh(), unit);
        };
    }

    /**
     * The evidence, or when it is long, the words around the figure it states (the number nearest the new value),
     * with "…" where it was cut.
     */
    static String quote(String evidence, Figure after) {
        String e = evidence == null ? "" : evidence.strip().replaceAll("\\s+", " ");
        if (e.length() <= QUOTE_LIMIT) return e.replaceAll("[.;]$", "");
        int center = figureAt(e, after);
        int from = Math.max(0, center - WINDOW / 2);
        int to = Math.min(e.length(), from + WINDOW);
        from = Math.max(0, to - WINDOW);
        // A few words short of either end: take them rather than cut a name in two.
        if (e.length() - to <= 16) to = e.length();
        if (from <= 16) from = 0;
        // Whole words only.
        if (from > 0) from = e.indexOf(' ', from) + 1;
        if (to < e.length()) to = Math.max(from, e.lastIndexOf(' ', to));
        String cut = e.substring(from, to).strip().replaceAll("[,.;]$", "");
        return (from > 0 ? "…" : "") + cut + (to < e.length() ? "…" : "");
    }

    private static int figureAt(String e, Figure after) {
        if (after == null) return 0;
        double target = after.getValue();
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        Matcher m = NUMBER.matcher(e);
        while (m.find()) {
            double n;
            try {
                n = Double.parseDouble(m.group().replace(",", ""));
            } catch (NumberFormatException ignored) {
                continue;
            }
            // Compare in every scale a figure is written in ("14.3" billion, "14,300" million, "49" percent).
            for (double scale : new double[] {1, 1e3, 1e6, 1e9, 1e12}) {
                double d = Math.abs(n * scale - target) / Math.max(1, Math.abs(target));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = m.start();
                }
            }
        }
        return Math.max(best, 0);
    }
}

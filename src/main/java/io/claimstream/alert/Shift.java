package io.claimstream.alert;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The smallest move of a figure worth an alert: relative ({@code 5%}: five percent of the old figure), absolute in
 * the key's unit ({@code 100M}, {@code $2.5B}, {@code 1} for one percentage point of a stake), {@code any} move the
 * consensus reports, or {@code off} for keys that should never alert.
 */
public record Shift(Kind kind, double amount, String text) {
    public enum Kind { ANY, RELATIVE, ABSOLUTE, OFF }

    public static final Shift ANY = new Shift(Kind.ANY, 0, "any");
    private static final Pattern NUMBER = Pattern.compile("[$€£¥]?(\\d+(?:\\.\\d+)?)\\s*([kmbt]|%)?", Pattern.CASE_INSENSITIVE);

    public static Shift parse(String s) {
        String t = s.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.equals("any")) return ANY;
        if (lower.equals("off") || lower.equals("never")) return new Shift(Kind.OFF, 0, "off");
        Matcher m = NUMBER.matcher(lower.replace(",", ""));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + s + "' is not a shift: write 5% (relative), 100M or 2.5B (absolute, in the key's unit), any or off");
        }
        double n = Double.parseDouble(m.group(1));
        String suffix = m.group(2) == null ? "" : m.group(2);
        return switch (suffix) {
            case "%" -> new Shift(Kind.RELATIVE, n / 100, t);
            case "k" -> new Shift(Kind.ABSOLUTE, n * 1e3, t);
            case "m" -> new Shift(Kind.ABSOLUTE, n * 1e6, t);
            case "b" -> new Shift(Kind.ABSOLUTE, n * 1e9, t);
            case "t" -> new Shift(Kind.ABSOLUTE, n * 1e12, t);
            default -> new Shift(Kind.ABSOLUTE, n, t);
        };
    }

    /**
     * Whether a move from {@code before} to {@code after} is at least this shift. A figure appearing for the first
     * time (before null) is not a move; a figure withdrawn (after null) is the largest move there is.
     */
    public boolean reached(Double before, Double after) {
        if (kind == Kind.OFF || before == null) return false;
        if (after == null) return true;
        double delta = Math.abs(after - before);
        return switch (kind) {
            case ANY -> delta > 0;
            case ABSOLUTE -> delta >= amount;
            case RELATIVE -> before == 0 ? delta > 0 : delta / Math.abs(before) >= amount;
            case OFF -> false;
        };
    }
}

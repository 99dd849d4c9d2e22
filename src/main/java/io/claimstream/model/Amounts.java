package io.claimstream.model;

import java.util.Locale;

/** Figures as people write them: "$14.3B", "€500M", "49%". Shared by the terminal output and the alerts. */
public final class Amounts {
    private Amounts() {}

    public static String format(double v, String unit) {
        if ("percent".equals(unit)) return trim(v) + "%";
        String symbol = switch (unit == null ? "" : unit) {
            case "USD" -> "$";
            case "EUR" -> "€";
            case "GBP" -> "£";
            case "JPY" -> "¥";
            default -> unit + " ";
        };
        double a = Math.abs(v);
        if (a >= 1e12) return symbol + trim(v / 1e12) + "T";
        if (a >= 1e9) return symbol + trim(v / 1e9) + "B";
        if (a >= 1e6) return symbol + trim(v / 1e6) + "M";
        if (a >= 1e3) return symbol + trim(v / 1e3) + "K";
        return symbol + trim(v);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}

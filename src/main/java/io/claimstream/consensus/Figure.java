package io.claimstream.consensus;

import io.claimstream.model.Bound;

/**
 * A figure as it is stated: {@code value} (the low end of a range), {@code valueHigh} (ranges only, else null)
 * and its {@link Bound}.
 */
public record Figure(double value, Double valueHigh, Bound bound) {
    public Figure {
        if (bound == null) throw new IllegalArgumentException("figure needs a bound");
        if (!Double.isFinite(value)) throw new IllegalArgumentException("figure value must be finite: " + value);
        if (valueHigh != null && !Double.isFinite(valueHigh)) throw new IllegalArgumentException("figure high must be finite");
    }

    /** A single value with the given bound. */
    public static Figure of(double value, Bound bound) {
        return new Figure(value, null, bound);
    }

    /** The high end: {@code valueHigh} for ranges, else {@code value}. */
    public double high() {
        return valueHigh != null ? valueHigh : value;
    }

    /**
     * Whether {@code b} lies beyond {@code relativeTolerance} of {@code a}: either end differs by more than the
     * tolerance relative to the larger magnitude. The bound alone never counts (about $14B → exactly $14B is no move).
     * Null stands for "no figure": null → figure and figure → null are moves, null → null is not.
     */
    public static boolean moved(Figure a, Figure b, double relativeTolerance) {
        if (a == null || b == null) return a != b;
        return differs(a.value, b.value, relativeTolerance) || differs(a.high(), b.high(), relativeTolerance);
    }

    private static boolean differs(double x, double y, double tol) {
        if (x == y) return false;
        return Math.abs(x - y) > tol * Math.max(Math.abs(x), Math.abs(y));
    }

    @Override
    public String toString() {
        return bound.wire() + " " + (valueHigh == null ? fmt(value) : fmt(value) + ".." + fmt(valueHigh));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}

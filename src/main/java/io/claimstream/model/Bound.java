package io.claimstream.model;

/** How a figure is stated. The wire name is the lower-case form used in schemas and JSON. */
public enum Bound {
    EXACT, APPROX, AT_LEAST, AT_MOST, RANGE;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Bound fromWire(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}

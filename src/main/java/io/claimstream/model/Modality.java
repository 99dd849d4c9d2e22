package io.claimstream.model;

/** How the sentence holds a figure: as fact, intention, the writer's uncertainty, or a forecast. */
public enum Modality {
    REPORTED, PLANNED, SPECULATIVE, PROJECTED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Modality fromWire(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}

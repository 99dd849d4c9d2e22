package io.claimstream.consensus;

import io.claimstream.model.Modality;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * How the consensus weighs and compares claims.
 *
 * @param approxTolerance    half-width of an approx claim's interval, relative: 0.05 makes "about 28" [26.6, 29.4]
 * @param moveTolerance      a figure moves (and a change is emitted) only when an end moves by more than this,
 *                           relative to the larger magnitude: 0.001 = 0.1%
 * @param modalityWeights    weight of each modality; a missing modality takes its default
 * @param derivedFactor      multiplies the weight of derived figures (computed rather than stated)
 * @param sourceReliability  reliability per source (exact source name); sources not listed take defaultReliability
 * @param defaultReliability reliability of sources not listed
 * @param storyDistance      claims of different sources whose story fingerprints (64-bit SimHash of the article
 *                           text) differ in at most this many bits are copies of one story and count once; -1 never
 *                           groups. The default and how it was measured: README-consensus.md
 */
public record ConsensusConfig(double approxTolerance, double moveTolerance, Map<Modality, Double> modalityWeights,
                              double derivedFactor, Map<String, Double> sourceReliability,
                              double defaultReliability, int storyDistance) {

    /** Relative half-width of approx claims; default 0.05. */
    public static final String APPROX_TOLERANCE = "consensus.approx.tolerance";
    /** Relative move below which no change is emitted; default 0.001. */
    public static final String MOVE_TOLERANCE = "consensus.move.tolerance";
    /** Prefix of the modality weights: consensus.weight.reported|planned|projected|speculative. */
    public static final String WEIGHT_PREFIX = "consensus.weight.";
    /** Multiplier of derived figures' weight; default 0.5. */
    public static final String DERIVED_FACTOR = "consensus.derived.factor";
    /** Prefix of per-source reliability: consensus.reliability.&lt;source&gt;=0.8. */
    public static final String RELIABILITY_PREFIX = "consensus.reliability.";
    /** Reliability of sources without their own key; default 1.0. */
    public static final String DEFAULT_RELIABILITY = "consensus.default.reliability";
    /** Largest fingerprint distance (bits) at which two sources' articles are copies of one story; default 17; -1 off. */
    public static final String STORY_DISTANCE = "consensus.story.distance";
    /** Default of {@link #STORY_DISTANCE}: see README-consensus.md for the measurements behind it. */
    public static final int DEFAULT_STORY_DISTANCE = 17;

    private static final Map<Modality, Double> DEFAULT_WEIGHTS = Map.of(
            Modality.REPORTED, 1.0,
            Modality.PLANNED, 1.0,
            Modality.PROJECTED, 0.8,
            Modality.SPECULATIVE, 0.4);

    public ConsensusConfig {
        requireIn(APPROX_TOLERANCE, approxTolerance, 0, 1, false);
        requireIn(MOVE_TOLERANCE, moveTolerance, 0, 1, true);
        requireIn(DERIVED_FACTOR, derivedFactor, 0, Double.MAX_VALUE, true);
        requireIn(DEFAULT_RELIABILITY, defaultReliability, 0, Double.MAX_VALUE, true);
        requireIn(STORY_DISTANCE, storyDistance, -1, 64, true);
        EnumMap<Modality, Double> weights = new EnumMap<>(DEFAULT_WEIGHTS);
        if (modalityWeights != null) weights.putAll(modalityWeights);
        weights.forEach((m, w) -> requireIn(WEIGHT_PREFIX + m.wire(), w, 0, Double.MAX_VALUE, true));
        modalityWeights = Map.copyOf(weights);
        sourceReliability = sourceReliability == null ? Map.of() : Map.copyOf(sourceReliability);
        sourceReliability.forEach((s, r) -> requireIn(RELIABILITY_PREFIX + s, r, 0, Double.MAX_VALUE, true));
    }

    /**
     * Approx ±5%, move tolerance 0.1%, reported 1.0, planned 1.0, projected 0.8, speculative 0.4, derived ×0.5,
     * reliability 1.0, copies of a story within {@value #DEFAULT_STORY_DISTANCE} bits.
     */
    public static ConsensusConfig defaults() {
        return new ConsensusConfig(0.05, 0.001, DEFAULT_WEIGHTS, 0.5, Map.of(), 1.0, DEFAULT_STORY_DISTANCE);
    }

    /**
     * The defaults overridden by the {@code consensus.*} keys present in {@code props}:
     * <pre>
     * consensus.approx.tolerance=0.05        half-width of approx claims, relative (0 ≤ a &lt; 1)
     * consensus.move.tolerance=0.001         smallest relative move that emits a change
     * consensus.weight.reported=1.0          modality weights (reported, planned, projected, speculative)
     * consensus.weight.planned=1.0
     * consensus.weight.projected=0.8
     * consensus.weight.speculative=0.4
     * consensus.derived.factor=0.5           multiplies the weight of derived figures
     * consensus.default.reliability=1.0      reliability of sources without their own key
     * consensus.reliability.&lt;source&gt;=0.8    reliability of one source (exact source name)
     * consensus.story.distance=17            copies of one story: fingerprints at most this many bits apart; -1 off
     * </pre>
     * A malformed number, a negative weight or an unknown modality throws IllegalArgumentException naming the key.
     * Other keys are ignored.
     */
    public static ConsensusConfig fromProperties(Properties props) {
        ConsensusConfig d = defaults();
        Map<Modality, Double> weights = new EnumMap<>(d.modalityWeights());
        Map<String, Double> reliability = new HashMap<>();
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith(WEIGHT_PREFIX)) {
                String name = key.substring(WEIGHT_PREFIX.length());
                Modality m;
                try {
                    m = Modality.fromWire(name);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(key + ": no modality '" + name + "'", e);
                }
                weights.put(m, number(props, key, 0));
            } else if (key.startsWith(RELIABILITY_PREFIX) && key.length() > RELIABILITY_PREFIX.length()) {
                reliability.put(key.substring(RELIABILITY_PREFIX.length()), number(props, key, 0));
            }
        }
        return new ConsensusConfig(
                number(props, APPROX_TOLERANCE, d.approxTolerance()),
                number(props, MOVE_TOLERANCE, d.moveTolerance()),
                weights,
                number(props, DERIVED_FACTOR, d.derivedFactor()),
                reliability,
                number(props, DEFAULT_RELIABILITY, d.defaultReliability()),
                integer(props, STORY_DISTANCE, d.storyDistance()));
    }

    /** This config with one source's reliability set. */
    public ConsensusConfig withReliability(String source, double reliability) {
        Map<String, Double> r = new HashMap<>(sourceReliability);
        r.put(source, reliability);
        return new ConsensusConfig(approxTolerance, moveTolerance, modalityWeights, derivedFactor, r, defaultReliability,
                storyDistance);
    }

    /** This config with another {@link #STORY_DISTANCE} (-1: copies are never grouped). */
    public ConsensusConfig withStoryDistance(int distance) {
        return new ConsensusConfig(approxTolerance, moveTolerance, modalityWeights, derivedFactor, sourceReliability,
                defaultReliability, distance);
    }

    public double reliability(String source) {
        return sourceReliability.getOrDefault(source, defaultReliability);
    }

    /** reliability(source) × modality weight × (derived ? derivedFactor : 1). */
    public double weight(Evidence e) {
        return reliability(e.source()) * modalityWeights.get(e.modality()) * (e.derived() ? derivedFactor : 1.0);
    }

    private static int integer(Properties props, String key, int fallback) {
        String s = props.getProperty(key);
        if (s == null || s.isBlank()) return fallback;
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not an integer: '" + s + "'", e);
        }
    }

    private static double number(Properties props, String key, double fallback) {
        String s = props.getProperty(key);
        if (s == null || s.isBlank()) return fallback;
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a number: '" + s + "'", e);
        }
    }

    private static void requireIn(String key, double v, double min, double max, boolean maxInclusive) {
        if (!(v >= min && (maxInclusive ? v <= max : v < max)) || Double.isNaN(v))
            throw new IllegalArgumentException(key + " out of range: " + v);
    }
}

package io.claimstream.consensus;

import java.util.List;

/**
 * The consensus at one moment.
 *
 * @param figure      the consensus figure; null when no claim (of positive weight) stands
 * @param low         low end of the feasible interval (intersection of the agreeing claims); -Infinity when unbounded
 *                    or when there is no figure
 * @param high        high end; +Infinity when unbounded or when there is no figure
 * @param claims      the current claims (the latest live claim of each source), canonical order, with weights;
 *                    copies of another source's story are listed with weight 0 and {@code copyOf} set
 * @param agreeing    how many current claims agree (cover the consensus region)
 * @param disagreeing how many do not (copies are counted in neither)
 * @param confidence  weight of the agreeing claims / weight of all current claims; 0 when there is no figure
 */
public record Standing(Figure figure, double low, double high, List<WeightedEvidence> claims, int agreeing,
                       int disagreeing, double confidence) {

    private static final Standing EMPTY = new Standing(null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            List.of(), 0, 0, 0.0);

    public Standing {
        claims = List.copyOf(claims);
    }

    /** No claims at all. */
    public static Standing empty() {
        return EMPTY;
    }

    /**
     * How many independent sources stand behind the key: one current claim per source, and copies of one story
     * count once ({@code agreeing + disagreeing}).
     */
    public int sources() {
        int n = 0;
        for (WeightedEvidence w : claims) if (!w.isCopy()) n++;
        return n;
    }
}

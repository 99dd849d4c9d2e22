package io.claimstream.consensus;

import io.claimstream.model.Bound;
import io.claimstream.model.Modality;

import java.util.Comparator;

/**
 * A claim as consensus sees it: one source's figure for one key, as of {@code eventTime}.
 * {@code retracted = true} withdraws that article's claim(s) for the key as of {@code eventTime}; its figure fields
 * are then ignored.
 *
 * <p>Validation: source, articleId, bound and modality are required; a non-retracted claim needs a finite value, and a
 * range needs a finite {@code valueHigh} (a reversed range is stored with its ends swapped).
 */
public record Evidence(String source, String articleId, String url, double value, Double valueHigh, Bound bound,
                       Modality modality, boolean derived, String evidence, int start, int end, long eventTime,
                       boolean retracted) {

    /**
     * The canonical order of a key's history: event time first, then every other component, so that the order is
     * total and consistent with {@link #equals}: a list sorted by it is a pure function of the set of claims.
     * At one event time a claim sorts before a retraction of the same article, so "withdraw as of T" covers a claim
     * made at T.
     */
    public static final Comparator<Evidence> CANONICAL = Comparator
            .comparingLong(Evidence::eventTime)
            .thenComparing(Evidence::source)
            .thenComparing(Evidence::articleId)
            .thenComparing(Evidence::retracted)
            .thenComparing(Evidence::value, Double::compare)
            .thenComparing(Evidence::valueHigh, Comparator.nullsFirst(Double::compare))
            .thenComparing(Evidence::bound)
            .thenComparing(Evidence::modality)
            .thenComparing(Evidence::derived)
            .thenComparing(Evidence::url, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Evidence::evidence, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(Evidence::start)
            .thenComparingInt(Evidence::end);

    public Evidence {
        if (source == null) throw new IllegalArgumentException("evidence needs a source");
        if (articleId == null) throw new IllegalArgumentException("evidence needs an article id");
        if (bound == null) throw new IllegalArgumentException("evidence needs a bound");
        if (modality == null) throw new IllegalArgumentException("evidence needs a modality");
        if (!retracted) {
            if (!Double.isFinite(value)) throw new IllegalArgumentException("claim value must be finite: " + value);
            if (bound == Bound.RANGE) {
                if (valueHigh == null || !Double.isFinite(valueHigh))
                    throw new IllegalArgumentException("a range needs a finite value_high");
                if (valueHigh < value) {
                    double low = valueHigh;
                    valueHigh = value;
                    value = low;
                }
            }
        }
    }

    /** The evidence of a domain claim (its source, article, figure and words) at {@code eventTime}. */
    public static Evidence from(io.claimstream.model.Claim claim, String url, long eventTime, boolean retracted) {
        return new Evidence(claim.source(), claim.articleId(), url, claim.value(), claim.valueHigh(), claim.bound(),
                claim.modality(), claim.derived(), claim.evidence(), claim.start(), claim.end(), eventTime, retracted);
    }

    /** A withdrawal of {@code articleId}'s claim for the key by {@code source}, as of {@code eventTime}. */
    public static Evidence retraction(String source, String articleId, long eventTime) {
        return new Evidence(source, articleId, null, 0, null, Bound.EXACT, Modality.REPORTED, false, null, 0, 0,
                eventTime, true);
    }

    /** Low end of the claim's interval; {@code approxTolerance} widens approx claims. -Infinity for at_most. */
    public double low(double approxTolerance) {
        return switch (bound) {
            case EXACT, AT_LEAST, RANGE -> value;
            case AT_MOST -> Double.NEGATIVE_INFINITY;
            case APPROX -> Math.min(value * (1 - approxTolerance), value * (1 + approxTolerance));
        };
    }

    /** High end of the claim's interval; +Infinity for at_least. */
    public double high(double approxTolerance) {
        return switch (bound) {
            case EXACT, AT_MOST -> value;
            case RANGE -> valueHigh;
            case AT_LEAST -> Double.POSITIVE_INFINITY;
            case APPROX -> Math.max(value * (1 - approxTolerance), value * (1 + approxTolerance));
        };
    }

    /** The figure as this claim states it. */
    public Figure figure() {
        return new Figure(value, bound == Bound.RANGE ? valueHigh : null, bound);
    }
}

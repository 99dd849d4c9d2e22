package io.claimstream.consensus;

import io.claimstream.model.Bound;
import io.claimstream.model.Modality;

import java.util.Comparator;

/**
 * A claim as consensus sees it: one source's figure for one key, as of {@code eventTime}.
 * {@code retracted = true} withdraws that article's claim(s) for the key as of its {@link #position()}; its figure
 * fields are then ignored.
 *
 * <p>{@code revision} orders versions of one article published at one event time: the version's fetch time (epoch
 * ms; 0 when unknown). A claim's position is (eventTime, revision): a source's latest claim is the latest by
 * position, and a retraction at position p withdraws its article's claims at positions ≤ p (at the very same
 * position the retraction wins). {@code story} is the 64-bit fingerprint of the article's text (0 = unknown): claims
 * of different sources whose stories are within {@link ConsensusConfig#storyDistance()} bits are copies of one
 * story and count once.
 *
 * <p>Validation: source, articleId, bound and modality are required; a non-retracted claim needs a finite value, and a
 * range needs a finite {@code valueHigh} (a reversed range is stored with its ends swapped).
 */
public record Evidence(String source, String articleId, String url, double value, Double valueHigh, Bound bound,
                       Modality modality, boolean derived, String evidence, int start, int end, long eventTime,
                       boolean retracted, long revision, long story) {

    /**
     * Where a claim stands in time: event time, then revision (a later version of an article published at the same
     * time is later). Ordered lexicographically.
     */
    public record Position(long eventTime, long revision) implements Comparable<Position> {
        @Override
        public int compareTo(Position o) {
            int byTime = Long.compare(eventTime, o.eventTime);
            return byTime != 0 ? byTime : Long.compare(revision, o.revision);
        }

        /** The later of the two. */
        public static Position max(Position a, Position b) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }

    /**
     * The canonical order of a key's history: event time first, then revision, then every other component, so that
     * the order is total and consistent with {@link #equals}: a list sorted by it is a pure function of the set of
     * claims. At one position a claim sorts before a retraction of the same article, so "withdraw as of (T, r)"
     * covers a claim made at (T, r).
     */
    public static final Comparator<Evidence> CANONICAL = Comparator
            .comparingLong(Evidence::eventTime)
            .thenComparingLong(Evidence::revision)
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
            .thenComparingInt(Evidence::end)
            .thenComparingLong(Evidence::story);

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

    /** Revision 0 and no story: a claim as it was before versions and fingerprints (old records read so). */
    public Evidence(String source, String articleId, String url, double value, Double valueHigh, Bound bound,
                    Modality modality, boolean derived, String evidence, int start, int end, long eventTime,
                    boolean retracted) {
        this(source, articleId, url, value, valueHigh, bound, modality, derived, evidence, start, end, eventTime,
                retracted, 0L, 0L);
    }

    /** The evidence of a domain claim (its source, article, figure and words) at {@code eventTime}. */
    public static Evidence from(io.claimstream.model.Claim claim, String url, long eventTime, boolean retracted) {
        return from(claim, url, eventTime, 0L, 0L, retracted);
    }

    /** The evidence of a domain claim at position ({@code eventTime}, {@code revision}), of story {@code story}. */
    public static Evidence from(io.claimstream.model.Claim claim, String url, long eventTime, long revision,
                                long story, boolean retracted) {
        return new Evidence(claim.source(), claim.articleId(), url, claim.value(), claim.valueHigh(), claim.bound(),
                claim.modality(), claim.derived(), claim.evidence(), claim.start(), claim.end(), eventTime, retracted,
                revision, story);
    }

    /** A withdrawal of {@code articleId}'s claim for the key by {@code source}, as of {@code eventTime}, revision 0. */
    public static Evidence retraction(String source, String articleId, long eventTime) {
        return retraction(source, articleId, eventTime, 0L);
    }

    /** A withdrawal of {@code articleId}'s claims for the key by {@code source} at positions ≤ (eventTime, revision). */
    public static Evidence retraction(String source, String articleId, long eventTime, long revision) {
        return new Evidence(source, articleId, null, 0, null, Bound.EXACT, Modality.REPORTED, false, null, 0, 0,
                eventTime, true, revision, 0L);
    }

    /** This claim with another revision and story (tests and mapping). */
    public Evidence with(long revision, long story) {
        return new Evidence(source, articleId, url, value, valueHigh, bound, modality, derived, evidence, start, end,
                eventTime, retracted, revision, story);
    }

    /** (eventTime, revision). */
    public Position position() {
        return new Position(eventTime, revision);
    }

    /** Whether a retraction at {@code retractedAt} withdraws this claim: it does when this claim is not later. */
    public boolean withdrawnBy(Position retractedAt) {
        return retractedAt != null && position().compareTo(retractedAt) <= 0;
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

package io.claimstream.stream;

import io.claimstream.avro.Article;
import io.claimstream.avro.Consensus;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.avro.HistoryEntry;
import io.claimstream.avro.SourceClaim;
import io.claimstream.consensus.ConsensusEngine;
import io.claimstream.avro.Trigger;
import io.claimstream.consensus.Change;
import io.claimstream.consensus.Corroboration;
import io.claimstream.consensus.Evidence;
import io.claimstream.consensus.Figure;
import io.claimstream.consensus.Standing;
import io.claimstream.consensus.WeightedEvidence;
import io.claimstream.model.ArticleText;
import io.claimstream.model.Bound;
import io.claimstream.model.Claim;
import io.claimstream.model.ClaimKey;
import io.claimstream.model.Modality;

import java.util.ArrayList;
import java.util.List;

/** Converts between the wire records (generated from schemas/*.avsc) and the pure domain types. */
public final class AvroMapping {
    private AvroMapping() {}

    public static ArticleText toDomain(Article a) {
        return new ArticleText(a.getId(), a.getSource(), a.getUrl(), a.getTitle(),
                a.getPublished() == null ? null : a.getPublished().toEpochMilli(), a.getText());
    }

    public static io.claimstream.avro.Claim toAvro(Claim c, String url, long eventTime, String extractorVersion) {
        return toAvro(c, url, eventTime, 0L, 0L, extractorVersion);
    }

    /** The claim of version {@code revision} of its article, whose text has story fingerprint {@code story}. */
    public static io.claimstream.avro.Claim toAvro(Claim c, String url, long eventTime, long revision, long story,
                                                  String extractorVersion) {
        return io.claimstream.avro.Claim.newBuilder()
                .setArticleId(c.articleId()).setSource(c.source()).setUrl(url)
                .setSubject(c.subject()).setCounterparty(c.counterparty())
                .setAttribute(c.attribute()).setQualifier(c.qualifier())
                .setValue(c.value()).setValueHigh(c.valueHigh()).setUnit(c.unit())
                .setBound(bound(c.bound())).setModality(modality(c.modality()))
                .setDerived(c.derived()).setEvidence(c.evidence()).setStart(c.start()).setEnd(c.end())
                .setEventTime(java.time.Instant.ofEpochMilli(eventTime))
                .setExtractorVersion(extractorVersion).setRetracted(false)
                .setRevision(revision).setStory(story)
                .build();
    }

    /** A withdrawal of what {@code articleId} said earlier about {@code key}. */
    public static io.claimstream.avro.Claim retraction(String key, String articleId, String source, String url,
                                                      long eventTime, String extractorVersion) {
        return retraction(key, articleId, source, url, eventTime, 0L, extractorVersion);
    }

    /** A withdrawal of what {@code articleId} said about {@code key} at positions up to (eventTime, revision). */
    public static io.claimstream.avro.Claim retraction(String key, String articleId, String source, String url,
                                                      long eventTime, long revision, String extractorVersion) {
        ClaimKey k = ClaimKey.parse(key);
        return io.claimstream.avro.Claim.newBuilder()
                .setArticleId(articleId).setSource(source).setUrl(url)
                .setSubject(k.subject()).setCounterparty(k.counterparty())
                .setAttribute(k.attribute()).setQualifier(k.qualifier())
                .setValue(0).setValueHigh(null).setUnit("")
                .setBound(io.claimstream.avro.Bound.exact).setModality(io.claimstream.avro.Modality.reported)
                .setDerived(false).setEvidence("").setStart(0).setEnd(0)
                .setEventTime(java.time.Instant.ofEpochMilli(eventTime))
                .setExtractorVersion(extractorVersion).setRetracted(true)
                .setRevision(revision).setStory(0L)
                .build();
    }

    public static Evidence toEvidence(io.claimstream.avro.Claim c) {
        return new Evidence(c.getSource(), c.getArticleId(), c.getUrl(), c.getValue(), c.getValueHigh(),
                bound(c.getBound()), modality(c.getModality()), c.getDerived(), c.getEvidence(),
                c.getStart(), c.getEnd(), c.getEventTime().toEpochMilli(), c.getRetracted(), c.getRevision(),
                c.getStory());
    }

    /** The current claims of a stored standing (each source's claim behind it), as the engine sees them. */
    public static List<Evidence> currentClaims(Consensus state) {
        List<Evidence> claims = new ArrayList<>(state.getClaims().size());
        for (SourceClaim s : state.getClaims()) claims.add(toEvidence(s));
        return claims;
    }

    /**
     * A claim as the consensus-history store keeps it (no weight: that belongs to a standing), with where the
     * key's replay stood after it.
     */
    public static HistoryEntry historyEntry(Evidence e, ConsensusEngine.Checkpoint after) {
        return HistoryEntry.newBuilder().setClaim(toSourceClaim(e, 0))
                .setFigure(figure(after.figure())).setPublished(figure(after.published())).build();
    }

    public static ConsensusEngine.Checkpoint checkpoint(HistoryEntry entry) {
        return new ConsensusEngine.Checkpoint(figure(entry.getFigure()), figure(entry.getPublished()));
    }

    public static Evidence toEvidence(SourceClaim s) {
        return new Evidence(s.getSource(), s.getArticleId(), s.getUrl(), s.getValue(), s.getValueHigh(),
                bound(s.getBound()), modality(s.getModality()), s.getDerived(), s.getEvidence(),
                s.getStart(), s.getEnd(), s.getEventTime().toEpochMilli(), s.getRetracted(), s.getRevision(),
                s.getStory());
    }

    private static SourceClaim toSourceClaim(Evidence e, double weight) {
        return SourceClaim.newBuilder()
                .setSource(e.source()).setArticleId(e.articleId()).setUrl(e.url())
                .setValue(e.value()).setValueHigh(e.valueHigh())
                .setBound(bound(e.bound())).setModality(modality(e.modality()))
                .setDerived(e.derived()).setWeight(weight).setEvidence(e.evidence())
                .setStart(e.start()).setEnd(e.end())
                .setEventTime(java.time.Instant.ofEpochMilli(e.eventTime())).setRetracted(e.retracted())
                .setRevision(e.revision()).setStory(e.story())
                .build();
    }

    /**
     * The table value for a key: its current standing, the figure of its last change, and how many claims its
     * history (kept in {@link ClaimHistoryStore}) holds.
     *
     * @param newest event time of the newest claim or retraction in the key's history
     */
    public static Consensus toConsensus(String key, String unit, Standing standing, Figure published, int historySize,
                                        long newest) {
        ClaimKey k = ClaimKey.parse(key);
        List<SourceClaim> current = new ArrayList<>(standing.claims().size());
        for (WeightedEvidence w : standing.claims()) current.add(toSourceClaim(w.evidence(), w.weight()));
        return Consensus.newBuilder()
                .setKey(key).setSubject(k.subject()).setCounterparty(k.counterparty())
                .setAttribute(k.attribute()).setQualifier(k.qualifier()).setUnit(unit)
                .setFigure(figure(standing.figure()))
                .setLow(finite(standing.low())).setHigh(finite(standing.high()))
                .setAgreeing(standing.agreeing()).setDisagreeing(standing.disagreeing())
                .setConfidence(standing.confidence())
                .setClaims(current).setPublished(figure(published)).setHistorySize(historySize)
                .setEventTime(java.time.Instant.ofEpochMilli(newest))
                .build();
    }

    public static ConsensusChange toChange(String key, String unit, Change change) {
        ClaimKey k = ClaimKey.parse(key);
        Evidence t = change.trigger();
        return ConsensusChange.newBuilder()
                .setKey(key).setSubject(k.subject()).setCounterparty(k.counterparty())
                .setAttribute(k.attribute()).setQualifier(k.qualifier()).setUnit(unit)
                .setBefore(figure(change.before())).setAfter(figure(change.after()))
                .setSources(change.sources())
                .setTrigger(trigger(t))
                .setEventTime(java.time.Instant.ofEpochMilli(change.eventTime()))
                .setCorrection(change.correction())
                .build();
    }

    public static io.claimstream.avro.Corroboration toCorroboration(String key, String unit, Corroboration c) {
        ClaimKey k = ClaimKey.parse(key);
        return io.claimstream.avro.Corroboration.newBuilder()
                .setKey(key).setSubject(k.subject()).setCounterparty(k.counterparty())
                .setAttribute(k.attribute()).setQualifier(k.qualifier()).setUnit(unit)
                .setFigure(figure(c.figure())).setAgreeing(c.agreeing()).setSources(c.sources())
                .setTrigger(trigger(c.trigger()))
                .setEventTime(java.time.Instant.ofEpochMilli(c.eventTime()))
                .build();
    }

    private static Trigger trigger(Evidence t) {
        return Trigger.newBuilder().setArticleId(t.articleId()).setSource(t.source()).setUrl(t.url())
                .setEvidence(t.evidence()).setStart(t.start()).setEnd(t.end()).build();
    }

    static io.claimstream.avro.Figure figure(Figure f) {
        return f == null ? null : new io.claimstream.avro.Figure(f.value(), f.valueHigh(), bound(f.bound()));
    }

    static Figure figure(io.claimstream.avro.Figure f) {
        return f == null ? null : new Figure(f.getValue(), f.getValueHigh(), bound(f.getBound()));
    }

    private static Double finite(double d) {
        return Double.isInfinite(d) || Double.isNaN(d) ? null : d;
    }

    // Mapped once by wire name: these run several times per claim, and Enum.valueOf hashes a string each time.
    private static final java.util.EnumMap<Bound, io.claimstream.avro.Bound> BOUND_TO_AVRO = new java.util.EnumMap<>(Bound.class);
    private static final java.util.EnumMap<io.claimstream.avro.Bound, Bound> BOUND_FROM_AVRO = new java.util.EnumMap<>(io.claimstream.avro.Bound.class);
    private static final java.util.EnumMap<Modality, io.claimstream.avro.Modality> MODALITY_TO_AVRO = new java.util.EnumMap<>(Modality.class);
    private static final java.util.EnumMap<io.claimstream.avro.Modality, Modality> MODALITY_FROM_AVRO = new java.util.EnumMap<>(io.claimstream.avro.Modality.class);

    static {
        for (Bound b : Bound.values()) {
            io.claimstream.avro.Bound wire = io.claimstream.avro.Bound.valueOf(b.wire());
            BOUND_TO_AVRO.put(b, wire);
            BOUND_FROM_AVRO.put(wire, b);
        }
        for (Modality m : Modality.values()) {
            io.claimstream.avro.Modality wire = io.claimstream.avro.Modality.valueOf(m.wire());
            MODALITY_TO_AVRO.put(m, wire);
            MODALITY_FROM_AVRO.put(wire, m);
        }
    }

    static io.claimstream.avro.Bound bound(Bound b) {
        return BOUND_TO_AVRO.get(b);
    }

    static Bound bound(io.claimstream.avro.Bound b) {
        return BOUND_FROM_AVRO.get(b);
    }

    static io.claimstream.avro.Modality modality(Modality m) {
        return MODALITY_TO_AVRO.get(m);
    }

    static Modality modality(io.claimstream.avro.Modality m) {
        return MODALITY_FROM_AVRO.get(m);
    }
}

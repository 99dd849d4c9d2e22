package io.claimstream.serde;

import io.claimstream.avro.Article;
import io.claimstream.avro.Bound;
import io.claimstream.avro.Claim;
import io.claimstream.avro.Consensus;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.avro.Figure;
import io.claimstream.avro.Modality;
import io.claimstream.avro.SourceClaim;
import io.claimstream.avro.Trigger;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** One filled-in instance of every generated record type, and an evolved Article schema. */
public final class Samples {
  private Samples() {}

  public static final Instant T = Instant.ofEpochMilli(1_763_856_000_123L);

  public static Article article() {
    return Article.newBuilder().setId("a1").setUrl("https://example.com/x").setSource("reuters.com")
        .setTitle("Acme buys Widgets for $1.2bn").setPublished(T).setFetched(T.plusSeconds(60))
        .setText("Acme Corp agreed to buy Widgets Inc for about $1.2 billion, ünïcode ✓.")
        .setLanguage("en").build();
  }

  public static Article sparseArticle() {
    return Article.newBuilder().setId("a2").setText("").build();
  }

  public static Figure figure() {
    return Figure.newBuilder().setValue(1.2e9).setValueHigh(1.5e9).setBound(Bound.range).build();
  }

  public static Trigger trigger() {
    return Trigger.newBuilder().setArticleId("a1").setSource("reuters.com").setUrl(null)
        .setEvidence("about $1.2 billion").setStart(42).setEnd(60).build();
  }

  public static Claim claim() {
    return Claim.newBuilder().setArticleId("a1").setSource("reuters.com").setUrl("https://example.com/x")
        .setSubject("acme").setCounterparty("widgets").setAttribute("deal_value").setQualifier(null)
        .setValue(1.2e9).setValueHigh(null).setUnit("USD").setBound(Bound.approx)
        .setModality(Modality.reported).setDerived(false).setEvidence("about $1.2 billion")
        .setStart(42).setEnd(60).setEventTime(T).setExtractorVersion("x1").setRetracted(false).build();
  }

  public static SourceClaim sourceClaim() {
    return SourceClaim.newBuilder().setSource("reuters.com").setArticleId("a1").setValue(1.2e9)
        .setValueHigh(null).setBound(Bound.approx).setModality(Modality.planned).setDerived(true)
        .setWeight(0.75).setEvidence("about $1.2 billion").setStart(1).setEnd(2).setEventTime(T)
        .setUrl(null).setRetracted(true).build();
  }

  public static Consensus consensus() {
    return Consensus.newBuilder().setKey("acme>widgets:deal_value").setSubject("acme")
        .setCounterparty("widgets").setAttribute("deal_value").setQualifier(null).setUnit("USD")
        .setFigure(figure()).setLow(1.1e9).setHigh(null).setAgreeing(2).setDisagreeing(1)
        .setConfidence(0.66).setClaims(List.of(sourceClaim(), sourceClaim()))
        .setPublished(figure()).setHistorySize(3).setEventTime(T).build();
  }

  public static ConsensusChange consensusChange() {
    return ConsensusChange.newBuilder().setKey("acme>widgets:deal_value").setSubject("acme")
        .setCounterparty(null).setAttribute("deal_value").setQualifier("q").setUnit("USD")
        .setBefore(null).setAfter(figure()).setSources(3).setTrigger(trigger()).setEventTime(T)
        .setCorrection(true).build();
  }

  /** Every generated record type. */
  public static List<SpecificRecord> all() {
    return List.of(article(), sparseArticle(), claim(), consensus(), consensusChange(), figure(),
        trigger(), sourceClaim());
  }

  /** Article v2: the generated schema plus an optional "section" field (backward compatible). */
  public static Schema articleV2() {
    String v1 = Article.getClassSchema().toString();
    String extra = ",{\"name\":\"section\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
    if (!v1.endsWith("]}")) {
      throw new IllegalStateException("unexpected schema text " + v1);
    }
    return new Schema.Parser().parse(v1.substring(0, v1.length() - 2) + extra);
  }

  /** Article with a new required field without default: incompatible under BACKWARD. */
  public static Schema articleIncompatible() {
    String v1 = Article.getClassSchema().toString();
    return new Schema.Parser().parse(v1.substring(0, v1.length() - 2)
        + ",{\"name\":\"words\",\"type\":\"int\"}]}");
  }
}

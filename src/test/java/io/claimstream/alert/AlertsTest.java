package io.claimstream.alert;

import io.claimstream.avro.Alert;
import io.claimstream.avro.Bound;
import io.claimstream.avro.ConsensusChange;
import io.claimstream.avro.Figure;
import io.claimstream.avro.Trigger;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertsTest {
    private static final String SEED_SENTENCE = "Meta Platforms Inc., rebranded last year by the social networking giant, shook the competitive "
            + "artificial intelligence space with news today of an enormous $14.3 billion investment in Scale AI.";

    static ConsensusChange change(String key, Figure before, Figure after, String evidence) {
        String[] head = key.split(":", 2)[0].split(">");
        String[] rest = key.split(":");
        return ConsensusChange.newBuilder()
                .setKey(key).setSubject(head[0]).setCounterparty(head.length > 1 ? head[1] : null)
                .setAttribute(rest[1]).setQualifier(rest.length > 2 ? rest[2] : null).setUnit(rest[1].endsWith("percent") ? "percent" : "USD")
                .setBefore(before).setAfter(after).setSources(5)
                .setTrigger(Trigger.newBuilder().setArticleId("004_15eb93a7e12ea013.txt").setSource("reuters.com")
                        .setEvidence(evidence).setStart(0).setEnd(evidence.length()).build())
                .setEventTime(Instant.parse("2026-11-23T05:40:00Z"))
                .build();
    }

    static Figure fig(double v, Bound b) {
        return new Figure(v, null, b);
    }

    @Test
    void theSeedMoveReadsLikeASentence() {
        ConsensusChange c = change("meta>scale-ai:investment_amount", fig(15e9, Bound.approx), fig(14.3e9, Bound.exact), SEED_SENTENCE);
        assertThat(AlertMessage.render(c)).isEqualTo(
                "Meta→Scale AI investment: $15B (about) → $14.3B, per reuters.com, "
                        + "'…news today of an enormous $14.3 billion investment in Scale AI' (5 sources)");
    }

    @Test
    void shortEvidenceIsQuotedWholeAndFiguresReadNaturally() {
        ConsensusChange c = change("acme>widget:deal_value", fig(2e9, Bound.exact), fig(2.4e9, Bound.exact),
                "Acme Corp. raised its offer for Widget Inc. to $2.4 billion.");
        assertThat(AlertMessage.render(c)).isEqualTo(
                "Acme→Widget deal value: $2B → $2.4B, per reuters.com, 'Acme Corp. raised its offer for Widget Inc. to $2.4 billion' (5 sources)");
        assertThat(AlertMessage.attribute("revenue", "2024")).isEqualTo("2024 revenue");
        assertThat(AlertMessage.name("bank-of-america")).isEqualTo("Bank of America");
        assertThat(AlertMessage.figure(new Figure(10e9, 15e9, Bound.range), "USD")).isEqualTo("$10B–$15B");
        assertThat(AlertMessage.figure(fig(29e9, Bound.at_least), "USD")).isEqualTo("$29B (at least)");
    }

    @Test
    void theWatchlistsFirstMatchingRuleDecidesWithItsShift() {
        Watchlist w = Watchlist.parse("""
                # specific first
                meta>scale-ai:stake_percent  off
                *>scale-ai:*   5%
                *:deal_value   $100M   # absolute
                scale-ai:valuation
                """, "test");
        assertThat(w.rules()).hasSize(4);
        assertThat(w.alertFor("meta>scale-ai:stake_percent", 49.0, 20.0)).isEmpty();
        assertThat(w.alertFor("meta>scale-ai:investment_amount", 15e9, 14e9)).isPresent(); // 6.7%
        assertThat(w.alertFor("meta>scale-ai:investment_amount", 15e9, 14.3e9)).isEmpty(); // 4.7% < 5%
        assertThat(w.alertFor("acme>widget:deal_value", 2e9, 2.05e9)).isEmpty();
        assertThat(w.alertFor("acme>widget:deal_value", 2e9, 2.1e9)).map(AlertRule::toString).contains("*:deal_value $100M");
        assertThat(w.alertFor("scale-ai:valuation", 28e9, 28.1e9)).isPresent();
        assertThat(w.alertFor("scale-ai:revenue:2024", 1e9, 2e9)).isEmpty(); // not watched
        assertThat(w.alertFor("acme>widget:deal_value:2024", 2e9, 3e9)).isEmpty(); // * does not stretch past the end
    }

    @Test
    void aFirstFigureIsNotAShiftButAWithdrawnOneIs() {
        Watchlist w = Watchlist.parse("*:deal_value 1%", "test");
        assertThat(Alerts.of(change("acme>widget:deal_value", null, fig(2e9, Bound.exact), "x"), w)).isEmpty();
        assertThat(Alerts.of(change("acme>widget:deal_value", fig(2e9, Bound.exact), null, "x"), w))
                .hasValueSatisfying(a -> assertThat(a.getMessage()).contains("$2B → withdrawn"));
    }

    @Test
    void aRangeMovesByItsMiddle() {
        Watchlist w = Watchlist.parse("*:valuation 10%", "test");
        ConsensusChange narrowed = change("x:valuation", new Figure(10e9, 20e9, Bound.range), new Figure(14e9, 16e9, Bound.range), "x");
        assertThat(Alerts.of(narrowed, w)).isEmpty(); // the middle stays at 15B
    }

    @Test
    void theSameChangeAlwaysGetsTheSameIdAndADifferentChangeAnother() {
        Watchlist w = Watchlist.parse("*:deal_value", "test");
        ConsensusChange c = change("acme>widget:deal_value", fig(2e9, Bound.exact), fig(2.4e9, Bound.exact), "x");
        Alert a = Alerts.of(c, w).orElseThrow();
        Alert again = Alerts.of(ConsensusChange.newBuilder(c).build(), w).orElseThrow();
        assertThat(again.getId()).isEqualTo(a.getId()).hasSize(32);
        assertThat(a.getRule()).isEqualTo("*:deal_value any");
        ConsensusChange other = ConsensusChange.newBuilder(c).setAfter(fig(2.5e9, Bound.exact)).build();
        assertThat(Alerts.of(other, w).orElseThrow().getId()).isNotEqualTo(a.getId());
        assertThat(AlertJson.of(a)).contains("\"id\":\"" + a.getId() + "\"").contains("\"before\":{\"value\":2.0E9");
    }

    @Test
    void aBadWatchlistLineIsNamedByFileAndLine() {
        assertThatThrownBy(() -> Watchlist.parse("*:deal_value 5%\n*:valuation lots", "watch.txt"))
                .hasMessageContaining("watch.txt line 2").hasMessageContaining("'lots' is not a shift");
        assertThatThrownBy(() -> Watchlist.parse("meta 5%", "watch.txt"))
                .hasMessageContaining("watch.txt line 1").hasMessageContaining("not a claim key pattern");
        Properties p = new Properties();
        p.setProperty(Watchlist.RULES, "*:deal_value 5%; scale-ai:valuation 1B");
        assertThat(Watchlist.fromProperties(p).rules()).extracting(AlertRule::toString).containsExactly("*:deal_value 5%", "scale-ai:valuation 1B");
        p.setProperty(Watchlist.FILE, "/nonexistent/watchlist.txt");
        assertThatThrownBy(() -> Watchlist.fromProperties(p)).hasMessageContaining("cannot read the watchlist /nonexistent/watchlist.txt");
    }
}

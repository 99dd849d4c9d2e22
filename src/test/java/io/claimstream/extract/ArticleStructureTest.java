package io.claimstream.extract;

import io.claimstream.model.Claim;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Sentences, headlines and repeated figures. */
class ArticleStructureTest {

    @Test
    void sentencesKeepTheirOffsetsAndSkipAbbreviations() {
        String text = "Globex Inc. said on Jan. 5 that it would buy Initech Corp. for $2 billion. Shares rose.\nNext line";
        List<SentenceSplitter.Span> spans = SentenceSplitter.split(text);
        assertThat(spans).hasSize(3);
        assertThat(text.substring(spans.get(0).start(), spans.get(0).end()))
                .isEqualTo("Globex Inc. said on Jan. 5 that it would buy Initech Corp. for $2 billion.");
        assertThat(text.substring(spans.get(2).start(), spans.get(2).end())).isEqualTo("Next line");
    }

    @Test
    void aFigureRepeatedInHeadlineAndBodyIsOneClaimWithBodyEvidence() {
        List<Claim> claims = Articles.extract("Globex to buy Initech for $9 billion\n"
                + "Globex has agreed to buy Initech for $9 billion in cash, the companies said. "
                + "The $9 billion deal is the largest in the sector this year, and Globex will buy Initech for $9 billion.");
        Claim c = Articles.only(claims, "globex>initech:deal_value");
        assertThat(c.evidence()).startsWith("Globex has agreed");
    }

    @Test
    void evidenceOffsetsHoldWithUnicodeText() {
        String text = "Überblick — Globex\u00A0plans to invest €2\u202Fbillion in Initech.\r\nMore text.";
        for (Claim c : Articles.extract(text)) assertThat(text.substring(c.start(), c.end())).isEqualTo(c.evidence());
        assertThat(Articles.extract(text)).isNotEmpty();
    }

    @Test
    void emptyAndFigureFreeArticlesGiveNoClaims() {
        assertThat(Articles.extract("")).isEmpty();
        assertThat(Articles.extract("Nothing to see here. Move along.")).isEmpty();
    }

    @Test
    void aRunOnTextWithoutSentenceEndsStaysLinear() {
        // a flattened page: one "sentence" of 1.4 MB; sentences are capped so per-sentence work stays bounded
        String blob = "Globex Corp will invest $5 billion in Initech Inc, valuing it at about 20% more than Hooli, "
                .repeat(16_000);
        long t0 = System.nanoTime();
        List<Claim> claims = Articles.extract(blob);
        assertThat(claims).isNotEmpty();
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(20.0);
        for (SentenceSplitter.Span sp : SentenceSplitter.split(blob)) {
            assertThat(sp.end() - sp.start()).isLessThanOrEqualTo(SentenceSplitter.MAX_SENTENCE);
        }
    }
    @Test
    void linksToOtherArticlesAndCorrectionNotesAreNoClaims() {
        List<Claim> claims = Articles.extract("Globex agreed to buy Initech for $32 billion.\n"
                + "Related: Initech raises $1B at $12B valuation, eyes acquisitions\n"
                + "Read more: Hooli was valued at $9 billion last year\n"
                + "Initech was valued at $20 billion.\n"
                + "Correction 2 July 2025: An earlier version of this article said that Globex's offer valued "
                + "Initech at $48 billion. That figure included debt.");
        assertThat(Articles.keys(claims)).containsExactlyInAnyOrder("globex>initech:deal_value=3.2E10",
                "initech:valuation=2.0E10");
    }
}

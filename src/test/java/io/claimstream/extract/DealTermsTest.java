package io.claimstream.extract;

import io.claimstream.model.ArticleText;
import io.claimstream.model.Claim;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How merger coverage states terms: datelines, share-for-share terms, stakes, relative years. */
class DealTermsTest {

    @Test
    void bracketedDatelineSourcesAndTickersAreNotParties() {
        List<Claim> claims = Articles.extract("June 3 (Newswire) - Globex Inc (GLBX.O) said on Monday it would buy "
                + "Initech Corp (INTC.N) for about $12 billion in cash.");
        assertThat(Articles.find(claims, "globex>initech:deal_value")).isPresent();
        assertThat(claims).noneMatch(c -> c.subject().equals("newswire") || c.subject().equals("glbx"));
    }

    @Test
    void shareDealTermsNameBothSides() {
        List<Claim> claims = Articles.extract("Globex agreed to buy Initech for $12 billion. "
                + "Initech shareholders will receive $38.50 in cash and Globex shares for each Initech share.");
        assertThat(Articles.only(claims, "globex>initech:price_per_share").value()).isEqualTo(38.5);
    }

    @Test
    void aDealValueFollowedByAPerShareFigureIsStillTheDealValue() {
        List<Claim> claims = Articles.extract("Globex agreed to acquire Initech in an all-stock deal valued at "
                + "$59.5 billion, or $253 per share.");
        assertThat(Articles.only(claims, "globex>initech:deal_value").value()).isEqualTo(59.5e9);
        assertThat(Articles.only(claims, "globex>initech:price_per_share").value()).isEqualTo(253);
    }

    @Test
    void aStakeGivenToANamedHolder() {
        List<Claim> claims = Articles.extract("Globex will invest $500 million in Initech. "
                + "The investment, which gives Globex a stake of about 4%, is part of a wider partnership.");
        assertThat(Articles.only(claims, "globex>initech:stake_percent").value()).isEqualTo(4);
    }

    @Test
    void aThirdPartyStakeInTheCompanyIsTheThirdPartys() {
        List<Claim> claims = Articles.extract("Globex will invest $500 million in Initech. "
                + "Initech was valued at $20 billion last year, and Hooli bought a 15% stake in the company in January.");
        assertThat(Articles.only(claims, "hooli>initech:stake_percent").value()).isEqualTo(15);
    }

    @Test
    void relativeYearsUseThePublicationDate() {
        long published = Instant.parse("2024-09-27T10:00:00Z").toEpochMilli();
        List<Claim> claims = new ClaimExtractor().extract(new ArticleText("t", null, null, null, published,
                "Initech expects revenue of $3.7 billion this year. Initech made revenue of $2.1 billion last year."));
        assertThat(Articles.find(claims, "initech:revenue_projection:2024")).isPresent();
        assertThat(Articles.find(claims, "initech:revenue:2023")).isPresent();
    }

    @Test
    void productMakerReferences() {
        List<Claim> claims = Articles.extract("Globex will invest $1 billion in Initech. "
                + "The Widget maker was valued at $9 billion in its last funding round.");
        assertThat(Articles.find(claims, "initech:previous_valuation")).isPresent();
    }

    @Test
    void sharesOfAFigureFarFromASalesWordAreNotRevenue() {
        assertThat(Articles.extract("Retailers with strong sales channels to overseas buyers, such as Initech, "
                + "rose 9.4 per cent to $84.")).isEmpty();
    }
}

package io.claimstream.extract;

import io.claimstream.model.Claim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a figure is: cue words near it in its clause. */
class AttributeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Globex will invest $2 billion in Initech.|globex>initech:investment_amount",
            "Globex has backed Initech with $2 billion.|globex>initech:investment_amount",
            "Globex made a $2 billion investment in Initech.|globex>initech:investment_amount",
            "Globex agreed to acquire Initech for $9 billion.|globex>initech:deal_value",
            "Globex bought Initech for $9 billion in cash.|globex>initech:deal_value",
            "Globex will buy Initech in a deal valued at $9 billion.|globex>initech:deal_value",
            "Globex will pay $41.50 a share for Initech.|globex>initech:price_per_share",
            "Globex agreed to buy Initech for $41.50 per share.|globex>initech:price_per_share",
            "Globex will take a 35% stake in Initech.|globex>initech:stake_percent",
            "Globex will acquire 35% of Initech.|globex>initech:stake_percent",
            "The round values Initech at $6 billion.|initech:valuation",
            "Initech was valued at $6 billion.|initech:valuation",
            "Initech has a market value of about $6 billion.|initech:valuation",
            "Initech was previously valued at $3 billion.|initech:previous_valuation",
            "Initech was valued at $3 billion in its last funding round.|initech:previous_valuation",
            "Initech's revenue in 2024 was $700 million.|initech:revenue:2024",
            "Initech reported 2023 sales of $650 million.|initech:revenue:2023",
            "Initech projects 2026 revenue of $1.1 billion.|initech:revenue_projection:2026",
    })
    void attributeFromCueWords(String sentence, String key) {
        List<Claim> claims = Articles.extract(sentence);
        assertThat(Articles.keys(claims)).anyMatch(k -> k.startsWith(key + "="));
    }

    @Test
    void otherDealFiguresKeepTheirOwnNames() {
        List<Claim> claims = Articles.extract("Globex agreed to buy Initech for $9 billion. "
                + "The offer is a premium of 32% to Initech's closing price. "
                + "Initech would owe Globex a termination fee of $300 million.");
        assertThat(claims).anyMatch(c -> c.attribute().equals("premium") && c.value() == 32);
        assertThat(claims).anyMatch(c -> c.attribute().equals("termination_fee") && c.value() == 300e6);
    }

    @Test
    void respectivelyPairsFiguresWithNamesInOrder() {
        List<Claim> claims = Articles.extract("Acme and Hooli invested in Initech ($2B and $1B respectively).");
        assertThat(Articles.only(claims, "acme>initech:investment_amount").value()).isEqualTo(2e9);
        assertThat(Articles.only(claims, "hooli>initech:investment_amount").value()).isEqualTo(1e9);
    }

    @Test
    void aBracketedConversionIsNotASecondClaim() {
        List<Claim> claims = Articles.extract("Globex agreed to buy Initech for €4.5bn (£3.8bn).");
        assertThat(claims).singleElement().satisfies(c -> assertThat(c.unit()).isEqualTo("EUR"));
    }

    @Test
    void aPercentWithoutAStakeCueIsNotAStake() {
        assertThat(Articles.extract("Globex shares rose 12% after it agreed to buy Initech.")).isEmpty();
    }

    @Test
    void investingInSomethingThatIsNoCompanyIsNotADealClaim() {
        List<Claim> claims = Articles.extract("Globex plans to invest $2 billion in Initech. "
                + "Separately, Globex plans to invest up to $60 billion in data centres by 2027.");
        assertThat(claims).noneMatch(c -> c.value() == 60e9 && c.attribute().equals("investment_amount"));
    }

    @Test
    void aNearerWordForAnotherKindOfFigureKeepsAFartherCueOff() {
        List<Claim> claims = Articles.extract("Initech posted a net loss of $18.8 billion last year on revenue of "
                + "$53.1 billion. Globex agreed to buy Initech for $53 billion, and said it would raise its quarterly "
                + "dividend by 8% to $1.63 a share. Hooli, which had a net portfolio value of 389 billion Singapore "
                + "dollars, runs a marketplace with a gross order value of about $3 billion a year.");
        assertThat(claims).noneMatch(c -> c.value() == 18.8e9);
        assertThat(claims).anyMatch(c -> c.attribute().equals("revenue") && c.value() == 53.1e9);
        assertThat(claims).noneMatch(c -> c.value() == 1.63 || c.value() == 389e9 || c.value() == 3e9);
    }

    @Test
    void proposalsAndApproachesAreBids() {
        List<Claim> claims = Articles.extract("Initech has rejected a third takeover proposal from Globex worth £38.6bn. "
                + "The latest proposal valued each Initech share at £29.34. The first, £31.1bn approach was "
                + "rebuffed within days. Globex said it had taken a cautious approach of about $2 billion to costs.");
        assertThat(claims).anyMatch(c -> c.key().equals("globex>initech:deal_value") && c.value() == 38.6e9);
        assertThat(Articles.only(claims, "globex>initech:price_per_share").value()).isEqualTo(29.34);
        assertThat(claims).anyMatch(c -> c.attribute().equals("deal_value") && c.value() == 31.1e9);
        assertThat(claims).noneMatch(c -> c.value() == 2e9);
    }

    @Test
    void holdingsAndShareCapitalAreStakes() {
        List<Claim> claims = Articles.extract("Globex launched a bid for Initech. The bid is conditional on Globex "
                + "securing more than 50% of Initech's share capital. Hooli holds 16.34% of Initech directly.");
        assertThat(Articles.only(claims, "globex>initech:stake_percent").value()).isEqualTo(50);
        assertThat(Articles.only(claims, "hooli>initech:stake_percent").value()).isEqualTo(16.34);
    }

    @Test
    void theValueOfTheOfferAndABidStoodForByAnOrdinalOrWhichAreDealValues() {
        List<Claim> claims = Articles.extract("Globex launched a hostile bid for Initech. In its filing, Globex put the "
                + "value of the offer at €12.23bn. The first, £31.1bn approach was rebuffed, and the second, worth "
                + "about £34bn, was turned down. Globex beat a rival offer from a consortium led by Hooli, which people "
                + "familiar with the process said was worth roughly €14bn.");
        assertThat(claims).anyMatch(c -> c.key().equals("globex>initech:deal_value") && Math.abs(c.value() - 12.23e9) < 1);
        assertThat(claims).anyMatch(c -> c.key().equals("globex>initech:deal_value") && c.value() == 34e9);
        assertThat(claims).anyMatch(c -> c.key().equals("hooli>initech:deal_value") && c.value() == 14e9);
        assertThat(claims).noneMatch(c -> c.attribute().equals("valuation"));
    }

    @Test
    void productSalesAreTheReportersAndAComparedFigureIsTheEarlierYears() {
        List<Claim> claims = Articles.extract("Globex agreed to buy Initech. Initech today reported preliminary, "
                + "unaudited ZAPLYTA net product sales of approximately $680 million for full-year 2024, compared with "
                + "$462 million in 2023.");
        assertThat(Articles.only(claims, "initech:revenue:2024").value()).isEqualTo(680e6);
        assertThat(Articles.only(claims, "initech:revenue:2023").value()).isEqualTo(462e6);
    }

    @Test
    void listingPricesAndRightsIssuesAreNoDealFigures() {
        List<Claim> claims = Articles.extract("Globex agreed to buy Initech for A$4.9 billion. Globex will fund the "
                + "deal through a fully underwritten A$3.5 billion entitlement offer to existing shareholders, priced at "
                + "A$18.90 a share. Initech shares remain far below the A$21.50 a share at which the company sold "
                + "stock in its 2021 initial public offering.");
        assertThat(claims).noneMatch(c -> c.value() == 3.5e9 || c.value() == 18.9 || c.value() == 21.5);
    }

    @Test
    void crownsAreSwedishUnlessANationalitySaysOtherwise() {
        List<Claim> claims = Articles.extract("Globex's revenue rose 21% to 11.3 billion crowns in 2021. Initech "
                + "reported revenue of 150.8 billion Danish crowns in 2023.");
        assertThat(Articles.only(claims, "globex:revenue:2021").unit()).isEqualTo("SEK");
        assertThat(Articles.only(claims, "initech:revenue:2023").unit()).isEqualTo("DKK");
    }

    @Test
    void loansHoldingsOfCashPayPackagesAndManagedMoneyAreNoDealFigures() {
        List<Claim> claims = Articles.extract("Globex agreed to buy Initech for $1.3 billion. Initech is expected to "
                + "have cash, cash equivalents and investments of approximately $522 million at closing. Globex agreed "
                + "a €6.3 billion state-backed loan in Italy. Hooli has been dangling pay packages reportedly worth $100 "
                + "million to poach researchers. Acme, which manages around $30 billion, invested in Initech.");
        assertThat(claims).noneMatch(c -> c.value() == 522e6 || c.value() == 6.3e9 || c.value() == 100e6 || c.value() == 30e9);
    }

    @Test
    void aPriceEachAndTheWholePriceAfterIt() {
        List<Claim> claims = Articles.extract("Globex agreed to buy Initech. The terms value Initech shares at A$29.27 "
                + "each, based on Globex's closing price. Hooli originally agreed to buy Initech for $28.60 a "
                + "share, or roughly $1.5 billion including debt.");
        assertThat(Articles.only(claims, "globex>initech:price_per_share").value()).isEqualTo(29.27);
        assertThat(claims).anyMatch(c -> c.key().equals("hooli>initech:deal_value") && c.value() == 1.5e9);
    }
}

package io.claimstream.extract;

import io.claimstream.model.ArticleText;
import io.claimstream.model.Claim;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "Initech was acquired by Globex for $5 billion in 2021.|globex>initech:deal_value|5e9",
            "People familiar with the matter said Globex could pay more than $5 billion for Initech.|globex>initech:deal_value|5e9",
            "Globex bought a 20 per cent stake in Initech for £300m in 2019.|globex>initech:investment_amount|3e8",
            "Globex is set to take a 49% stake in Initech for $14.8 billion.|globex>initech:investment_amount|14.8e9",
            "Initech, which Globex is buying for $7 billion, reported revenue of $900 million in 2023.|globex>initech:deal_value|7e9",
            "Shareholders of Initech will get $30 per share under the deal with Globex.|globex>initech:price_per_share|30",
            "Globex's $5 billion acquisition of Initech closed on Friday.|globex>initech:deal_value|5e9",
            "Initech, which is 43.4 percent-owned by Globex, reported higher profits.|globex>initech:stake_percent|43.4",
    })
    void rolesInOtherPhrasings(String sentence, String key, double value) {
        List<Claim> claims = Articles.extract(sentence);
        assertThat(Articles.only(claims, key).value()).isCloseTo(value, org.assertj.core.data.Percentage.withPercentage(0.01));
    }

    @Test
    void aValuationAfterAParentheticalBelongsToTheSentenceSubject() {
        List<Claim> claims = Articles.extract("Globex, which bought Initech for $63 billion in 2018, has a market value "
                + "of roughly $55 billion.");
        assertThat(Articles.find(claims, "globex:valuation")).isPresent();
        assertThat(Articles.find(claims, "globex>initech:deal_value")).isPresent();
    }

    @Test
    void aForecastStatedRelativeToAFigureIsADerivedClaim() {
        List<Claim> claims = Articles.extract("In 2023, Initech generated revenue of $400 million, and by the end of "
                + "2024, analysts predict this figure will double.");
        Claim stated = Articles.only(claims, "initech:revenue:2023");
        Claim derived = Articles.only(claims, "initech:revenue_projection:2024");
        assertThat(stated.derived()).isFalse();
        assertThat(derived.derived()).isTrue();
        assertThat(derived.value()).isEqualTo(800e6);
        assertThat(derived.modality()).isEqualTo(io.claimstream.model.Modality.PROJECTED);
        assertThat(derived.bound()).isEqualTo(io.claimstream.model.Bound.APPROX);
    }

    @Test
    void aBackwardRelativeStatementDerivesNothing() {
        // "double its 2024 figures" would give a 2024 revenue by arithmetic; only forward forecasts are derived
        List<Claim> claims = Articles.extract("Initech projects 2025 revenue of around $2 billion, double its 2024 figures.");
        assertThat(claims).noneMatch(Claim::derived);
    }

    @Test
    void aDescriptiveReferenceIsTheDealPartyNamedMostRecently() {
        List<Claim> claims = Articles.extract("Globex has agreed to acquire Initech for $700 million. "
                + "Globex shares have doubled this year. The chipmaker reported revenue of $60.9 billion in 2024.");
        assertThat(Articles.find(claims, "globex:revenue:2024")).isPresent();
    }

    @Test
    void aDatelineWithSeveralCitiesIsNoParty() {
        List<Claim> claims = Articles.extract("SHELBYVILLE/SPRINGFIELD, Sept 23 (Reuters) - Globex said on Monday it "
                + "would buy Initech for $9 billion in cash.\nThe buyer will pay $55 a share.");
        assertThat(Articles.only(claims, "globex>initech:deal_value").value()).isEqualTo(9e9);
        assertThat(Articles.only(claims, "globex>initech:price_per_share").value()).isEqualTo(55);
        List<Claim> three = Articles.extract("LONDON/NEW YORK/HONG KONG, May 2 (Reuters) - Hooli agreed to buy "
                + "Initech for $4 billion.");
        assertThat(Articles.find(three, "hooli>initech:deal_value")).isPresent();
        assertThat(claims).noneMatch(c -> c.subject().contains("shelbyville") || c.subject().contains("springfield"));
        assertThat(three).noneMatch(c -> c.subject().contains("london") || c.subject().contains("york"));
    }

    @Test
    void moneyCommittedToANamedCompanyIsAnInvestment() {
        List<Claim> claims = Articles.extract("Initech raised $900 million in a round that values it at $9 billion. "
                + "Globex has committed more than $400 million to Initech across the two rounds.");
        Claim c = Articles.only(claims, "globex>initech:investment_amount");
        assertThat(c.value()).isEqualTo(400e6);
        assertThat(c.bound()).isEqualTo(io.claimstream.model.Bound.AT_LEAST);
        List<Claim> pledged = Articles.extract("Hooli committed $2 billion to rival Initech last year.");
        assertThat(Articles.find(pledged, "hooli>initech:investment_amount")).isPresent();
        // committed to something that is no company: no investment claim
        List<Claim> capex = Articles.extract("Globex has committed $5 billion to AI infrastructure in Europe.");
        assertThat(capex).noneMatch(x -> x.attribute().equals("investment_amount"));
    }

    @Test
    void pressReleaseDatelinesAreNotParties() {
        List<Claim> claims = Articles.extract("SAN FRANCISCO, March 5, 2025 /PRNewswire/ -- Initech Robotics, Inc. "
                + "today announced that it has raised $250 million in Series D funding led by Hooli Ventures.\n"
                + "The round values Initech at $3.2 billion, up from $1.1 billion in its Series C in 2022.");
        assertThat(claims).noneMatch(c -> c.subject().contains("san-francisco") || c.subject().contains("prnewswire"));
        assertThat(Articles.only(claims, "initech-robotics:funding_round").value()).isEqualTo(250e6);
        assertThat(Articles.only(claims, "initech-robotics:valuation").value()).isEqualTo(3.2e9);
        assertThat(Articles.only(claims, "initech-robotics:previous_valuation").value()).isEqualTo(1.1e9);
    }

    @Test
    void theValueOfAStakeIsNoValuation() {
        List<Claim> claims = Articles.extract("Globex owns about 49% of Initech. "
                + "If Initech converts, Globex could receive a stake worth as much as $50 billion.");
        assertThat(claims).noneMatch(c -> c.attribute().equals("valuation"));
    }

    @Test
    void marketCapitalisationIsAValuation() {
        List<Claim> claims = Articles.extract("Globex's market capitalization has risen above $2 trillion this year.");
        assertThat(Articles.only(claims, "globex:valuation").bound()).isEqualTo(io.claimstream.model.Bound.AT_LEAST);
    }

    @Test
    void anAttributionClauseDoesNotCutTheModalVerbOff() {
        List<Claim> claims = Articles.extract("Globex has agreed to acquire Israeli robotics startup Initech, people "
                + "familiar with the matter said, in a deal valued at roughly $700 million.");
        Claim c = Articles.only(claims, "globex>initech:deal_value");
        assertThat(c.modality()).isEqualTo(io.claimstream.model.Modality.PLANNED);
    }

    @Test
    void moneyRaisedBelongsToTheRaiserNotTheInvestorsNamedAfterIt() {
        List<Claim> claims = Articles.extract("Initech, founded in 2018 by two engineers, had raised $118 million "
                + "from investors including Hooli Partners and Acme Capital.");
        assertThat(Articles.find(claims, "initech:funding_round")).isPresent();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} -> {1} {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "The board of Initech rejected Globex's $9 billion bid, saying it undervalued the company.|globex>initech:deal_value|REPORTED",
            "Globex is weighing an offer of roughly $9 billion for Initech, sources said.|globex>initech:deal_value|SPECULATIVE",
            "Globex is expected to invest about $2 billion in Initech, according to a filing.|globex>initech:investment_amount|PLANNED",
            "Globex completes $28 billion Initech acquisition|globex>initech:deal_value|REPORTED",
            "Globex, which reportedly paid $9 billion for Initech, declined to comment.|globex>initech:deal_value|SPECULATIVE",
            "Globex is offering €62 per share for Initech.|globex>initech:price_per_share|PLANNED",
            "Globex announced a definitive agreement to acquire Initech for $4.9 billion.|globex>initech:deal_value|PLANNED",
            "Globex has asked for regulatory approval to raise its stake in Initech to up to 29.9%.|globex>initech:stake_percent|PLANNED",
    })
    void bidsOffersAndTheFutureOfTheDeal(String sentence, String key, io.claimstream.model.Modality modality) {
        assertThat(Articles.only(Articles.extract(sentence), key).modality()).isEqualTo(modality);
    }
    @Test
    void aYearRightAfterTheFigureIsItsOwn() {
        List<Claim> claims = Articles.extract("Initech hit $500 million in annual revenue in 2024 and has told "
                + "investors it is on track for $1 billion in 2025.");
        assertThat(Articles.only(claims, "initech:revenue:2024").value()).isEqualTo(500e6);
        Claim next = Articles.only(claims, "initech:revenue_projection:2025");
        assertThat(next.value()).isEqualTo(1e9);
        assertThat(next.modality()).isEqualTo(io.claimstream.model.Modality.PROJECTED);
    }

    @Test
    void thisYearWithNoDateGivesNoYearRatherThanAnotherFiguresYear() {
        List<Claim> claims = Articles.extract("Initech reported sales of $14.4 billion in 2023 and expects sales of "
                + "$14 billion to $15 billion this year.");
        assertThat(claims).filteredOn(c -> c.attribute().equals("revenue_projection"))
                .singleElement().satisfies(c -> assertThat(c.qualifier()).isNull());
    }

    @Test
    void anEarlierRevenueAfterUpFromOrDownFromIsThatYearsRevenue() {
        List<Claim> claims = Articles.extract("Initech reported revenue of $1.3 billion in 2024, down from "
                + "$1.45 billion in 2023.");
        assertThat(Articles.only(claims, "initech:revenue:2023").value()).isEqualTo(1.45e9);
        assertThat(Articles.only(claims, "initech:revenue:2024").value()).isEqualTo(1.3e9);
    }

    @Test
    void theDateLineInTheTextGivesThePublicationYear() {
        List<Claim> claims = Articles.extract("Globex agrees to buy Initech\nBy Jane Roe\nOct. 2, 2024 5:18 pm ET\n"
                + "Initech generated sales of $1.3 billion last year. Initech expects about $2 billion in revenue "
                + "this year, up from about $1.6 billion late last year.");
        assertThat(Articles.find(claims, "initech:revenue:2023")).isPresent();
        assertThat(Articles.find(claims, "initech:revenue_projection:2024")).isPresent();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', nullValues = "none", value = {
            "Headline\\nMarch 18, 2025\\nBody.|2025",
            "Headline\\nWed 2 Jul 2025 08.15 BST|2025",
            "Headline\\nPublished: 01.10.2024 – 19:40 Uhr|2024",
            "Headline\\nRon Roe · September 25, 2023|2023",
            "SAN FRANCISCO, Dec. 17, 2024 /PRNewswire/ -- Initech today announced funding.|2024",
            "Headline\\nUpdated on January 9, 2024 at 11:58 PM|2024",
            "Headline\\nIn March 2023, Initech raised money.|none",
            "March 18 (Newswire) - Globex said in May 2024 it would buy Initech.|none",
    })
    void dateLines(String text, Integer year) {
        assertThat(Datelines.year(text.replace("\\n", "\n"))).isEqualTo(year);
    }
    @Test
    void theAgentOfATakeoverIsTheBuyerPastItsDescription() {
        List<Claim> claims = Articles.extract("Initech has agreed to a £4.1bn takeover by the US private equity firm "
                + "Globex, after a bidding war with its rival Hooli.");
        assertThat(Articles.only(claims, "globex>initech:deal_value").value()).isCloseTo(4.1e9,
                org.assertj.core.data.Percentage.withPercentage(0.01));
        List<Claim> headline = Articles.extract("Initech agrees £4.1bn takeover by Globex after bidding war with Hooli\n"
                + "Globex will pay £41.75 a share in cash.");
        assertThat(Articles.find(headline, "globex>initech:price_per_share")).isPresent();
    }

    @Test
    void aConsortiumLedByABuyerIsThatBuyer() {
        List<Claim> claims = Articles.extract("Initech, the country's biggest payments platform, has agreed a £5.4bn "
                + "takeover by a consortium led by the private equity firm Globex, ending two decades as an independent "
                + "company. The Leeds-based company said its board would recommend an offer of 1,140p a share from the "
                + "consortium, which also includes Hooli.");
        assertThat(Articles.only(claims, "globex>initech:deal_value").value()).isCloseTo(5.4e9,
                org.assertj.core.data.Percentage.withPercentage(0.01));
        assertThat(Articles.only(claims, "globex>initech:price_per_share").value()).isCloseTo(11.4,
                org.assertj.core.data.Percentage.withPercentage(0.01));
        List<Claim> group = Articles.extract("A group led by Globex agreed to buy Initech for $2 billion.");
        assertThat(Articles.find(group, "globex>initech:deal_value")).isPresent();
    }

    @Test
    void aHoldingStatedWithAnOwnershipVerbIsTheNamedHoldersStake() {
        List<Claim> claims = Articles.extract("Globex agreed to buy Initech for $4 billion. "
                + "The offer is a premium of 30% to Initech's share price. Co-founder Jane Roe, who owns about 20% of the company, is expected to back the deal. "
                + "The German government still owns roughly 12% of Initech. "
                + "Hooli, which is 51% owned by the Swiss government, did not bid.");
        assertThat(Articles.only(claims, "jane-roe>initech:stake_percent").value()).isEqualTo(20);
        assertThat(claims).noneMatch(c -> c.attribute().equals("stake_percent") && c.subject().equals("globex"));
        // a state holds stakes too, named by its country as written
        assertThat(Articles.only(claims, "german-government>initech:stake_percent").value()).isEqualTo(12);
        assertThat(Articles.only(claims, "swiss-government>hooli:stake_percent").value()).isEqualTo(51);
        List<Claim> vehicle = Articles.extract("Initech said its board would recommend an offer of 370p a share from "
                + "Globex, which already owns about 27.5% of the company.");
        Claim stake = Articles.only(vehicle, "globex>initech:stake_percent");
        assertThat(stake.modality()).isEqualTo(io.claimstream.model.Modality.REPORTED);
        assertThat(Articles.only(Articles.extract("Acme is 30% owned by Globex, which bought Initech for $2 billion."),
                "globex>acme:stake_percent").value()).isEqualTo(30);
    }

    @Test
    void anEarlierValuationSetAgainstTheNewOneIsTheSameCompanys() {
        List<Claim> claims = Articles.extract("Initech has raised $900 million in a round led by Globex that values "
                + "it at $9.9 billion. Hooli, Acme and Umbrella also took part in the round. The valuation is nearly "
                + "four times the $2.5 billion the company was valued at when it raised $105 million in January.");
        assertThat(Articles.only(claims, "initech:previous_valuation").value()).isEqualTo(2.5e9);
        assertThat(claims).noneMatch(c -> c.value() == 2.5e9 && !c.subject().equals("initech"));
        List<Claim> upFrom = Articles.extract("Initech has raised $10 billion in new funding that values it at $62 "
                + "billion. The Series J round was led by Globex, with participation from Hooli. The valuation is up "
                + "from $43 billion in the company's previous round in September 2023.");
        assertThat(Articles.only(upFrom, "initech:previous_valuation").value()).isEqualTo(43e9);
        assertThat(upFrom).noneMatch(c -> c.subject().equals("series-j"));
    }

    @Test
    void aPastValuationWithAnEarlierTimeIsThePreviousOne() {
        List<Claim> claims = Articles.extract("Initech is in talks to raise about $6 billion in a round that could "
                + "value it at $20 billion. Initech was valued at about $15 billion late last year, when it raised "
                + "roughly $135 million from investors.");
        assertThat(Articles.only(claims, "initech:previous_valuation").value()).isEqualTo(15e9);
        assertThat(Articles.find(claims, "initech:valuation").map(Claim::value)).contains(20e9);
        List<Claim> now = Articles.extract("Initech said it raised $1 billion. Initech was valued at $15 billion in "
                + "the round.");
        assertThat(Articles.only(now, "initech:valuation").value()).isEqualTo(15e9);
    }

    @Test
    void aPersonActsThroughTheVehicleTheArticleNames() {
        List<Claim> claims = Articles.extract("Parcelpost owner agrees £2.1bn takeover by Czech billionaire Jana Novak\n"
                + "Board of Northwind Logistics backs 250p-a-share offer from KL Group\n"
                + "The owner of Parcelpost has agreed a £2.08bn takeover by the Czech billionaire Jana Novak, ending a "
                + "century of public ownership. Northwind Logistics said its board would recommend an improved offer "
                + "of 250p a share in cash from Novak's investment vehicle KL Group, which already owns about 20% of "
                + "the company.");
        assertThat(Articles.only(claims, "kl-group>northwind-logistics:price_per_share").value()).isEqualTo(2.5);
        assertThat(Articles.only(claims, "kl-group>northwind-logistics:stake_percent").value()).isEqualTo(20);
        assertThat(claims).anyMatch(c -> c.key().equals("kl-group>northwind-logistics:deal_value") && c.value() == 2.08e9);
        assertThat(claims).noneMatch(c -> "jana-novak".equals(c.subject()) || "parcelpost".equals(c.subject())
                || "parcelpost".equals(c.counterparty()) || c.subject().startsWith("board"));
    }

    @Test
    void aDealNounSubjectPastAnAppositiveMakesADealValue() {
        List<Claim> claims = Articles.extract("Initech has agreed to a £4.1bn takeover by Globex. "
                + "Hooli's original proposal, at £37.63 a share, was worth roughly £3.8bn.");
        assertThat(Articles.only(claims, "hooli>initech:deal_value").value()).isCloseTo(3.8e9,
                org.assertj.core.data.Percentage.withPercentage(0.01));
        assertThat(claims).noneMatch(c -> c.attribute().equals("valuation"));
    }

    @Test
    void aRivalBiddersOfferIsForTheDealsTarget() {
        List<Claim> claims = Articles.extract("Globex agreed to buy Initech for $4 billion. "
                + "The deal trumps an improved offer from Hooli of $41 a share. "
                + "Initech had previously agreed a deal with Acme, another buyout firm, which offered $40 a share.");
        assertThat(Articles.only(claims, "hooli>initech:price_per_share").value()).isEqualTo(41);
        assertThat(Articles.only(claims, "acme>initech:price_per_share").value()).isEqualTo(40);
        // the offer word may be far back, past the figure and its terms
        List<Claim> terms = Articles.extract("Globex said it would buy Initech Corp for $14 billion. "
                + "Initech, which in August rejected an unsolicited offer of $35 a share in cash and stock from rival "
                + "Hooli Inc, had put itself up for sale.");
        assertThat(Articles.only(terms, "hooli>initech:price_per_share").value()).isEqualTo(35);
        assertThat(terms).noneMatch(c -> c.key().startsWith("globex>") && c.value() == 35);
        List<Claim> from = Articles.extract("Initech's board backed the takeover offer from the Acme Oil Company, "
                + "which values Initech at $14.7 billion. The equity value of the offer amounts to $11.7 billion.");
        assertThat(Articles.find(from, "acme-oil>initech:deal_value")).isPresent();
    }

    @Test
    void namedInvestorsInARoundPutMoneyIntoTheRaiser() {
        List<Claim> claims = Articles.extract("Initech raised $6.6 billion in a round that values it at $157 billion. "
                + "The round was led by Hooli Capital, which invested $1.25 billion. Globex invested just under "
                + "$1 billion, while Acme put in $100 million and Umbrella invested $500 million.");
        assertThat(Articles.only(claims, "hooli-capital>initech:investment_amount").value()).isEqualTo(1.25e9);
        assertThat(Articles.only(claims, "globex>initech:investment_amount").bound())
                .isEqualTo(io.claimstream.model.Bound.AT_MOST);
        assertThat(Articles.only(claims, "acme>initech:investment_amount").value()).isEqualTo(100e6);
        assertThat(Articles.only(claims, "umbrella>initech:investment_amount").value()).isEqualTo(500e6);
    }

    @Test
    void aStakeInANamedCompanyThenTheSumInvested() {
        List<Claim> claims = Articles.extract("Globex took a small minority stake in Initech in February, investing "
                + "€15m that will convert into equity at the company's next funding round.");
        assertThat(Articles.only(claims, "globex>initech:investment_amount").value()).isEqualTo(15e6);
    }

    @Test
    void aSumAddedToAValueIsAChangeNotADealFigure() {
        assertThat(Articles.extract("Globex agreed to buy Initech for $4 billion. Globex's latest bid is the fourth "
                + "in a contest that has added more than $1.5 billion to the company's value."))
                .noneMatch(c -> c.value() == 1.5e9);
    }
    @Test
    void aTargetsValuationInAnEarlierRoundIsItsPreviousValuation() {
        List<Claim> sale = Articles.extract("Globex agreed to buy Initech for $32 billion in cash. "
                + "Initech was valued at $12 billion in a private funding round in May 2024. "
                + "It is nearly triple the $12 billion valuation Initech hit in its last funding round.");
        assertThat(Articles.only(sale, "initech:previous_valuation").value()).isEqualTo(12e9);
        assertThat(sale).noneMatch(c -> c.attribute().equals("valuation"));
        List<Claim> investment = Articles.extract("Globex will invest $2.75 billion in Initech. "
                + "Initech was valued at about $18.4 billion in a funding round last year.");
        assertThat(Articles.find(investment, "initech:previous_valuation")).isPresent();
        // the round being reported, in the past tense, with no earlier time: the valuation now
        List<Claim> round = Articles.extract("Globex took a stake in Initech, investing $15 million. "
                + "Initech raised $600 million in a round that valued it at $5.8 billion.");
        assertThat(Articles.find(round, "initech:valuation")).isPresent();
    }

    @Test
    void anOfferAsANounCarriesNoModality() {
        List<Claim> claims = Articles.extract("Globex agreed to buy Initech for $4 billion. "
                + "The deal trumps an improved offer from Hooli of $41 a share, which valued Initech at about $3.9 billion. "
                + "Including debt, Globex's offer values Initech at about $4.8 billion.");
        assertThat(claims).filteredOn(c -> c.attribute().equals("valuation"))
                .extracting(Claim::modality).containsOnly(io.claimstream.model.Modality.REPORTED).hasSize(2);
    }
    @Test
    void theEquityValueOfADealIsItsValue() {
        List<Claim> claims = Articles.extract("Globex will acquire Initech in an all-cash transaction for $40.00 per "
                + "share, representing an equity value of approximately $14 billion.");
        assertThat(Articles.only(claims, "globex>initech:deal_value").value()).isEqualTo(14e9);
        assertThat(Articles.only(claims, "globex>initech:price_per_share").value()).isEqualTo(40);
    }

    @Test
    void fiftyPercentPlusOneShareIsAStake() {
        Claim c = Articles.only(Articles.extract("Globex said it aims to secure at least 50% plus one share of Initech."),
                "globex>initech:stake_percent");
        assertThat(c.bound()).isEqualTo(io.claimstream.model.Bound.AT_LEAST);
        assertThat(c.modality()).isEqualTo(io.claimstream.model.Modality.PLANNED);
    }

    @Test
    void anOfferOfAFigureFromABidder() {
        List<Claim> claims = Articles.extract("Globex agreed to buy Initech for $32 billion. Initech walked away from "
                + "an earlier offer of about $23 billion from Globex last year.");
        assertThat(claims).anyMatch(c -> c.key().equals("globex>initech:deal_value") && c.value() == 23e9);
    }

    @Test
    void aValuationANewOneIsComparedWithIsEarlier() {
        List<Claim> claims = Articles.extract("Initech has raised €600m in a round that values the company at €5.8bn, "
                + "nearly triple its valuation of about €2bn in December.");
        assertThat(Articles.only(claims, "initech:valuation").value()).isEqualTo(5.8e9);
        assertThat(Articles.only(claims, "initech:previous_valuation").value()).isEqualTo(2e9);
    }

    @Test
    void investorsInAReportedRoundEvenWhenOneOfThemIsTheMainInvestor() {
        List<Claim> claims = Articles.extract("Initech said it raised $6.6 billion in a funding round. "
                + "Globex, which owns a 49% share of the profits of Initech's lab, has invested about $13 billion in "
                + "the company since 2019. Hooli put in $100 million and Acme invested $500 million.");
        assertThat(Articles.only(claims, "globex>initech:investment_amount").value()).isEqualTo(13e9);
        assertThat(Articles.only(claims, "hooli>initech:investment_amount").value()).isEqualTo(100e6);
        assertThat(Articles.only(claims, "acme>initech:investment_amount").value()).isEqualTo(500e6);
    }

    @Test
    void moneyForAMinorityStakeIsAnInvestmentAndForAMajorityTheDealValue() {
        List<Claim> minority = Articles.extract("Globex will pay 1.6 billion euros for a 24.9 per cent stake in Initech.");
        assertThat(Articles.only(minority, "globex>initech:investment_amount").value()).isEqualTo(1.6e9);
        List<Claim> before = Articles.extract("Globex agreed to buy a 20% stake in Initech, a builder of battery "
                + "storage, for $650 million.");
        assertThat(Articles.only(before, "globex>initech:investment_amount").value()).isEqualTo(650e6);
        List<Claim> majority = Articles.extract("Globex will pay $2 billion for a 60% stake in Initech.");
        assertThat(Articles.only(majority, "globex>initech:deal_value").value()).isEqualTo(2e9);
        // a stake sold down later in a clause of its own is not what the money bought
        List<Claim> later = Articles.extract("Globex bought Initech for $15.3 billion in 2017 and has since sold "
                + "down part of its holding through share offerings.");
        assertThat(Articles.only(later, "globex>initech:deal_value").value()).isEqualTo(15.3e9);
    }

    @Test
    void figuresOfTheCombinedCompanyAreNoPartys() {
        List<Claim> claims = Articles.extract("Globex agreed to buy Initech for $14 billion. On a pro forma basis "
                + "the combined group would have had revenue of about $29 billion in 2023, and Globex shareholders "
                + "will own about 60 per cent of the combined company.");
        assertThat(claims).noneMatch(c -> c.value() == 29e9 || c.value() == 60);
    }

    @Test
    void anEquityValueTheTransactionImpliesIsTheDealValue() {
        List<Claim> claims = Articles.extract("Globex will acquire all outstanding shares of Initech. The "
                + "transaction implies an equity value of approximately $13 billion.");
        assertThat(Articles.only(claims, "globex>initech:deal_value").value()).isEqualTo(13e9);
    }

    @Test
    void theCompanyValuedIsTheRaiserOrTheValueVerbsObject() {
        List<Claim> round = Articles.extract("Initech, the answer engine, has closed a $500 million funding round "
                + "led by Hooli at a $14 billion post-money valuation.");
        assertThat(Articles.only(round, "initech:valuation").value()).isEqualTo(14e9);
        List<Claim> bid = Articles.extract("Globex launched a hostile bid for Initech on Thursday, offering one Globex "
                + "share for every 4.83 Initech shares in an all-paper deal valuing Initech at about €12.2bn.");
        assertThat(Articles.only(bid, "initech:valuation").value()).isEqualTo(12.2e9);
    }

    @Test
    void holdingsListedOrStatedWithoutTheirObjectAreInWhatTheHoldingBeforeWasIn() {
        List<Claim> listed = Articles.extract("Globex agreed to buy Initech. Initech owns about 79% of Hooli and about "
                + "70% of Acme.");
        assertThat(Articles.only(listed, "initech>acme:stake_percent").value()).isEqualTo(70);
        List<Claim> elliptical = Articles.extract("Globex merged its media arm with Initech. Globex holds 16.34% of "
                + "Initech directly. Hooli holds 46.82% and Acme owns 36.84%.");
        assertThat(Articles.only(elliptical, "hooli>initech:stake_percent").value()).isEqualTo(46.82);
        assertThat(Articles.only(elliptical, "acme>initech:stake_percent").value()).isCloseTo(36.84, within(1e-9));
    }

    @Test
    void theVerbsSubjectPastAnAppositiveAndTheSharesOfferedNameTheParties() {
        List<Claim> release = Articles.extract("SPRINGFIELD, Ill., April 2, 2024 -- Initech Holdings, Inc. today "
                + "announced a definitive agreement under which Globex, the global leader in technology investing, "
                + "will acquire all of the outstanding shares of Initech that it does not already own for $27.50 per "
                + "share in cash.");
        assertThat(Articles.only(release, "globex>initech:price_per_share").value()).isEqualTo(27.5);
        List<Claim> terms = Articles.extract("Globex agreed to buy Initech in a $35.3bn all-stock deal. Initech "
                + "shareholders will receive 1.0192 Globex shares for each Initech share they hold, worth $139.91 a "
                + "share based on Globex's closing price on Friday.");
        assertThat(Articles.only(terms, "globex>initech:price_per_share").value()).isEqualTo(139.91);
    }

    @Test
    void whatIsSoldAndWhoseStakeIsBought() {
        List<Claim> unit = Articles.extract("Hooli agreed to buy Initech for €14.3bn. Globex said it had agreed to sell "
                + "its logistics arm to Hooli for an enterprise value of €14.3bn.");
        assertThat(unit).noneMatch(c -> c.counterparty() != null && c.counterparty().equals("globex"));
        List<Claim> holding = Articles.extract("Globex wants to buy Initech. Globex disclosed a 9% holding in "
                + "Initech, after buying part of the "
                + "German government's stake for about 702 million euros, or 13.20 euros per share.");
        assertThat(Articles.only(holding, "globex>initech:investment_amount").value()).isEqualTo(702e6);
        List<Claim> paid = Articles.extract("Globex bought Hooli in 2019 and paid $4.1bn in shares for Acme's "
                + "logistics business in 2021.");
        assertThat(paid).noneMatch(c -> c.value() == 4.1e9 && "hooli".equals(c.counterparty()));
    }

    @Test
    void holdingsKeptOrStatedPastARelativeClause() {
        List<Claim> claims = Articles.extract("Globex sold a 51% stake in Initech to Hooli. Globex keeps the remaining "
                + "49%. Acme Bank of Australia, which also distributes Initech's product, owns about 5.5% of the "
                + "company.");
        assertThat(Articles.only(claims, "globex>initech:stake_percent").value()).isEqualTo(49);
        assertThat(Articles.only(claims, "acme-bank-of-australia>initech:stake_percent").value()).isEqualTo(5.5);
    }

    @Test
    void earlierValuationsByComparisonOrTime() {
        List<Claim> claims = Articles.extract("Initech has closed a $500 million round at a $14 billion valuation. The "
                + "new valuation is more than 50% above the $9 billion Initech was valued at in December. As recently "
                + "as January 2024 it was worth just $520 million.");
        assertThat(Articles.only(claims, "initech:valuation").value()).isEqualTo(14e9);
        assertThat(claims).filteredOn(c -> c.key().equals("initech:previous_valuation")).extracting(Claim::value)
                .containsExactlyInAnyOrder(9e9, 520e6);
    }

    @Test
    void earlierValuationsByTimeMarkersAndWhoIsPaid() {
        long published = java.time.Instant.parse("2023-05-01T00:00:00Z").toEpochMilli();
        List<Claim> claims = new ClaimExtractor().extract(new ArticleText("t", null, null, null, published,
                "Globex agreed to buy Initech for $10.6 billion. Globex said it is paying the FDIC $10.6 billion. "
                + "Initech was worth more than $20 billion at the start of the year. When earlier talks collapsed, "
                + "Hooli was valued at roughly $11 billion. Acme bought a majority stake in Hooli in 2020 in a deal "
                + "that valued the business at roughly €1bn. Initech had a market value of more than $6 billion at its "
                + "peak in 2021. Wall Street analysts expect revenue of about $15.5 billion in 2023."));
        assertThat(claims).noneMatch(c -> "fdic".equals(c.counterparty()));
        assertThat(claims).filteredOn(c -> c.attribute().equals("previous_valuation")).extracting(Claim::value)
                .contains(20e9, 11e9, 1e9, 6e9);
        assertThat(claims).anyMatch(c -> c.key().endsWith(":revenue_projection:2023") && c.value() == 15.5e9);
    }

    @Test
    void theAppositivesHeadOwnsAndHoldersOfSharesAreNoHolders() {
        List<Claim> claims = Articles.extract("Globex and Initech will merge to form Hooli. Acme, the holding company "
                + "of Italy's Roe family, which owns about 29% of Globex, backs the deal. Globex shareholders will own "
                + "50% of Hooli. Initech first invested in Umbrella last year, paying 86 billion yen for a 20% stake.");
        assertThat(Articles.only(claims, "acme>globex:stake_percent").value()).isEqualTo(29);
        assertThat(claims).noneMatch(c -> c.value() == 50);
        assertThat(Articles.only(claims, "initech>umbrella:investment_amount").value()).isEqualTo(86e9);
    }
}

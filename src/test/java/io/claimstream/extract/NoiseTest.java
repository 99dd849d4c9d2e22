package io.claimstream.extract;

import io.claimstream.model.Claim;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Acceptance 5, noise: page furniture, tickers, dates, ages and phone numbers never become claims. */
class NoiseTest {

    @Test
    void tickerLinesAreNotClaims() {
        List<Claim> claims = Articles.extract("Markets\nAAPL +0.84%  GOOGL -1.20%  NVDA +3.1%\n"
                + "Initech shares rose 4% on Tuesday.");
        assertThat(claims).isEmpty();
    }

    @Test
    void tickerGluedToAStakeWordIsStillATicker() {
        assertThat(Articles.extract("Stake holders watch: MSFT -1.95% as investors weigh the stake news.")).isEmpty();
    }

    @Test
    void navigationAndShareButtonsAreNotClaims() {
        String page = "Skip to content\nHome | World | Business | Tech\nShare on Facebook\nShare on X\n"
                + "Subscribe for $1 a week\nSign in\n";
        assertThat(Articles.extract(page)).isEmpty();
    }

    @Test
    void datesAgesAndPhoneNumbersAreNotQuantities() {
        QuantityParser p = new QuantityParser();
        assertThat(p.parse("The chief executive, 58, joined on 12/03/2019 and can be reached on +1-212-555-0100.")).isEmpty();
        assertThat(p.parse("Published 2024-06-12 09:30 GMT, updated June 13, 2024")).isEmpty();
        assertThat(p.parse("The fiscal 2023-24 results are due on 15 May.")).isEmpty();
    }

    @Test
    void figuresWithNoDealCueAreNotClaims() {
        List<Claim> claims = Articles.extract("Initech Inc. said on Monday that its shares closed at $41.20, "
                + "up 2.3%, in heavy trading. The group employs 12,000 people and is 40 years old.");
        assertThat(claims).isEmpty();
    }

    @Test
    void urlsAreNotQuantities() {
        assertThat(new QuantityParser().parse("see https://example.com/deal?price=100%25&v=$5 for details")).isEmpty();
    }
}

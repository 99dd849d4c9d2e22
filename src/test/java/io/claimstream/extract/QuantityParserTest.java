package io.claimstream.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The money and percent formats of English news coverage. */
class QuantityParserTest {
    private final QuantityParser parser = new QuantityParser();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "$15 billion|15e9|USD",
            "$14.3bn|14.3e9|USD",
            "US$89 billion|89e9|USD",
            "US $89 billion|89e9|USD",
            "€2.5 billion|2.5e9|EUR",
            "£700m|700e6|GBP",
            "¥1.2 trillion|1.2e12|JPY",
            "Rs 4,000 crore|4e10|INR",
            "Rs. 35 lakh|3.5e6|INR",
            "₹500 crore|5e9|INR",
            "15 billion dollars|15e9|USD",
            "fifteen billion dollars|15e9|USD",
            "twenty-two million euros|22e6|EUR",
            "$8B|8e9|USD",
            "$1.25B|1.25e9|USD",
            "$142.50|142.5|USD",
            "$500k|500e3|USD",
            "$2.1mn|2.1e6|USD",
            "$1.5tn|1.5e12|USD",
            "USD 200 million|200e6|USD",
            "EUR 125|125|EUR",
            "115USD|115|USD",
            "50 million USD|50e6|USD",
            "C$300 million|300e6|CAD",
            "A$2 billion|2e9|AUD",
            "HK$3.7 billion|3.7e9|HKD",
            "S$1.1 billion|1.1e9|SGD",
            "$US160 million|160e6|USD",
            "125 million Australian dollars|125e6|AUD",
            "10,000 Swiss francs|10000|CHF",
            "361 million pounds|361e6|GBP",
            "100 billion yuan|100e9|CNY",
            "1.23 billion shekels|1.23e9|ILS",
            "RM23.50|23.5|MYR",
            "49 percent|49|percent",
            "49 per cent|49|percent",
            "49%|49|percent",
            "49-per-cent|49|percent",
            "49 pct|49|percent",
            "one per cent|1|percent",
            "twenty percent|20|percent",
    })
    void formats(String text, double value, String unit) {
        List<Quantity> qs = parser.parse("They paid " + text + " for it.");
        assertThat(qs).as(text).hasSize(1);
        assertThat(qs.get(0).value()).isCloseTo(value, org.assertj.core.data.Percentage.withPercentage(0.001));
        assertThat(qs.get(0).unit()).isEqualTo(unit);
    }

    @Test
    void unicodeSpacesAndDashes() {
        assertThat(parser.parse("a $10\u2013$15\u00A0billion deal")).singleElement()
                .satisfies(q -> assertThat(q.valueHigh()).isEqualTo(15e9));
        assertThat(parser.parse("a 49\u202F% stake")).singleElement().satisfies(q -> assertThat(q.value()).isEqualTo(49));
        assertThat(parser.parse("$2\u2009billion")).singleElement().satisfies(q -> assertThat(q.value()).isEqualTo(2e9));
    }

    @Test
    void offsetsAreIntoTheGivenText() {
        String s = "Globex paid about $4.2 billion.";
        Quantity q = parser.parse(s).get(0);
        assertThat(s.substring(q.start(), q.end())).isEqualTo(q.text()).isEqualTo("$4.2 billion");
    }

    @Test
    void weakCurrencyWordsNeedAScaleOrQualifier() {
        assertThat(parser.parse("275 pound-feet of torque")).isEmpty();
        assertThat(parser.parse("He won 5 games and lost 100 pounds.")).isEmpty();
    }

    @Test
    void penceArePoundsAHundredth() {
        assertThat(parser.parse("an improved offer of 370p a share")).singleElement()
                .satisfies(q -> assertThat(q.value()).isCloseTo(3.70, within(1e-9)))
                .satisfies(q -> assertThat(q.unit()).isEqualTo("GBP"));
        assertThat(parser.parse("Globex backs 1,140p-a-share offer")).singleElement()
                .satisfies(q -> assertThat(q.value()).isCloseTo(11.40, within(1e-9)));
        assertThat(parser.parse("Initech offered 370 pence for each share")).singleElement()
                .satisfies(q -> assertThat(q.value()).isCloseTo(3.70, within(1e-9)))
                .satisfies(q -> assertThat(q.unit()).isEqualTo("GBP"));
        assertThat(parser.parse("Hooli bid \u00a33.70 a share")).singleElement()
                .satisfies(q -> assertThat(q.value()).isCloseTo(3.70, within(1e-9)));
        // a glued "p" is pence only before a share price phrase: not a resolution, not a capital P
        assertThat(parser.parse("streams in 1080p and 720p")).isEmpty();
        assertThat(parser.parse("the 5P a share plan")).isEmpty();
    }

    @Test
    void bareNumbersAreNotQuantities() {
        assertThat(parser.parse("The firm has 13,000 workers and 3.9 million customers.")).isEmpty();
    }

    @Test
    void longInputIsLinear() {
        // many figures and near-figures in one string: must not blow up (no regex backtracking)
        String chunk = "between $1 and $2 billion, about 3% or up to 4 per cent, 5-6-7-8 $$ %% 9,99,999 ";
        String big = chunk.repeat(20_000);
        long t0 = System.nanoTime();
        assertThat(parser.parse(big)).isNotEmpty();
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10.0);
    }
}

package io.claimstream.extract;

import io.claimstream.model.Bound;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Acceptance 5, bounds and ranges on money and percent figures. */
class BoundTest {
    private final QuantityParser parser = new QuantityParser();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "The bid is about $5 billion.|APPROX|5e9|",
            "The bid is approximately $5 billion.|APPROX|5e9|",
            "The bid is roughly $5 billion.|APPROX|5e9|",
            "The bid is around $5 billion.|APPROX|5e9|",
            "The bid is some $5 billion.|APPROX|5e9|",
            "The bid is nearly $5 billion.|APPROX|5e9|",
            "The bid is almost $5 billion.|APPROX|5e9|",
            "The bid is ~$5 billion.|APPROX|5e9|",
            "It took roughly a 40% stake.|APPROX|40|",
            "The bid is more than $5 billion.|AT_LEAST|5e9|",
            "The bid is over $5 billion.|AT_LEAST|5e9|",
            "The bid could exceed $5 billion.|AT_LEAST|5e9|",
            "The bid is at least $5 billion.|AT_LEAST|5e9|",
            "The bid is north of $5 billion.|AT_LEAST|5e9|",
            "The bid is $5B+ in cash.|AT_LEAST|5e9|",
            "The bid is in excess of $5 billion.|AT_LEAST|5e9|",
            "Initech expects to cross a $3 billion revenue run-rate.|AT_LEAST|3e9|",
            "The bid is up to $5 billion.|AT_MOST|5e9|",
            "The bid is as much as $5 billion.|AT_MOST|5e9|",
            "The bid is at most $5 billion.|AT_MOST|5e9|",
            "The bid is less than $5 billion.|AT_MOST|5e9|",
            "The bid is under $5 billion.|AT_MOST|5e9|",
            "The bid is $5 billion.|EXACT|5e9|",
            "The bid is $10–$15 billion.|RANGE|10e9|15e9",
            "The bid is $10-15 billion.|RANGE|10e9|15e9",
            "The bid is $10 billion to $15 billion.|RANGE|10e9|15e9",
            "The bid is between $14.3 and $14.8 billion.|RANGE|14.3e9|14.8e9",
            "Shares could rise between 5% and 6%.|RANGE|5|6",
            "Margins of 15 to 20 per cent are typical.|RANGE|15|20",
            "The bid is 10 to 12 billion euros.|RANGE|10e9|12e9",
    })
    void boundsAndRanges(String text, Bound bound, double value, Double high) {
        List<Quantity> qs = parser.parse(text);
        assertThat(qs).hasSize(1);
        Quantity q = qs.get(0);
        assertThat(q.bound()).isEqualTo(bound);
        assertThat(q.value()).isCloseTo(value, org.assertj.core.data.Percentage.withPercentage(0.001));
        if (high == null) assertThat(q.valueHigh()).isNull();
        else assertThat(q.valueHigh()).isCloseTo(high, org.assertj.core.data.Percentage.withPercentage(0.001));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Revenue rose 5% to $7 billion.",
            "Revenue increased by $2 billion to $9 billion.",
    })
    void aChangeToANewLevelIsNotARange(String text) {
        assertThat(parser.parse(text)).allMatch(q -> q.bound() != Bound.RANGE).hasSize(2);
    }
}

package io.claimstream.extract;

import io.claimstream.model.Claim;
import io.claimstream.model.Modality;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Acceptance 5, modality: the verb carrying the figure decides. */
class ModalityTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Globex invested $2 billion in Initech last year.|REPORTED",
            "Globex has invested $2 billion in Initech.|REPORTED",
            "Globex intends to invest $2 billion in Initech.|PLANNED",
            "Globex plans to invest $2 billion in Initech.|PLANNED",
            "Globex will invest $2 billion in Initech.|PLANNED",
            "Globex would invest $2 billion in Initech under the terms.|PLANNED",
            "Globex has agreed to invest $2 billion in Initech.|PLANNED",
            "Globex has committed to invest up to $2 billion in Initech.|PLANNED",
            "Globex is set to invest $2 billion in Initech.|PLANNED",
            "If regulators approve, Globex will invest $2 billion in Initech.|PLANNED",
            "Globex could invest $2 billion in Initech.|SPECULATIVE",
            "Globex may invest $2 billion in Initech.|SPECULATIVE",
            "Globex is in talks to invest $2 billion in Initech.|SPECULATIVE",
            "Globex is considering investing $2 billion in Initech.|SPECULATIVE",
            "Globex is reportedly investing $2 billion in Initech.|SPECULATIVE",
    })
    void modalityOfAnInvestment(String sentence, Modality expected) {
        Claim c = Articles.only(Articles.extract(sentence), "globex>initech:investment_amount");
        assertThat(c.modality()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Initech expects revenue of $900 million in 2026.|PROJECTED|revenue_projection",
            "Analysts forecast that Initech revenue will reach $900 million in 2026.|PROJECTED|revenue_projection",
            "Initech reported revenue of $700 million in 2024.|REPORTED|revenue",
            "Initech had revenue of $700 million in 2024.|REPORTED|revenue",
            "People close to Initech said it could generate sales of $90 million this year.|SPECULATIVE|revenue_projection",
            "Its founder has said Initech aims to generate revenue of more than $1 billion a year within three years.|PROJECTED|revenue_projection",
            "Initech hopes to reach sales of $300 million by 2027.|PROJECTED|revenue_projection",
    })
    void revenueAndItsProjection(String sentence, Modality expected, String attribute) {
        List<Claim> claims = Articles.extract(sentence);
        Claim c = claims.stream().filter(x -> x.attribute().equals(attribute)).findFirst().orElseThrow(
                () -> new AssertionError("no " + attribute + " in " + Articles.keys(claims)));
        assertThat(c.modality()).isEqualTo(expected);
        assertThat(c.subject()).isEqualTo("initech");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "The deal would value Initech at $8 billion.|PLANNED",
            "The deal values Initech at $8 billion.|REPORTED",
            "A new round could value Initech at $8 billion.|SPECULATIVE",
    })
    void valuationModality(String sentence, Modality expected) {
        assertThat(Articles.only(Articles.extract(sentence), "initech:valuation").modality()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Globex, which could one day float, invested $2 billion in Initech.|REPORTED",
    })
    void aModalInAnotherClauseDoesNotCarry(String sentence, Modality expected) {
        assertThat(Articles.only(Articles.extract(sentence), "globex>initech:investment_amount").modality())
                .isEqualTo(expected);
    }
}

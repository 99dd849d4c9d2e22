package io.claimstream.model;

/**
 * One figure extracted from one article.
 *
 * @param articleId    the article it came from
 * @param source       the outlet that published it
 * @param subject      canonical slug of who the figure is about (investor or buyer for two-party attributes)
 * @param counterparty canonical slug of the target for two-party attributes, else null
 * @param attribute    e.g. investment_amount, valuation, revenue
 * @param qualifier    e.g. the year for revenue, else null
 * @param value        the figure, or the low end of a range
 * @param valueHigh    the high end of a range, else null
 * @param unit         ISO 4217 currency code, or "percent"
 * @param bound        how the figure is stated
 * @param modality     how the sentence holds it
 * @param derived      computed from another figure rather than stated
 * @param evidence     the sentence that states it, verbatim
 * @param start        character offset of the evidence in the article text
 * @param end          end offset (exclusive) of the evidence
 */
public record Claim(
        String articleId,
        String source,
        String subject,
        String counterparty,
        String attribute,
        String qualifier,
        double value,
        Double valueHigh,
        String unit,
        Bound bound,
        Modality modality,
        boolean derived,
        String evidence,
        int start,
        int end) {

    /** Attributes whose subject is the investor or buyer and whose counterparty is the target. */
    public static final java.util.Set<String> TWO_PARTY_ATTRIBUTES =
            java.util.Set.of("investment_amount", "stake_percent", "deal_value", "price_per_share");

    /** The claim key: {@code subject[>counterparty]:attribute[:qualifier]}. */
    public String key() {
        return ClaimKey.of(subject, counterparty, attribute, qualifier);
    }
}

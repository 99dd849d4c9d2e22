package io.claimstream.extract;

import io.claimstream.model.Bound;

/**
 * A money or percent figure found in text.
 *
 * @param value     the figure, or the low end of a range (scale words applied: "$1.5bn" is 1.5e9)
 * @param valueHigh the high end of a range, else null
 * @param unit      ISO 4217 code, or "percent"
 * @param bound     how the text bounds it
 * @param start     offset of the first character of the figure (including currency sign and range)
 * @param end       exclusive end offset
 * @param text      the covered text
 */
public record Quantity(double value, Double valueHigh, String unit, Bound bound, int start, int end, String text) {
    public boolean isPercent() {
        return "percent".equals(unit);
    }
}

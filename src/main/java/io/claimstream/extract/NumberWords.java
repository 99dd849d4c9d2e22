package io.claimstream.extract;

import java.util.Map;

/** English number and scale words. */
final class NumberWords {
    private NumberWords() {}

    static final Map<String, Integer> SMALL = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30),
            Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70),
            Map.entry("eighty", 80), Map.entry("ninety", 90));

    /** Scale words written out or abbreviated after a number. */
    static double scale(String lower) {
        switch (lower) {
            case "hundred": return 1e2;
            case "thousand": case "thousands": case "k": return 1e3;
            case "lakh": case "lakhs": case "lac": return 1e5;
            case "million": case "millions": case "m": case "mn": case "mln": case "mio": case "mil": case "mm": return 1e6;
            case "crore": case "crores": case "cr": return 1e7;
            case "billion": case "billions": case "bn": case "b": case "bln": case "bil": return 1e9;
            case "trillion": case "trillions": case "tn": case "tr": case "trn": case "t": return 1e12;
            default: return 0;
        }
    }

    /** Whether the scale word is an abbreviation that is only trusted next to a currency ("5m" may be metres). */
    static boolean abbreviated(String lower) {
        return lower.length() <= 3 && !lower.equals("lac");
    }

    static boolean isScaleWord(String lower) {
        return scale(lower) > 0;
    }
}

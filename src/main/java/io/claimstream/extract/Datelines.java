package io.claimstream.extract;

import java.util.Set;

/**
 * The publication year printed in an article's own header lines, for articles that come without a publication
 * date: "March 18, 2025", "Oct. 2, 2024 5:18 pm ET", "Wed 2 Jul 2025 08.15 BST", "Published: 01.10.2024",
 * "SAN FRANCISCO, Dec. 17, 2024 /PRNewswire/ --". Only the first lines are read, only a date near the start of
 * its line, and only when nothing but capitalised words (a byline, a place, "Updated") comes before it, so a
 * body sentence ("In March 2023, ...") is not taken for the date line. No regular expressions; linear.
 */
final class Datelines {
    private Datelines() {}

    /** Lines read from the top of the article. */
    static final int LINES = 8;
    /** How far into its line a date may start. */
    static final int WITHIN = 80;

    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
            "aug", "sep", "sept", "oct", "nov", "dec");
    /** Capitalised words that open a sentence about the past rather than a date line. */
    private static final Set<String> NOT_HEADER = Set.of("in", "since", "from", "until", "before", "after", "by",
            "during", "between", "as", "on", "at", "for", "of", "the", "a", "an");

    /** The year of the first date in the article's header lines, or null. */
    static Integer year(String text) {
        int pos = 0, lines = 0;
        while (pos < text.length() && lines < LINES) {
            int end = text.indexOf('\n', pos);
            if (end < 0) end = text.length();
            if (end > pos) {
                lines++;
                Integer y = inLine(text, pos, Math.min(end, pos + WITHIN + 12));
                if (y != null) return y;
            }
            pos = end + 1;
        }
        return null;
    }

    private static Integer inLine(String text, int from, int to) {
        int lastMonth = -10; // word index of the last month name seen
        int words = 0;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                int j = i;
                while (j < to && Character.isLetter(text.charAt(j))) j++;
                String w = text.substring(i, j).toLowerCase(java.util.Locale.ROOT);
                boolean capital = Character.isUpperCase(c);
                if (MONTHS.contains(w) && capital) {
                    lastMonth = words;
                } else if (!capital && !(w.equals("at") || w.equals("on") || w.equals("s"))
                        || capital && NOT_HEADER.contains(w)) {
                    return null; // prose ("Globex said in May 2024"), or a sentence about the past ("In March 2023")
                }
                words++;
                i = j;
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < to && text.charAt(j) >= '0' && text.charAt(j) <= '9') j++;
                if (j - i == 4 && i - from <= WITHIN) {
                    int y = Integer.parseInt(text, i, j, 10);
                    boolean numeric = i >= 3 && (text.charAt(i - 1) == '.' || text.charAt(i - 1) == '/')
                            && Character.isDigit(text.charAt(i - 2)); // "01.10.2024", "10/01/2024"
                    if (y >= 1990 && y <= 2100 && (numeric || lastMonth >= 0 && words - lastMonth <= 2)) return y;
                }
                words++;
                i = j;
            } else {
                i++;
            }
        }
        return null;
    }
}

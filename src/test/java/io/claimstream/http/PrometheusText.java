package io.claimstream.http;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4: every line a HELP, a TYPE or a sample; names and
 * label sets as the format allows; values floats or NaN/±Inf; one TYPE per family, before its samples, and each
 * family's samples together. Fails on the first line that breaks a rule, naming it.
 */
final class PrometheusText {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"";
    private static final String VALUE = "(?:[+-]?(?:[0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?|Inf)|NaN)";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(?:" + LABEL + "(?:," + LABEL + ")*,?)?})? (" + VALUE + ")(?: -?[0-9]+)?");

    private PrometheusText() {}

    /** Sample (name plus label set, as written) → value. */
    static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        Set<String> closedFamilies = new HashSet<>();
        String currentFamily = null;
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            if (line.isEmpty()) {
                if (lineNo == text.split("\n", -1).length) break; // the final newline
                throw new AssertionError("line " + lineNo + ": empty line");
            }
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) continue;
            if ((m = TYPE.matcher(line)).matches()) {
                String family = m.group(1);
                if (types.put(family, m.group(2)) != null) throw new AssertionError("line " + lineNo + ": second TYPE for " + family);
                if (currentFamily != null) closedFamilies.add(currentFamily);
                currentFamily = family;
                continue;
            }
            if (line.startsWith("#")) continue; // comments are allowed
            if (!(m = SAMPLE.matcher(line)).matches()) throw new AssertionError("line " + lineNo + ": not a sample: " + line);
            String family = family(m.group(1), types);
            if (family == null) throw new AssertionError("line " + lineNo + ": sample before its TYPE: " + line);
            if (closedFamilies.contains(family)) throw new AssertionError("line " + lineNo + ": samples of " + family + " are not together");
            if (!family.equals(currentFamily)) throw new AssertionError("line " + lineNo + ": sample of " + family + " under TYPE " + currentFamily);
            String series = m.group(1) + (m.group(2) == null ? "" : m.group(2));
            if (samples.put(series, value(m.group(3))) != null) throw new AssertionError("line " + lineNo + ": duplicate series " + series);
        }
        return samples;
    }

    /** The family a sample name belongs to: itself, or a histogram/summary's with its suffix dropped. */
    private static String family(String name, Map<String, String> types) {
        if (types.containsKey(name)) return name;
        for (String suffix : new String[] {"_bucket", "_count", "_sum", "_total", "_created"}) {
            if (name.endsWith(suffix) && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return null;
    }

    private static double value(String s) {
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    /** The sum over every series of {@code name}, whatever their labels; 0 when there is none. */
    static double sum(Map<String, Double> samples, String name) {
        return samples.entrySet().stream()
                .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}

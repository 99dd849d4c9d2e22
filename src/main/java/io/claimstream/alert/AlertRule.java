package io.claimstream.alert;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One watchlist line: a pattern over claim keys ({@code *} stands for any run of characters, so
 * {@code *>scale-ai:*} is every two-party figure with Scale AI as counterparty and {@code *:deal_value} every deal
 * value) and the smallest shift worth an alert.
 */
public final class AlertRule {
    private final String pattern;
    private final Shift shift;
    private final Pattern regex;

    public AlertRule(String pattern, Shift shift) {
        this.pattern = pattern;
        this.shift = shift;
        this.regex = Pattern.compile(Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
    }

    public String pattern() {
        return pattern;
    }

    public Shift shift() {
        return shift;
    }

    public boolean matches(String key) {
        return regex.matcher(key).matches();
    }

    /** As written in a watchlist. */
    @Override
    public String toString() {
        return pattern + " " + shift.text();
    }
}

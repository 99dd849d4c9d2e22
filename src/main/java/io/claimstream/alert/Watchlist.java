package io.claimstream.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Which consensus changes become alerts. One rule a line, {@code PATTERN [SHIFT]}, {@code #} starts a comment:
 *
 * <pre>
 * meta>scale-ai:stake_percent  off     # never
 * *>scale-ai:*                 5%      # relative to the old figure
 * *:deal_value                 100M    # absolute, in the key's unit
 * scale-ai:valuation                   # any move the consensus reports
 * </pre>
 * The first rule whose pattern matches a key decides, so specific lines go above general ones.
 */
public final class Watchlist {
    public static final Watchlist EMPTY = new Watchlist(List.of());
    /** A watchlist file. */
    public static final String FILE = "alerts.watchlist";
    /** Rules inline, separated by {@code ;}, after those of the file. */
    public static final String RULES = "alerts.watch";

    private final List<AlertRule> rules;

    public Watchlist(List<AlertRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Watchlist fromProperties(Properties p) {
        List<AlertRule> rules = new ArrayList<>();
        String file = p.getProperty(FILE, "").strip();
        if (!file.isEmpty()) {
            try {
                rules.addAll(parse(Files.readString(Path.of(file), StandardCharsets.UTF_8), file).rules);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the watchlist " + file + " (" + FILE + ")", e);
            }
        }
        String inline = p.getProperty(RULES, "").strip();
        if (!inline.isEmpty()) rules.addAll(parse(inline.replace(';', '\n'), RULES).rules);
        return new Watchlist(rules);
    }

    /** @param where named in errors: the file or property the text came from */
    public static Watchlist parse(String text, String where) {
        List<AlertRule> rules = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            line = line.strip();
            if (line.isEmpty()) continue;
            String[] parts = line.split("\\s+", 2);
            try {
                if (parts[0].chars().noneMatch(c -> c == ':' || c == '*')) {
                    throw new IllegalArgumentException("'" + parts[0] + "' is not a claim key pattern (subject[>counterparty]:attribute[:qualifier], * for any text)");
                }
                rules.add(new AlertRule(parts[0], Shift.parse(parts.length > 1 ? parts[1] : "")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new Watchlist(rules);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public List<AlertRule> rules() {
        return rules;
    }

    /** The rule that decides for this key, if any. */
    public Optional<AlertRule> ruleFor(String key) {
        return rules.stream().filter(r -> r.matches(key)).findFirst();
    }

    /** The rule under which a move of this key from {@code before} to {@code after} is an alert, if any. */
    public Optional<AlertRule> alertFor(String key, Double before, Double after) {
        return ruleFor(key).filter(r -> r.shift().reached(before, after));
    }
}

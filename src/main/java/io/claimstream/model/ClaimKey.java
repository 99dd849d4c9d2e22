package io.claimstream.model;

/** Builds and reads claim keys: {@code subject[>counterparty]:attribute[:qualifier]}. */
public record ClaimKey(String subject, String counterparty, String attribute, String qualifier) {

    public static String of(String subject, String counterparty, String attribute, String qualifier) {
        StringBuilder key = new StringBuilder(subject);
        if (counterparty != null && !counterparty.isEmpty()) key.append('>').append(counterparty);
        key.append(':').append(attribute);
        if (qualifier != null && !qualifier.isEmpty()) key.append(':').append(qualifier);
        return key.toString();
    }

    public static ClaimKey parse(String key) {
        String[] parts = key.split(":", 3);
        if (parts.length < 2) throw new IllegalArgumentException("not a claim key: " + key);
        String[] parties = parts[0].split(">", 2);
        return new ClaimKey(parties[0], parties.length > 1 ? parties[1] : null, parts[1], parts.length > 2 ? parts[2] : null);
    }

    @Override
    public String toString() {
        return of(subject, counterparty, attribute, qualifier);
    }
}

package io.sluice.values;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks the keys a dataFrom entry produced against the Secret key rules ({@code ^[-._a-zA-Z0-9]+$}, at
 * most 253 characters). An empty key is dropped rather than rejected, as ESO's {@code ValidateKeys} does
 * (a rewrite can map a key to nothing to leave it out).
 */
public final class SecretKeys {

    public static final int MAX_LENGTH = 253;

    private SecretKeys() {}

    /** The entries with empty keys removed; throws when any other key is invalid, naming all of them. */
    public static Map<String, byte[]> validate(String source, Map<String, byte[]> values) {
        List<String> invalid = values.keySet().stream()
                .filter(key -> !key.isEmpty() && !isValid(key))
                .sorted()
                .toList();
        if (!invalid.isEmpty()) {
            throw new ExtractionException.InvalidKey(source + " produced invalid Secret keys "
                    + invalid.stream().map(SecretKeys::describe).collect(Collectors.joining(", "))
                    + ": keys must match ^[-._a-zA-Z0-9]+$ and have at most " + MAX_LENGTH + " characters");
        }
        Map<String, byte[]> kept = new LinkedHashMap<>(values);
        kept.remove("");
        return kept;
    }

    public static boolean isValid(String key) {
        return !key.isEmpty() && key.length() <= MAX_LENGTH && key.chars().allMatch(KeyConversion::isKeyCharacter);
    }

    private static String describe(String key) {
        if (key.length() > MAX_LENGTH) {
            return "\"" + key.substring(0, 40) + "...\" (" + key.length() + " characters)";
        }
        return "\"" + key + "\"";
    }
}

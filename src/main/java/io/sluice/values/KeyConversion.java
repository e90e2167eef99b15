package io.sluice.values;

import io.sluice.api.v1.RemoteRef.ConversionStrategy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code conversionStrategy} for dataFrom extract and find keys (used only when the entry has no rewrite).
 * Every character outside {@code [-._a-zA-Z0-9]} becomes {@code _} (Default, also when unset) or
 * {@code _UXXXX_} (Unicode): the code point in lowercase hex, at least four digits, exactly ESO's
 * {@code fmt.Sprintf("_U%04x_", r)}, so {@code /} gives {@code _U002f_} and an emoji {@code _U1f600_}.
 *
 * <p>One deliberate difference: ESO keeps non-ASCII letters and digits ({@code é}), which the API server
 * then rejects as a Secret key; Sluice converts them too, so the result is always a valid key.
 */
public final class KeyConversion {

    private KeyConversion() {}

    /** The converted key. */
    public static String convert(ConversionStrategy strategy, String key) {
        StringBuilder converted = new StringBuilder(key.length());
        key.codePoints().forEach(codePoint -> {
            if (isKeyCharacter(codePoint)) {
                converted.appendCodePoint(codePoint);
            } else if (strategy == ConversionStrategy.Unicode) {
                converted.append("_U").append(String.format("%04x", codePoint)).append('_');
            } else {
                converted.append('_');
            }
        });
        return converted.toString();
    }

    /** Converts every key; two keys converting to the same name is an error naming both. */
    public static Map<String, byte[]> convertAll(ConversionStrategy strategy, Map<String, byte[]> values) {
        Map<String, byte[]> converted = new LinkedHashMap<>();
        Map<String, String> originals = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            String newKey = convert(strategy, key);
            String earlier = originals.putIfAbsent(newKey, key);
            if (earlier != null) {
                throw new ExtractionException.DuplicateKey("secret name collision during conversion: keys \"" + earlier
                        + "\" and \"" + key + "\" both convert to \"" + newKey + "\"");
            }
            converted.put(newKey, value);
        });
        return converted;
    }

    static boolean isKeyCharacter(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_';
    }
}

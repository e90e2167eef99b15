package io.sluice.values;

import io.sluice.api.v1.RemoteRef.DecodingStrategy;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code decodingStrategy}, with the rules of ESO's {@code runtime/decoding} (Go's {@code encoding/base64}):
 * <ul>
 * <li>None (or unset): the value as is.</li>
 * <li>Base64: standard alphabet ({@code +/}), padding required.</li>
 * <li>Base64URL: URL alphabet ({@code -_}), padding required.</li>
 * <li>Auto: Base64, else Base64URL, else the value as is (so a plain value that happens to be valid
 * base64, such as {@code abcd}, is decoded: ESO behaves the same).</li>
 * </ul>
 * Like Go, CR and LF anywhere in the input are ignored; any other character outside the alphabet, a length
 * that is not a multiple of four, or misplaced padding is an error.
 */
public final class ValueDecoder {

    private enum Alphabet {
        STANDARD("Base64", "standard (+/)", Base64.getDecoder()),
        URL("Base64URL", "URL-safe (-_)", Base64.getUrlDecoder());

        final String strategy;
        final String description;
        final Base64.Decoder decoder;

        Alphabet(String strategy, String description, Base64.Decoder decoder) {
            this.strategy = strategy;
            this.description = description;
            this.decoder = decoder;
        }
    }

    private ValueDecoder() {
    }

    /** Decodes one value; {@code key} only names it in error messages. */
    public static byte[] decode(DecodingStrategy strategy, String key, byte[] value) {
        if (strategy == null || strategy == DecodingStrategy.None) {
            return value;
        }
        return switch (strategy) {
            case Base64 -> decodeOrFail(Alphabet.STANDARD, key, value);
            case Base64URL -> decodeOrFail(Alphabet.URL, key, value);
            case Auto -> decodeAuto(value);
            case None -> value;
        };
    }

    /** Decodes every value of a map, keeping its order. */
    public static Map<String, byte[]> decodeAll(DecodingStrategy strategy, Map<String, byte[]> values) {
        Map<String, byte[]> decoded = new LinkedHashMap<>();
        values.forEach((key, value) -> decoded.put(key, decode(strategy, key, value)));
        return decoded;
    }

    private static byte[] decodeAuto(byte[] value) {
        byte[] decoded = tryDecode(Alphabet.STANDARD, value);
        if (decoded == null) {
            decoded = tryDecode(Alphabet.URL, value);
        }
        return decoded == null ? value : decoded;
    }

    private static byte[] decodeOrFail(Alphabet alphabet, String key, byte[] value) {
        byte[] decoded = tryDecode(alphabet, value);
        if (decoded == null) {
            throw new ExtractionException.DecodingFailed("failure decoding key " + key + " with decodingStrategy "
                    + alphabet.strategy + ": the value is not " + alphabet.description
                    + " base64 padded to a multiple of 4 characters");
        }
        return decoded;
    }

    /** The decoded bytes, or null when the value is not valid for the alphabet under Go's rules. */
    private static byte[] tryDecode(Alphabet alphabet, byte[] value) {
        byte[] stripped = withoutLineBreaks(value);
        // Java accepts missing padding; Go's padded encodings do not.
        if (stripped.length % 4 != 0) {
            return null;
        }
        try {
            return alphabet.decoder.decode(stripped);
        } catch (IllegalArgumentException invalid) {
            return null;
        }
    }

    private static byte[] withoutLineBreaks(byte[] value) {
        int kept = 0;
        byte[] copy = new byte[value.length];
        for (byte b : value) {
            if (b != '\r' && b != '\n') {
                copy[kept++] = b;
            }
        }
        return kept == value.length ? value : Arrays.copyOf(copy, kept);
    }
}

package io.sluice.values;

import io.sluice.api.v1.RemoteRef.DecodingStrategy;
import io.sluice.decoding.StrategyDecoder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code remoteRef.decodingStrategy} on fetched values, with ESO's rules ({@link StrategyDecoder}); a value
 * that is not valid for Base64 or Base64URL fails with {@link ExtractionException.DecodingFailed}, naming the
 * key and the strategy, never the value.
 */
public final class ValueDecoder {

    private ValueDecoder() {}

    /** Decodes one value; {@code key} only names it in error messages. */
    public static byte[] decode(DecodingStrategy strategy, String key, byte[] value) {
        return StrategyDecoder.decode(strategy, value)
                .orElseThrow(() -> new ExtractionException.DecodingFailed(
                        "failure decoding key " + key + " with decodingStrategy " + strategy + ": the value is not "
                                + StrategyDecoder.alphabet(strategy) + " base64 padded to a multiple of 4 characters"));
    }

    /** Decodes every value of a map, keeping its order. */
    public static Map<String, byte[]> decodeAll(DecodingStrategy strategy, Map<String, byte[]> values) {
        Map<String, byte[]> decoded = new LinkedHashMap<>();
        values.forEach((key, value) -> decoded.put(key, decode(strategy, key, value)));
        return decoded;
    }
}

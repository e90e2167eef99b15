package io.sluice.decoding;

import io.sluice.api.v1.RemoteRef.DecodingStrategy;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

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
 * that is not a multiple of four, or misplaced padding makes the value invalid. Shared by fetched values
 * ({@code remoteRef.decodingStrategy}) and rendered ones ({@code templateFrom[].valuesDecodingStrategy}), each
 * of which reports an invalid value its own way.
 */
public final class StrategyDecoder {

    private StrategyDecoder() {}

    /** The decoded value; empty when it is not valid for Base64 or Base64URL (None and Auto never fail). */
    public static Optional<byte[]> decode(DecodingStrategy strategy, byte[] value) {
        if (strategy == null) {
            return Optional.of(value);
        }
        return switch (strategy) {
            case Base64 -> tryDecode(Base64.getDecoder(), value);
            case Base64URL -> tryDecode(Base64.getUrlDecoder(), value);
            case Auto ->
                Optional.of(tryDecode(Base64.getDecoder(), value)
                        .or(() -> tryDecode(Base64.getUrlDecoder(), value))
                        .orElse(value));
            case None -> Optional.of(value);
        };
    }

    /** The alphabet of a failing strategy, for messages: "standard (+/)" or "URL-safe (-_)". */
    public static String alphabet(DecodingStrategy strategy) {
        return strategy == DecodingStrategy.Base64URL ? "URL-safe (-_)" : "standard (+/)";
    }

    private static Optional<byte[]> tryDecode(Base64.Decoder decoder, byte[] value) {
        byte[] stripped = withoutLineBreaks(value);
        // Java accepts missing padding; Go's padded encodings do not.
        if (stripped.length % 4 != 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(decoder.decode(stripped));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
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

package io.sluice.values;

import io.sluice.api.v1.ExternalSecretFind;
import io.sluice.api.v1.ExternalSecretRewrite;
import io.sluice.api.v1.RemoteRef;
import io.sluice.provider.RemoteKey;
import io.sluice.provider.RemoteSecret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns raw remote values into Secret data for one spec entry, in ESO's order. The caller fetches (once per
 * {@link RemoteKey}, shared by all entries) and passes the raw values here.
 * <ul>
 * <li>{@code data[]}: property, decoding, NUL-byte policy.</li>
 * <li>{@code dataFrom[].extract}: property, JSON object to entries, rewrite (or key conversion when there
 * is no rewrite), key validation, decoding, NUL-byte policy.</li>
 * <li>{@code dataFrom[].find}: the remote names are the keys; then as extract.</li>
 * </ul>
 */
public final class EntryValues {

    private EntryValues() {}

    /** The value of one {@code data[]} entry stored under {@code secretKey}. */
    public static byte[] forData(String secretKey, RemoteRef ref, RemoteSecret raw) {
        byte[] selected = PropertyPath.select(ref.key, raw.value(), ref.property);
        byte[] decoded = ValueDecoder.decode(ref.decodingStrategy, secretKey, selected);
        NullByteGuard.check(ref.nullBytePolicy, secretKey, decoded);
        return decoded;
    }

    /** The entries of one {@code dataFrom[].extract}. */
    public static Map<String, byte[]> forExtract(
            RemoteRef extract, List<ExternalSecretRewrite> rewrites, RemoteSecret raw) {
        Map<String, byte[]> members = SecretMapExtractor.extract(extract.key, raw.value(), extract.property);
        Map<String, byte[]> keyed =
                renameAndValidate("extract of " + extract.key, rewrites, extract.conversionStrategy, members);
        return decodeAndGuard(extract.decodingStrategy, extract.nullBytePolicy, keyed);
    }

    /** The entries of one {@code dataFrom[].find}, given the matched remote secrets by name. */
    public static Map<String, byte[]> forFind(
            ExternalSecretFind find, List<ExternalSecretRewrite> rewrites, Map<String, RemoteSecret> found) {
        Map<String, byte[]> byName = new LinkedHashMap<>();
        found.forEach((name, secret) -> byName.put(name, secret.value()));
        Map<String, byte[]> keyed = renameAndValidate("find", rewrites, find.conversionStrategy, byName);
        return decodeAndGuard(find.decodingStrategy, find.nullBytePolicy, keyed);
    }

    /** The entries of one {@code dataFrom[].sourceRef.generatorRef}: the generator's keys, rewritten (ESO applies no conversion or decoding). */
    public static Map<String, byte[]> forGenerator(
            String source, List<ExternalSecretRewrite> rewrites, Map<String, byte[]> generated) {
        Map<String, byte[]> renamed =
                rewrites == null || rewrites.isEmpty() ? generated : KeyRewriter.rewrite(rewrites, generated);
        return SecretKeys.validate(source, renamed);
    }

    private static Map<String, byte[]> renameAndValidate(
            String source,
            List<ExternalSecretRewrite> rewrites,
            RemoteRef.ConversionStrategy conversion,
            Map<String, byte[]> values) {
        Map<String, byte[]> renamed = rewrites == null || rewrites.isEmpty()
                ? KeyConversion.convertAll(conversion, values)
                : KeyRewriter.rewrite(rewrites, values);
        return SecretKeys.validate(source, renamed);
    }

    private static Map<String, byte[]> decodeAndGuard(
            RemoteRef.DecodingStrategy decoding, RemoteRef.NullBytePolicy nullBytes, Map<String, byte[]> values) {
        Map<String, byte[]> decoded = ValueDecoder.decodeAll(decoding, values);
        NullByteGuard.checkAll(nullBytes, decoded);
        return decoded;
    }
}

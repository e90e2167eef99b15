package io.sluice.provider;

import io.sluice.api.v1.RemoteRef;
import java.util.Objects;

/**
 * The coordinates of one raw remote read: the key, its version (provider syntax, may be null) and whether
 * metadata rather than the value is wanted. Property selection and decoding happen above the provider, so
 * all entries that read the same coordinates share one provider call.
 */
public record RemoteKey(String key, String version, boolean metadata) {
    public RemoteKey {
        Objects.requireNonNull(key, "key");
    }

    public static RemoteKey of(RemoteRef ref) {
        return new RemoteKey(ref.key, ref.version, ref.metadataPolicy == RemoteRef.MetadataPolicy.Fetch);
    }

    @Override
    public String toString() {
        return key + (version == null ? "" : "@" + version) + (metadata ? " (metadata)" : "");
    }
}

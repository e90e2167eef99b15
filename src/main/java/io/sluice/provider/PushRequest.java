package io.sluice.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One value to push: the remote key, an optional property (set that field inside a JSON object, keep the
 * others), the raw value and the provider-specific metadata of the entry ({@code data[].metadata}, may be null).
 * Its {@link #toString()} never shows the value.
 */
public record PushRequest(String remoteKey, String property, byte[] value, JsonNode metadata) {
    public PushRequest {
        Objects.requireNonNull(remoteKey, "remoteKey");
        Objects.requireNonNull(value, "value");
        property = property == null || property.isEmpty() ? null : property;
    }

    public PushTarget target() {
        return new PushTarget(remoteKey, property);
    }

    @Override
    public String toString() {
        return "PushRequest[" + target() + ", " + value.length + " bytes]";
    }
}

package io.sluice.provider;

import java.util.Objects;

/** Where a pushed value lives: a remote key, and optionally a property of the JSON object stored there. */
public record PushTarget(String remoteKey, String property) {
    public PushTarget {
        Objects.requireNonNull(remoteKey, "remoteKey");
        property = property == null || property.isEmpty() ? null : property;
    }

    /** ESO's status key: {@code <remoteKey>[/<property>]}. */
    @Override
    public String toString() {
        return property == null ? remoteKey : remoteKey + "/" + property;
    }
}

package io.sluice.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.common.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PushSecretStatus {
    public String refreshTime;
    public String syncedResourceVersion;
    /** {@code "<Kind>/<store>"} to {@code "<remoteKey>[/<property>]"} to the entry that was pushed. */
    public Map<String, Map<String, PushSecretData>> syncedPushSecrets;

    public List<Condition> conditions = new ArrayList<>();

    /** An absent map and an empty one say the same (nothing synced): both compare equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PushSecretStatus o
                && Objects.equals(refreshTime, o.refreshTime)
                && Objects.equals(syncedResourceVersion, o.syncedResourceVersion)
                && Objects.equals(synced(), o.synced())
                && Objects.equals(conditions, o.conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(refreshTime, syncedResourceVersion, synced(), conditions);
    }

    private Map<String, Map<String, PushSecretData>> synced() {
        return syncedPushSecrets == null ? Map.of() : syncedPushSecrets;
    }
}

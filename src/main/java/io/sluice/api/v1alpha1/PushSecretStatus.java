package io.sluice.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.common.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PushSecretStatus {
    public String refreshTime;
    public String syncedResourceVersion;
    /** {@code "<Kind>/<store>"} to {@code "<remoteKey>[/<property>]"} to the entry that was pushed. */
    public Map<String, Map<String, PushSecretData>> syncedPushSecrets;
    public List<Condition> conditions = new ArrayList<>();
}

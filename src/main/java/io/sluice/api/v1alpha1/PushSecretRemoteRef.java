package io.sluice.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PushSecretRemoteRef {
    @Required
    public String remoteKey;

    public String property;

    @Override
    public boolean equals(Object other) {
        return other instanceof PushSecretRemoteRef o
                && Objects.equals(remoteKey, o.remoteKey)
                && Objects.equals(property, o.property);
    }

    @Override
    public int hashCode() {
        return Objects.hash(remoteKey, property);
    }
}

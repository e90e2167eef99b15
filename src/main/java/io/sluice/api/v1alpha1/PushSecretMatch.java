package io.sluice.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Which key of the source Secret goes where; no secretKey means the whole Secret as one JSON object. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PushSecretMatch {
    public String secretKey;

    @Required
    public PushSecretRemoteRef remoteRef;

    @Override
    public boolean equals(Object other) {
        return other instanceof PushSecretMatch o
                && Objects.equals(secretKey, o.secretKey)
                && Objects.equals(remoteRef, o.remoteRef);
    }

    @Override
    public int hashCode() {
        return Objects.hash(secretKey, remoteRef);
    }
}

package io.sluice.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;

/** Which key of the source Secret goes where; no secretKey means the whole Secret as one JSON object. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PushSecretMatch {
    public String secretKey;
    @Required
    public PushSecretRemoteRef remoteRef;
}

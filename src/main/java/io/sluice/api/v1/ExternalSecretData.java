package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** One {@code spec.data[]} entry: a single key of the target Secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExternalSecretData {
    @Required
    @Pattern("^[-._a-zA-Z0-9]+$")
    public String secretKey;

    @Required
    public RemoteRef remoteRef;

    public StoreSourceRef sourceRef;
}

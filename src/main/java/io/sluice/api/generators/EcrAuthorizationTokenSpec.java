package io.sluice.api.generators;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.sluice.api.v1.AwsProvider;

/** {@code ECRAuthorizationToken.spec}, also {@code ClusterGenerator.spec.generator.ecrAuthorizationTokenSpec}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EcrAuthorizationTokenSpec {
    @Required
    public String region;
    /** The same block as the aws provider's: secretRef, jwt, or neither for the operator's own credentials. */
    public AwsProvider.Auth auth;

    public String role;
    /** {@code private} (the default) or {@code public}; Sluice reports {@code public} as unsupported. */
    @Pattern("^(private|public)?$")
    public String scope;
}

package io.sluice.api.generators;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.sluice.api.v1.AwsProvider;

/** {@code STSSessionToken.spec}, also {@code ClusterGenerator.spec.generator.stsSessionTokenSpec}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StsSessionTokenSpec {
    @Required
    public String region;
    /** As the aws provider's, except that ESO refuses {@code jwt} here (GetSessionToken needs IAM user keys). */
    public AwsProvider.Auth auth;

    public String role;
    public RequestParameters requestParameters;

    /** What {@code GetSessionToken} is asked for. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class RequestParameters {
        /** Seconds the credentials stay valid: AWS accepts 900 to 129600 and defaults to 43200. */
        public Integer sessionDuration;

        public String serialNumber;
        public String tokenCode;
    }
}

package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.sluice.api.common.SecretKeySelector;
import io.sluice.api.common.ServiceAccountSelector;
import java.util.List;

/** {@code spec.provider.aws}: ESO's AWSProvider. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AwsProvider {
    @Required
    public Service service;

    @Required
    public String region;

    public String role;
    public List<String> additionalRoles;
    public String externalID;
    public List<Tag> sessionTags;
    public List<String> transitiveTagKeys;
    public String prefix;
    public Auth auth;
    public SecretsManagerOptions secretsManager;

    public enum Service {
        SecretsManager,
        ParameterStore,
        CertificateManager
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Tag {
        public String key;
        public String value;
    }

    /** Credentials: jwt wins over secretRef; neither means the operator pod's default chain. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Auth {
        public SecretRef secretRef;
        public Jwt jwt;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class SecretRef {
        public SecretKeySelector accessKeyIDSecretRef;
        public SecretKeySelector secretAccessKeySecretRef;
        public SecretKeySelector sessionTokenSecretRef;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Jwt {
        public ServiceAccountSelector serviceAccountRef;
    }

    /** Used only when PushSecret deletes a remote secret. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @ValidationRule(
            value =
                    "!(has(self.forceDeleteWithoutRecovery) && self.forceDeleteWithoutRecovery && has(self.recoveryWindowInDays))",
            message = "forceDeleteWithoutRecovery and recoveryWindowInDays cannot both be set")
    @ValidationRule(
            value =
                    "!has(self.recoveryWindowInDays) || (self.recoveryWindowInDays >= 7 && self.recoveryWindowInDays <= 30)",
            message = "recoveryWindowInDays must be between 7 and 30")
    public static class SecretsManagerOptions {
        public Boolean forceDeleteWithoutRecovery;
        public Long recoveryWindowInDays;
    }
}

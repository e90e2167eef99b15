package io.sluice.provider.aws;

import io.sluice.provider.ProviderConfigurationException;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/**
 * {@code remoteRef.version} in Secrets Manager terms: a version stage (AWSCURRENT when absent) or, with
 * the {@code uuid/} prefix, a version id. Exactly one of the two is set.
 */
record SecretVersion(String stage, String id) {
    static final String CURRENT = "AWSCURRENT";
    static final String ID_PREFIX = "uuid/";

    static SecretVersion of(String version) {
        if (version == null || version.isBlank()) {
            return new SecretVersion(CURRENT, null);
        }
        if (version.startsWith(ID_PREFIX)) {
            String id = version.substring(ID_PREFIX.length());
            if (id.isBlank()) {
                throw new ProviderConfigurationException("version " + version + " names no version id");
            }
            return new SecretVersion(null, id);
        }
        return new SecretVersion(version, null);
    }

    GetSecretValueRequest request(String secretId) {
        return GetSecretValueRequest.builder()
                .secretId(secretId)
                .versionStage(stage)
                .versionId(id)
                .build();
    }
}

package io.sluice.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.provider.ProviderConfigurationException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

class SecretVersionTest {

    @Test
    void noVersionReadsTheCurrentStage() {
        GetSecretValueRequest request = SecretVersion.of(null).request("db");
        assertEquals("db", request.secretId());
        assertEquals("AWSCURRENT", request.versionStage());
        assertNull(request.versionId());
        assertEquals("AWSCURRENT", SecretVersion.of("  ").stage());
    }

    @Test
    void aVersionIsSentAsAStage() {
        GetSecretValueRequest request = SecretVersion.of("AWSPREVIOUS").request("db");
        assertEquals("AWSPREVIOUS", request.versionStage());
        assertNull(request.versionId());
    }

    @Test
    void theUuidPrefixSendsAVersionId() {
        GetSecretValueRequest request =
                SecretVersion.of("uuid/0b1c2d3e-aaaa-bbbb-cccc-000000000001").request("db");
        assertNull(request.versionStage());
        assertEquals("0b1c2d3e-aaaa-bbbb-cccc-000000000001", request.versionId());
    }

    @Test
    void anEmptyUuidIsAConfigurationError() {
        assertThrows(ProviderConfigurationException.class, () -> SecretVersion.of("uuid/"));
    }
}

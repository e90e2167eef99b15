package io.sluice.provider.aws;

import static io.sluice.provider.aws.AwsStores.aws;
import static io.sluice.provider.aws.AwsStores.secretStore;
import static io.sluice.provider.aws.AwsStores.withJwt;
import static io.sluice.provider.aws.ProviderHarness.NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.provider.RemoteKey;
import io.sluice.provider.SecretsClient;
import io.sluice.testing.aws.EmulatorExtension;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Without Sluice endpoint settings, SDK 2.37.5 resolves the endpoints itself from AWS_ENDPOINT_URL_SECRETS_MANAGER,
 * AWS_ENDPOINT_URL_STS and AWS_ENDPOINT_URL, or their system-property forms, which this test sets.
 */
@Tag("slow")
class AwsEndpointsTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    @Test
    void theSdkEndpointVariablesApplyWhenSluiceSetsNone() {
        EMULATOR.server().createSecret("app/db", "through the SDK endpoint setting");
        System.setProperty(
                "aws.endpointUrlSecretsManager", EMULATOR.server().endpoint().toString());
        System.setProperty("aws.endpointUrlSts", EMULATOR.server().endpoint().toString());
        try (ProviderHarness harness = new ProviderHarness(EMULATOR.server(), s -> AwsSettings.defaults(null, null))) {
            harness.kubernetes.serviceAccount(
                    NAMESPACE, "reader", Map.of("eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/reader"));
            try (SecretsClient client = harness.provider.newClient(
                    secretStore(NAMESPACE, "aws", withJwt(aws("us-east-1"), "reader", null)), NAMESPACE)) {
                assertEquals(
                        "through the SDK endpoint setting",
                        client.fetch(new RemoteKey("app/db", null, false)).asString());
            }
        } finally {
            System.clearProperty("aws.endpointUrlSecretsManager");
            System.clearProperty("aws.endpointUrlSts");
        }
        assertEquals(1, EMULATOR.emulator().calls("AssumeRoleWithWebIdentity"));
        assertEquals(1, EMULATOR.emulator().calls("GetSecretValue"));
    }

    @Test
    void theGlobalEndpointVariableAppliesToBothServices() {
        EMULATOR.server().createSecret("app/db", "global");
        System.setProperty("aws.endpointUrl", EMULATOR.server().endpoint().toString());
        try (ProviderHarness harness = new ProviderHarness(EMULATOR.server(), s -> AwsSettings.defaults(null, null));
                SecretsClient client = harness.provider.newClient(
                        secretStore(NAMESPACE, "aws", AwsStores.withStaticKeys(aws("us-east-1"), null)), NAMESPACE)) {
            assertEquals(
                    "global", client.fetch(new RemoteKey("app/db", null, false)).asString());
            client.validate();
        } finally {
            System.clearProperty("aws.endpointUrl");
        }
        assertEquals(1, EMULATOR.emulator().calls("GetCallerIdentity"));
    }
}

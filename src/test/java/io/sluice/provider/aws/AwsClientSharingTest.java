package io.sluice.provider.aws;

import static io.sluice.provider.aws.AwsStores.aws;
import static io.sluice.provider.aws.AwsStores.secretStore;
import static io.sluice.provider.aws.AwsStores.withStaticKeys;
import static io.sluice.provider.aws.ProviderHarness.NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.v1.AwsProvider;
import io.sluice.provider.RemoteKey;
import io.sluice.provider.StoreView;
import io.sluice.testing.aws.EmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One set of SDK clients per distinct store configuration, shared, and closed when the last user closes. */
@Tag("slow")
class AwsClientSharingTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private ProviderHarness harness;

    @BeforeEach
    void setUp() {
        harness = new ProviderHarness(EMULATOR.server(), s -> s.withIdleClientTtl(Duration.ZERO));
        EMULATOR.server().createSecret("app/db", "value");
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private StoreView store(String name, String region) {
        return secretStore(NAMESPACE, name, withStaticKeys(aws(region), null));
    }

    @Test
    void storesWithTheSameConfigurationShareTheSdkClients() {
        var a = (AwsSecretsManagerClient) harness.provider.newClient(store("a", "us-east-1"), NAMESPACE);
        var b = (AwsSecretsManagerClient) harness.provider.newClient(store("b", "us-east-1"), NAMESPACE);
        var c = (AwsSecretsManagerClient) harness.provider.newClient(store("c", "eu-west-1"), NAMESPACE);
        assertSame(a.clients().secretsManager(), b.clients().secretsManager());
        assertNotSame(a.clients().secretsManager(), c.clients().secretsManager());
        assertEquals(2, harness.provider.openConfigurations());
        a.close();
        b.close();
        c.close();
    }

    @Test
    void closingTheLastClientReleasesTheSdkClients() {
        var a = (AwsSecretsManagerClient) harness.provider.newClient(store("a", "us-east-1"), NAMESPACE);
        var b = (AwsSecretsManagerClient) harness.provider.newClient(store("a", "us-east-1"), NAMESPACE);
        AwsClients shared = a.clients();
        a.close();
        assertFalse(shared.isClosed());
        assertEquals("value", b.fetch(new RemoteKey("app/db", null, false)).asString());
        b.close();
        assertTrue(shared.isClosed());
        assertEquals(0, harness.provider.openConfigurations());
        assertThrows(IllegalStateException.class, () -> b.fetch(new RemoteKey("app/db", null, false)));
    }

    @Test
    void rotatedKeysGiveNewSdkClients() {
        var before = (AwsSecretsManagerClient) harness.provider.newClient(store("a", "us-east-1"), NAMESPACE);
        harness.storeKeys(NAMESPACE, "AKIAROTATEDKEY000001", "rotated-secret");
        var after = (AwsSecretsManagerClient) harness.provider.newClient(store("a", "us-east-1"), NAMESPACE);
        assertNotSame(before.clients(), after.clients());
        before.close();
        after.close();
    }

    @Test
    void differentRetrySettingsGiveDifferentClients() {
        AwsProvider aws = withStaticKeys(aws("us-east-1"), null);
        var plain = (AwsSecretsManagerClient) harness.provider.newClient(secretStore(NAMESPACE, "a", aws), NAMESPACE);
        var patient = (AwsSecretsManagerClient)
                harness.provider.newClient(secretStore(NAMESPACE, "b", aws, AwsStores.retry(9, "1s")), NAMESPACE);
        assertNotSame(plain.clients(), patient.clients());
        plain.close();
        patient.close();
    }
}

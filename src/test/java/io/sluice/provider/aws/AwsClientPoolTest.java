package io.sluice.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.provider.aws.credentials.CredentialsSource;
import io.sluice.provider.aws.credentials.RoleChain;
import io.sluice.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

@Tag("slow")
class AwsClientPoolTest {
    private static final ClientConfiguration EU = config(Region.EU_WEST_1);
    private static final ClientConfiguration US = config(Region.US_EAST_1);

    private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();
    private final List<AwsClients> built = new ArrayList<>();
    private final MutableClock clock = new MutableClock();

    @AfterEach
    void closeHttp() {
        http.close();
    }

    private AwsClients build(ClientConfiguration config) {
        AwsClients clients = new AwsClients(
                SecretsManagerClient.builder()
                        .region(config.region())
                        .httpClient(http)
                        .credentialsProvider(AnonymousCredentialsProvider.create())
                        .build(),
                StsClient.builder()
                        .region(config.region())
                        .httpClient(http)
                        .credentialsProvider(AnonymousCredentialsProvider.create())
                        .build(),
                List.of());
        built.add(clients);
        return clients;
    }

    @Test
    void theSameConfigurationSharesClients() {
        try (AwsClientPool pool = new AwsClientPool(this::build, Duration.ZERO, clock)) {
            AwsClientPool.Lease a = pool.acquire(EU);
            AwsClientPool.Lease b = pool.acquire(config(Region.EU_WEST_1));
            AwsClientPool.Lease c = pool.acquire(US);
            assertSame(a.clients(), b.clients());
            assertNotSame(a.clients(), c.clients());
            assertEquals(2, built.size());
            assertEquals(2, pool.size());
        }
    }

    @Test
    void clientsCloseWhenTheLastLeaseIsReleased() {
        try (AwsClientPool pool = new AwsClientPool(this::build, Duration.ZERO, clock)) {
            AwsClientPool.Lease a = pool.acquire(EU);
            AwsClientPool.Lease b = pool.acquire(EU);
            AwsClients clients = a.clients();
            a.release();
            a.release();
            assertFalse(clients.isClosed(), "b still holds them; a second release of a must not count");
            b.release();
            assertTrue(clients.isClosed());
            assertEquals(0, pool.size());
            assertThrows(IllegalStateException.class, b::clients);
        }
    }

    @Test
    void idleClientsAreReusedWithinTheTtlAndClosedAfterIt() {
        try (AwsClientPool pool = new AwsClientPool(this::build, Duration.ofMinutes(10), clock)) {
            AwsClientPool.Lease first = pool.acquire(EU);
            AwsClients clients = first.clients();
            first.release();
            clock.advance(Duration.ofMinutes(9));
            AwsClientPool.Lease second = pool.acquire(EU);
            assertSame(clients, second.clients(), "a store re-created within the TTL keeps its clients");
            second.release();
            clock.advance(Duration.ofMinutes(11));
            pool.acquire(US).release();
            assertTrue(clients.isClosed());
            assertEquals(1, pool.size());
        }
        assertTrue(built.stream().allMatch(AwsClients::isClosed), "closing the pool closes everything");
    }

    private static ClientConfiguration config(Region region) {
        return new ClientConfiguration(
                region,
                RetryConfig.SDK_DEFAULT,
                new CredentialsSource.StaticKeys("id", "secret", null),
                RoleChain.NONE);
    }
}

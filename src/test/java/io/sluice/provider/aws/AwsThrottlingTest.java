package io.sluice.provider.aws;

import static io.sluice.provider.aws.AwsStores.aws;
import static io.sluice.provider.aws.AwsStores.retry;
import static io.sluice.provider.aws.AwsStores.secretStore;
import static io.sluice.provider.aws.AwsStores.withStaticKeys;
import static io.sluice.provider.aws.ProviderHarness.NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.config.SluiceConfig.Aws.RetryMode;
import io.sluice.provider.ProviderException;
import io.sluice.provider.RemoteKey;
import io.sluice.provider.SecretsClient;
import io.sluice.provider.StoreView;
import io.sluice.testing.aws.EmulatorServer;
import io.sluice.testing.aws.emulator.AwsEmulator;
import io.sluice.testing.aws.emulator.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A throttled identity slows down for every store using it: callers that keep asking as fast as they can (two
 * stores with the same credentials, four threads) reach AWS at the rate the adaptive strategy's token bucket
 * allows, not at the rate they ask. Counted on the emulator's side; only upper bounds are asserted.
 */
@Tag("slow")
class AwsThrottlingTest {
    private static final RemoteKey KEY = new RemoteKey("app/db", null, false);
    private static final long THROTTLED_WINDOW_MS = 3_000;

    private EmulatorServer server;
    private ProviderHarness harness;

    @BeforeEach
    void setUp() {
        server = EmulatorServer.start();
    }

    @AfterEach
    void tearDown() {
        if (harness != null) {
            harness.close();
        }
        server.close();
    }

    @Test
    void underAThrottlingBurstCallsPerSecondDropForEveryStoreOfTheIdentity() throws Exception {
        Rates rates = hammer(RetryMode.ADAPTIVE);
        System.out.printf(
                "[measure] adaptive retry, 4 callers on 2 stores of one identity: %.0f calls/s healthy, "
                        + "%.1f calls/s in the last 2 s of a %d ms throttling burst (%d calls)%n",
                rates.healthyPerSecond, rates.throttledPerSecond, THROTTLED_WINDOW_MS, rates.throttledCalls);
        assertTrue(
                rates.throttledCalls <= 12,
                "the token bucket bounds the calls of the whole identity: " + rates.throttledCalls + " in 2 s");
        assertTrue(
                rates.throttledPerSecond * 2 < rates.healthyPerSecond,
                "throttling slowed the callers down: " + rates.throttledPerSecond + " calls/s throttled, "
                        + rates.healthyPerSecond + " healthy");
        assertTrue(rates.recovered, "the callers read the secret again after the burst");
    }

    private record Rates(double healthyPerSecond, double throttledPerSecond, int throttledCalls, boolean recovered) {}

    /** Healthy for 1 s, throttled for {@link #THROTTLED_WINDOW_MS}, then healthy until every caller succeeded. */
    private Rates hammer(RetryMode mode) throws Exception {
        harness = new ProviderHarness(server, s -> s.withRetryMode(mode));
        server.createSecret("app/db", "value");
        AwsEmulator emulator = server.emulator().orElseThrow();
        var a = (AwsSecretsManagerClient) harness.provider.newClient(store("a"), NAMESPACE);
        var b = (AwsSecretsManagerClient) harness.provider.newClient(store("b"), NAMESPACE);
        assertSame(a.clients().secretsManager(), b.clients().secretsManager(), "one identity, one SDK client");

        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean throttled = new AtomicBoolean();
        CountDownLatch recovered = new CountDownLatch(4);
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SecretsClient client = i % 2 == 0 ? a : b;
            Thread caller = new Thread(() -> call(client, stop, throttled, recovered), "caller-" + i);
            caller.start();
            callers.add(caller);
        }
        Awaitility.await().until(() -> emulator.calls("GetSecretValue") > 0);
        long healthyStart = System.nanoTime();
        int healthyFrom = emulator.calls("GetSecretValue");
        Thread.sleep(1_000);
        double healthy = perSecond(emulator.calls("GetSecretValue") - healthyFrom, healthyStart);

        try (AwsEmulator.Outage burst = emulator.injectUntilCleared("GetSecretValue", Fault.throttling())) {
            throttled.set(true);
            Thread.sleep(THROTTLED_WINDOW_MS - 2_000);
            long windowStart = System.nanoTime();
            int windowFrom = emulator.calls("GetSecretValue");
            Thread.sleep(2_000);
            int windowCalls = emulator.calls("GetSecretValue") - windowFrom;
            double rate = perSecond(windowCalls, windowStart);
            throttled.set(false);
            burst.close();
            boolean back = recovered.await(60, TimeUnit.SECONDS);
            stop.set(true);
            for (Thread caller : callers) {
                caller.join(30_000);
            }
            return new Rates(healthy, rate, windowCalls, back);
        } finally {
            stop.set(true);
            a.close();
            b.close();
        }
    }

    private static void call(
            SecretsClient client, AtomicBoolean stop, AtomicBoolean throttled, CountDownLatch recovered) {
        boolean counted = false;
        boolean sawThrottling = false;
        while (!stop.get()) {
            try {
                client.fetch(KEY);
                if (sawThrottling && !throttled.get() && !counted) {
                    counted = true;
                    recovered.countDown();
                }
            } catch (ProviderException e) {
                sawThrottling = true;
            }
        }
    }

    private static double perSecond(int calls, long sinceNanos) {
        return calls * 1e9 / (System.nanoTime() - sinceNanos);
    }

    private static StoreView store(String name) {
        return secretStore(NAMESPACE, name, withStaticKeys(aws("us-east-1"), null), retry(2, "10ms"));
    }
}

package io.sluice.fetch;

import io.sluice.testing.MutableClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.provider.RemoteKey;
import io.sluice.provider.RemoteSecret;
import io.sluice.provider.RetryableProviderException;
import io.sluice.provider.SecretsClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedFetcherTest {

    /** A provider client that counts its calls and can be held inside a call. */
    static final class CountingClient implements SecretsClient {
        final AtomicInteger calls = new AtomicInteger();
        volatile CountDownLatch gate = new CountDownLatch(0);
        volatile boolean failing;

        @Override
        public RemoteSecret fetch(RemoteKey key) {
            calls.incrementAndGet();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failing) {
                throw new RetryableProviderException("throttled reading " + key.key(), null);
            }
            return RemoteSecret.ofString(key.key() + "-value-" + calls.get());
        }

        @Override
        public void validate() {
        }
    }

    private final MutableClock clock = new MutableClock();
    private final SharedFetcher fetcher = new SharedFetcher(Duration.ofSeconds(60), 100, clock);
    private final CountingClient client = new CountingClient();
    private final RemoteKey key = new RemoteKey("db", null, false);

    @Test
    void readsWithinTheWindowShareOneCall() {
        fetcher.fetch(client, key, false);
        fetcher.fetch(client, key, false);
        fetcher.fetch(client, new RemoteKey("db", null, false), false);
        assertEquals(1, client.calls.get());

        clock.advance(Duration.ofSeconds(61));
        fetcher.fetch(client, key, false);
        assertEquals(2, client.calls.get(), "after the window the provider is asked again");
    }

    @Test
    void differentVersionsOrClientsAreDifferentReads() {
        fetcher.fetch(client, key, false);
        fetcher.fetch(client, new RemoteKey("db", "AWSPREVIOUS", false), false);
        CountingClient otherStore = new CountingClient();
        fetcher.fetch(otherStore, key, false);
        assertEquals(2, client.calls.get());
        assertEquals(1, otherStore.calls.get());
    }

    @Test
    void aFreshReadBypassesTheWindow() {
        fetcher.fetch(client, key, false);
        RemoteSecret fresh = fetcher.fetch(client, key, true);
        assertEquals(2, client.calls.get());
        assertEquals("db-value-2", fresh.asString());
        assertEquals("db-value-2", fetcher.fetch(client, key, false).asString(), "the fresh value is shared afterwards");
    }

    @Test
    void concurrentReadsJoinTheCallInFlight() throws Exception {
        client.gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<RemoteSecret>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> fetcher.fetch(client, key, false)));
            }
            Thread.sleep(200);
            client.gate.countDown();
            for (Future<RemoteSecret> r : results) {
                assertEquals("db-value-1", r.get().asString());
            }
            assertEquals(1, client.calls.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failuresAreNotShared() {
        client.failing = true;
        assertThrows(RetryableProviderException.class, () -> fetcher.fetch(client, key, false));
        client.failing = false;
        assertEquals("db-value-2", fetcher.fetch(client, key, false).asString());
        assertEquals(2, client.calls.get());
    }

}

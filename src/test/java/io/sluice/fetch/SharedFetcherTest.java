package io.sluice.fetch;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.provider.RemoteKey;
import io.sluice.provider.RemoteSecret;
import io.sluice.provider.RetryableProviderException;
import io.sluice.provider.SecretsClient;
import io.sluice.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedFetcherTest {

    /** A provider client that counts its calls and can be held inside a call. */
    static final class CountingClient implements SecretsClient {
        final AtomicInteger calls = new AtomicInteger();
        final CountDownLatch firstCallEntered = new CountDownLatch(1);
        volatile CountDownLatch gate = new CountDownLatch(0);
        volatile boolean failing;

        @Override
        public RemoteSecret fetch(RemoteKey key) {
            int call = calls.incrementAndGet();
            firstCallEntered.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failing) {
                throw new RetryableProviderException("throttled reading " + key.key(), null);
            }
            return RemoteSecret.ofString(key.key() + "-value-" + call);
        }

        @Override
        public void validate() {}
    }

    private static final Duration HOURLY_READER = Duration.ofMinutes(30);

    private final MutableClock clock = new MutableClock();
    private final SharedFetcher fetcher = new SharedFetcher(Duration.ofSeconds(60), 100, clock);
    private final CountingClient client = new CountingClient();
    private final RemoteKey key = new RemoteKey("db", null, false);

    @Test
    void anHourlyReaderSharesReadsForTheWholeWindow() {
        fetcher.fetch(client, key, HOURLY_READER);
        clock.advance(Duration.ofSeconds(59));
        fetcher.fetch(client, key, HOURLY_READER);
        fetcher.fetch(client, new RemoteKey("db", null, false), HOURLY_READER);
        assertEquals(1, client.calls.get());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(
                "db-value-2",
                fetcher.fetch(client, key, HOURLY_READER).asString(),
                "a read as old as the window is not shared");
    }

    @Test
    void aReadIsSharedOnlyWhileYoungerThanTheReadersBound() {
        fetcher.fetch(client, key, HOURLY_READER);
        clock.advance(Duration.ofMillis(2_499));
        assertEquals(
                "db-value-1",
                fetcher.fetch(client, key, Duration.ofMillis(2_500)).asString());

        clock.advance(Duration.ofMillis(1));
        assertEquals(
                "db-value-2",
                fetcher.fetch(client, key, Duration.ofMillis(2_500)).asString(),
                "a read exactly as old as the bound is not shared");
    }

    @Test
    void aShortIntervalReaderIsNotServedWhatAnHourlyReaderMayStillReuse() {
        fetcher.fetch(client, key, HOURLY_READER);
        clock.advance(Duration.ofSeconds(30));

        assertEquals("db-value-1", fetcher.fetch(client, key, HOURLY_READER).asString(), "30 s old: fine for 1h");
        assertEquals(
                "db-value-2",
                fetcher.fetch(client, key, Duration.ofMillis(2_500)).asString(),
                "30 s old: too old for a 5 s interval");
        assertEquals(
                "db-value-2",
                fetcher.fetch(client, key, HOURLY_READER).asString(),
                "the newer read is shared afterwards");
        assertEquals(2, client.calls.get());
    }

    @Test
    void ageCountsFromTheStartOfTheProviderCall() throws Exception {
        client.gate = new CountDownLatch(1);
        Thread slowRead = Thread.ofPlatform().start(() -> fetcher.fetch(client, key, HOURLY_READER));
        assertTrue(client.firstCallEntered.await(10, TimeUnit.SECONDS));
        clock.advance(Duration.ofSeconds(3)); // the provider takes 3 s to answer
        client.gate.countDown();
        slowRead.join(10_000);

        assertEquals(
                "db-value-2",
                fetcher.fetch(client, key, Duration.ofSeconds(3)).asString(),
                "the value may date from when the call started, 3 s ago");
    }

    @Test
    void aZeroBoundReadsAgainAndItsReadIsSharedAfterwards() {
        fetcher.fetch(client, key, HOURLY_READER);
        assertEquals("db-value-2", fetcher.fetch(client, key, Duration.ZERO).asString());
        assertEquals("db-value-2", fetcher.fetch(client, key, HOURLY_READER).asString());
        assertEquals(2, client.calls.get());
    }

    @Test
    void aZeroWindowSharesNothingAcrossReads() {
        SharedFetcher unshared = new SharedFetcher(Duration.ZERO, 100, clock);
        unshared.fetch(client, key, HOURLY_READER);
        unshared.fetch(client, key, HOURLY_READER);
        assertEquals(2, client.calls.get());
    }

    @Test
    void differentVersionsOrClientsAreDifferentReads() {
        fetcher.fetch(client, key, HOURLY_READER);
        fetcher.fetch(client, new RemoteKey("db", "AWSPREVIOUS", false), HOURLY_READER);
        CountingClient otherStore = new CountingClient();
        fetcher.fetch(otherStore, key, HOURLY_READER);
        assertEquals(2, client.calls.get());
        assertEquals(1, otherStore.calls.get());
    }

    @Test
    void concurrentReadsJoinTheCallInFlight() throws Exception {
        // no window and a zero bound: only joining the call in flight can explain a single provider call
        SharedFetcher joinOnly = new SharedFetcher(Duration.ZERO, 100, clock);
        client.gate = new CountDownLatch(1);
        List<CompletableFuture<RemoteSecret>> reads = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            CompletableFuture<RemoteSecret> read = new CompletableFuture<>();
            reads.add(read);
            readers.add(Thread.ofPlatform().start(() -> read.complete(joinOnly.fetch(client, key, Duration.ZERO))));
            if (i == 0) {
                assertTrue(client.firstCallEntered.await(10, TimeUnit.SECONDS), "the first read reached the provider");
            }
        }
        // every reader parks: on the call in flight, or (were joining broken) on the gate inside a call of its own
        await().atMost(Duration.ofSeconds(10))
                .until(() -> readers.stream().allMatch(r -> r.getState() == Thread.State.WAITING));
        client.gate.countDown();
        for (CompletableFuture<RemoteSecret> read : reads) {
            assertEquals("db-value-1", read.get(10, TimeUnit.SECONDS).asString());
        }
        assertEquals(1, client.calls.get());
    }

    @Test
    void failuresAreNotShared() {
        client.failing = true;
        assertThrows(RetryableProviderException.class, () -> fetcher.fetch(client, key, HOURLY_READER));
        client.failing = false;
        assertEquals("db-value-2", fetcher.fetch(client, key, HOURLY_READER).asString());
        assertEquals(2, client.calls.get());
    }

    /** A provider client that reads many keys per call and records each batch. */
    static final class BatchingClient implements SecretsClient {
        final List<List<RemoteKey>> batches = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public RemoteSecret fetch(RemoteKey key) {
            batches.add(List.of(key));
            return RemoteSecret.ofString(key.key() + "-single");
        }

        @Override
        public int fetchBatchSize() {
            return 10;
        }

        @Override
        public java.util.Map<RemoteKey, io.sluice.provider.FetchOutcome> fetchAll(List<RemoteKey> keys) {
            batches.add(List.copyOf(keys));
            java.util.Map<RemoteKey, io.sluice.provider.FetchOutcome> outcomes = new java.util.LinkedHashMap<>();
            for (RemoteKey k : keys) {
                outcomes.put(
                        k,
                        k.key().startsWith("gone")
                                ? io.sluice.provider.FetchOutcome.failed(
                                        new io.sluice.provider.SecretNotFoundException(k.key() + " not found"))
                                : io.sluice.provider.FetchOutcome.of(RemoteSecret.ofString(k.key() + "-batched")));
            }
            return outcomes;
        }

        @Override
        public void validate() {}
    }

    @Test
    void fetchAllSendsOnlyTheKeysNobodyHasFreshInOneBatchAndSharesTheResults() {
        BatchingClient batching = new BatchingClient();
        RemoteKey a = new RemoteKey("a", null, false);
        RemoteKey b = new RemoteKey("b", null, false);
        RemoteKey gone = new RemoteKey("gone", null, false);
        assertEquals("a-single", fetcher.fetch(batching, a, HOURLY_READER).asString());

        var outcomes = fetcher.fetchAll(batching, List.of(a, b, gone, b), HOURLY_READER);

        assertEquals(List.of(List.of(a), List.of(b, gone)), batching.batches, "a was fresh; b once; one batch call");
        assertEquals("a-single", outcomes.get(a).get().asString());
        assertEquals("b-batched", outcomes.get(b).get().asString());
        assertTrue(outcomes.get(gone).failure() instanceof io.sluice.provider.SecretNotFoundException);
        assertEquals("b-batched", fetcher.fetch(batching, b, HOURLY_READER).asString(), "batched reads are shared");
        assertEquals("gone-single", fetcher.fetch(batching, gone, HOURLY_READER).asString(), "failures are not reused");
    }

    @Test
    void aBatchCallThatFailsFailsEachOfItsKeysAndIsNotReused() {
        client.failing = true;
        RemoteKey a = new RemoteKey("a", null, false);
        RemoteKey b = new RemoteKey("b", null, false);
        var outcomes = fetcher.fetchAll(client, List.of(a, b), HOURLY_READER);
        assertTrue(outcomes.get(a).failure() instanceof RetryableProviderException);
        assertTrue(outcomes.get(b).failure() instanceof RetryableProviderException);
        client.failing = false;
        assertEquals("a-value-2", fetcher.fetch(client, a, HOURLY_READER).asString());
    }
}

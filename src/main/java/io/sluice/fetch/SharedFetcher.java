package io.sluice.fetch;

import io.sluice.config.SluiceConfig;
import io.sluice.provider.FetchOutcome;
import io.sluice.provider.FindQuery;
import io.sluice.provider.ProviderException;
import io.sluice.provider.RemoteKey;
import io.sluice.provider.RemoteSecret;
import io.sluice.provider.SecretsClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The one fetch layer every reconcile goes through. Reads of the same coordinates through the same store
 * client (or clients with the same {@link SecretsClient#sharingKey()}) collapse: a reader joins the call in
 * flight, or reuses a completed read younger than both {@code sluice.fetch.shared-read-window} and the age
 * the reader accepts. A read's age counts from the start of its provider call, the earliest moment its value
 * can date from. Failures are never reused. Providers that read several keys per call ({@link
 * SecretsClient#fetchBatchSize()}) get the keys no reader has in flight or fresh in one {@link SecretsClient#fetchAll}.
 */
@ApplicationScoped
public class SharedFetcher {

    /** {@code client} is the client's {@link SecretsClient#sharingKey()}. */
    private record Key(Object client, Object what) {}

    private record Slot(CompletableFuture<Object> result, long startedAtMillis) {
        boolean inFlight() {
            return !result.isDone();
        }

        boolean reusable(long now, long maxAgeMillis) {
            return result.isDone() && !result.isCompletedExceptionally() && now - startedAtMillis < maxAgeMillis;
        }
    }

    private final Map<Key, Slot> slots = new ConcurrentHashMap<>();
    private final Duration window;
    private final int maxEntries;
    private final Clock clock;

    @Inject
    public SharedFetcher(SluiceConfig config) {
        this(config.fetch().sharedReadWindow(), config.fetch().maxSharedEntries(), Clock.systemUTC());
    }

    SharedFetcher(Duration window, int maxEntries, Clock clock) {
        this.window = window;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /**
     * @param maxAge how old a completed read may be to be served instead of a new call ({@link Duration#ZERO}:
     *            only a call in flight is joined); the sharing window caps it
     */
    public RemoteSecret fetch(SecretsClient client, RemoteKey key, Duration maxAge) {
        return (RemoteSecret) shared(new Key(client.sharingKey(), key), maxAge, () -> client.fetch(key));
    }

    /**
     * Reads several keys of one client: each key joins a read in flight or a reusable one as {@link #fetch} does, and
     * the rest go to the provider together. Every key gets an outcome; an error of the batch call itself becomes the
     * outcome of each key it was for.
     */
    public Map<RemoteKey, FetchOutcome> fetchAll(SecretsClient client, List<RemoteKey> keys, Duration maxAge) {
        long now = clock.millis();
        long maxAgeMillis = (maxAge.compareTo(window) < 0 ? maxAge : window).toMillis();
        Object sharing = client.sharingKey();
        Map<RemoteKey, Slot> slotOf = new LinkedHashMap<>();
        Map<RemoteKey, Slot> mine = new LinkedHashMap<>();
        for (RemoteKey key : new LinkedHashSet<>(keys)) {
            Slot fresh = new Slot(new CompletableFuture<>(), now);
            Slot slot = slots.compute(
                    new Key(sharing, key),
                    (k, existing) -> existing != null && (existing.inFlight() || existing.reusable(now, maxAgeMillis))
                            ? existing
                            : fresh);
            slotOf.put(key, slot);
            if (slot == fresh) {
                mine.put(key, slot);
            }
        }
        if (!mine.isEmpty()) {
            readTogether(client, sharing, mine);
        }
        Map<RemoteKey, FetchOutcome> outcomes = new LinkedHashMap<>();
        slotOf.forEach((key, slot) -> outcomes.put(key, outcome(slot)));
        return outcomes;
    }

    private void readTogether(SecretsClient client, Object sharing, Map<RemoteKey, Slot> mine) {
        Map<RemoteKey, FetchOutcome> read;
        try {
            read = client.fetchAll(new ArrayList<>(mine.keySet()));
        } catch (ProviderException e) {
            read = new LinkedHashMap<>();
            for (RemoteKey key : mine.keySet()) {
                read.put(key, FetchOutcome.failed(e));
            }
        } catch (RuntimeException | Error e) { // joiners must never wait on a call that died
            mine.forEach((key, slot) -> {
                slot.result().completeExceptionally(e);
                slots.remove(new Key(sharing, key), slot);
            });
            throw e;
        }
        for (Map.Entry<RemoteKey, Slot> entry : mine.entrySet()) {
            FetchOutcome outcome = read.get(entry.getKey());
            Slot slot = entry.getValue();
            if (outcome != null && outcome.failure() == null) {
                slot.result().complete(outcome.value());
                continue;
            }
            slot.result()
                    .completeExceptionally(
                            outcome != null
                                    ? outcome.failure()
                                    : new IllegalStateException("the provider gave no outcome for " + entry.getKey()));
            slots.remove(new Key(sharing, entry.getKey()), slot);
        }
        evictIfFull();
    }

    private static FetchOutcome outcome(Slot slot) {
        try {
            return FetchOutcome.of((RemoteSecret) slot.result().join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof ProviderException failure) {
                return FetchOutcome.failed(failure);
            }
            throw e.getCause() instanceof RuntimeException other ? other : e;
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, RemoteSecret> find(SecretsClient client, FindQuery query, Duration maxAge) {
        return (Map<String, RemoteSecret>)
                shared(new Key(client.sharingKey(), query), maxAge, () -> client.find(query));
    }

    private Object shared(Key key, Duration maxAge, Supplier<Object> call) {
        long now = clock.millis();
        long maxAgeMillis = (maxAge.compareTo(window) < 0 ? maxAge : window).toMillis();
        CompletableFuture<Object> mine = new CompletableFuture<>();
        Slot slot = slots.compute(
                key,
                (k, existing) -> existing != null && (existing.inFlight() || existing.reusable(now, maxAgeMillis))
                        ? existing
                        : new Slot(mine, now));
        if (slot.result() == mine) {
            try {
                mine.complete(call.get());
            } catch (RuntimeException | Error e) { // joiners must never wait on a call that died
                mine.completeExceptionally(e);
                slots.remove(key, slot);
                throw e;
            }
            evictIfFull();
        }
        try {
            return slot.result().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    private void evictIfFull() {
        if (slots.size() <= maxEntries) {
            return;
        }
        long now = clock.millis();
        long windowMillis = window.toMillis();
        slots.entrySet().removeIf(e -> !e.getValue().inFlight() && !e.getValue().reusable(now, windowMillis));
        if (slots.size() > maxEntries) {
            slots.entrySet().removeIf(e -> !e.getValue().inFlight());
        }
    }
}

package io.sluice.fetch;

import io.sluice.config.SluiceConfig;
import io.sluice.provider.FindQuery;
import io.sluice.provider.RemoteKey;
import io.sluice.provider.RemoteSecret;
import io.sluice.provider.SecretsClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
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
 * can date from. Failures are never reused.
 */
@ApplicationScoped
public class SharedFetcher {

    /** {@code client} is the client's {@link SecretsClient#sharingKey()}. */
    private record Key(Object client, Object what) {
    }

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

    @SuppressWarnings("unchecked")
    public Map<String, RemoteSecret> find(SecretsClient client, FindQuery query, Duration maxAge) {
        return (Map<String, RemoteSecret>) shared(new Key(client.sharingKey(), query), maxAge, () -> client.find(query));
    }

    private Object shared(Key key, Duration maxAge, Supplier<Object> call) {
        long now = clock.millis();
        long maxAgeMillis = (maxAge.compareTo(window) < 0 ? maxAge : window).toMillis();
        CompletableFuture<Object> mine = new CompletableFuture<>();
        Slot slot = slots.compute(key, (k, existing) -> existing != null
                && (existing.inFlight() || existing.reusable(now, maxAgeMillis)) ? existing : new Slot(mine, now));
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

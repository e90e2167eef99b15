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
 * client (or clients with the same {@link SecretsClient#sharingKey()}) collapse: concurrent reads wait for the call already in flight, and a result is reused for
 * {@code sluice.fetch.shared-read-window}. Failures are never reused.
 */
@ApplicationScoped
public class SharedFetcher {

    /** {@code client} is the client's {@link SecretsClient#sharingKey()}. */
    private record Key(Object client, Object what) {
    }

    private record Slot(CompletableFuture<Object> result, long expiresAtMillis) {
    }

    private final Map<Key, Slot> slots = new ConcurrentHashMap<>();
    private final long windowMillis;
    private final int maxEntries;
    private final Clock clock;

    @Inject
    public SharedFetcher(SluiceConfig config) {
        this(config.fetch().sharedReadWindow(), config.fetch().maxSharedEntries(), Clock.systemUTC());
    }

    SharedFetcher(Duration window, int maxEntries, Clock clock) {
        this.windowMillis = window.toMillis();
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** @param fresh bypass values read earlier (force-sync); an identical call in flight is still joined */
    public RemoteSecret fetch(SecretsClient client, RemoteKey key, boolean fresh) {
        return (RemoteSecret) shared(new Key(client.sharingKey(), key), fresh, () -> client.fetch(key));
    }

    @SuppressWarnings("unchecked")
    public Map<String, RemoteSecret> find(SecretsClient client, FindQuery query, boolean fresh) {
        return (Map<String, RemoteSecret>) shared(new Key(client.sharingKey(), query), fresh, () -> client.find(query));
    }

    private Object shared(Key key, boolean fresh, Supplier<Object> call) {
        long now = clock.millis();
        CompletableFuture<Object> mine = new CompletableFuture<>();
        Slot slot = slots.compute(key, (k, existing) -> {
            boolean inFlight = existing != null && !existing.result().isDone();
            boolean reusable = existing != null && !fresh && existing.expiresAtMillis() > now
                    && !existing.result().isCompletedExceptionally();
            return inFlight || reusable ? existing : new Slot(mine, Long.MAX_VALUE);
        });
        if (slot.result() == mine) {
            try {
                mine.complete(call.get());
                slots.computeIfPresent(key, (k, s) -> s.result() == mine ? new Slot(mine, clock.millis() + windowMillis) : s);
            } catch (RuntimeException e) {
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
        slots.entrySet().removeIf(e -> e.getValue().result().isDone() && e.getValue().expiresAtMillis() <= now);
        if (slots.size() > maxEntries) {
            slots.entrySet().removeIf(e -> e.getValue().result().isDone());
        }
    }
}

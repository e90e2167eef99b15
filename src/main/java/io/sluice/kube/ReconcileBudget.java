package io.sluice.kube;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} syncs per object in any sliding minute, so that a ping-pong with another writer, a
 * relisting informer or an event storm after an API server restart never becomes a hot loop. A sync over the
 * budget is postponed until the oldest one in the window is a minute old.
 */
public final class ReconcileBudget {
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final int limit;
    private final Map<ResourceID, Deque<Instant>> admitted = new ConcurrentHashMap<>();
    private final Map<ResourceID, Integer> postponed = new ConcurrentHashMap<>();

    public ReconcileBudget(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the reconcile budget must allow at least one per minute: " + limit);
        }
        this.limit = limit;
    }

    /**
     * Spends one sync of the object's budget.
     *
     * @return empty when the sync may run now (it is counted); otherwise how long to wait (nothing is counted)
     */
    public Optional<Duration> spend(ResourceID id, Instant now) {
        Deque<Instant> window = admitted.computeIfAbsent(id, k -> new ArrayDeque<>());
        synchronized (window) {
            Instant start = now.minus(WINDOW);
            while (!window.isEmpty() && !window.peekFirst().isAfter(start)) {
                window.pollFirst();
            }
            if (window.size() >= limit) {
                postponed.merge(id, 1, Integer::sum);
                return Optional.of(Duration.between(start, window.peekFirst()));
            }
            window.addLast(now);
            return Optional.empty();
        }
    }

    public void forget(ResourceID id) {
        admitted.remove(id);
        postponed.remove(id);
    }

    /** How many syncs of the object were postponed so far. */
    public int postponed(ResourceID id) {
        return postponed.getOrDefault(id, 0);
    }

    public boolean tracks(ResourceID id) {
        return admitted.containsKey(id);
    }
}

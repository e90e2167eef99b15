package io.sluice.kube;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Capped exponential backoff with jitter for failed syncs, per resource. While a backoff runs, events that do
 * not change the resource (status writes, Secret events) do not lead to another provider call.
 */
public final class FailureBackoff {
    private record State(int failures, Instant retryAt, String marker) {}

    private final Map<ResourceID, State> states = new ConcurrentHashMap<>();
    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    public FailureBackoff(Duration initial, Duration max) {
        this(initial, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random uniform in [0, 1): where in the jitter band each delay falls */
    FailureBackoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** Records a failure and returns the delay before the next attempt. */
    public Duration failed(ResourceID id, String marker, Instant now) {
        State previous = states.get(id);
        int failures = previous == null ? 1 : previous.failures() + 1;
        Duration delay = delayFor(failures);
        states.put(id, new State(failures, now.plus(delay), marker));
        return delay;
    }

    /** The time still to wait when the resource is unchanged since its last failure; empty when free to go. */
    public Optional<Duration> pending(ResourceID id, String marker, Instant now) {
        State state = states.get(id);
        if (state == null || !state.marker().equals(marker) || !now.isBefore(state.retryAt())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, state.retryAt()));
    }

    public void succeeded(ResourceID id) {
        states.remove(id);
    }

    public void forget(ResourceID id) {
        states.remove(id);
    }

    public boolean tracks(ResourceID id) {
        return states.containsKey(id);
    }

    Duration delayFor(int failures) {
        double base = initial.toMillis() * Math.pow(2, Math.min(failures - 1, 30));
        double capped = Math.min(base, max.toMillis());
        // full jitter on the upper 20%: attempts of many failing resources do not line up
        double jittered = capped * (0.8 + 0.2 * random.getAsDouble());
        return Duration.ofMillis((long) jittered);
    }
}

package io.sluice.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FailureBackoffTest {
    private final FailureBackoff backoff = new FailureBackoff(Duration.ofSeconds(5), Duration.ofMinutes(5));
    private final ResourceID id = new ResourceID("es", "ns");
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void delaysDoubleWithJitterUpToTheCap() {
        for (int failures = 1; failures <= 12; failures++) {
            long expected = Math.min(5_000L << (failures - 1), 300_000L);
            long delay = backoff.delayFor(failures).toMillis();
            assertTrue(delay >= expected * 0.8 - 1 && delay <= expected, failures + " failures: " + delay);
        }
    }

    @Test
    void aFailingResourceIsRetriedOnTheScheduleAndNotBefore() {
        // the schedule the integration test only bounds from above, here on a clock: 5 s, 10 s, ..., capped at 5 min
        FailureBackoff schedule = new FailureBackoff(Duration.ofSeconds(5), Duration.ofMinutes(5));
        Instant at = now;
        long total = 0;
        for (int failures = 1; failures <= 10; failures++) {
            Duration delay = schedule.failed(id, "inputs", at);
            long expected = Math.min(5_000L << (failures - 1), 300_000L);
            assertTrue(delay.toMillis() >= expected * 0.8 - 1 && delay.toMillis() <= expected, failures + ": " + delay);
            assertTrue(
                    schedule.pending(id, "inputs", at.plus(delay).minusMillis(1))
                            .isPresent(),
                    "not before its time");
            at = at.plus(delay);
            assertFalse(schedule.pending(id, "inputs", at).isPresent(), "free to go at its time");
            total += delay.toMillis();
        }
        // 5+10+20+40+80+160 s, then four times the 300 s cap: 1515 s, of which jitter takes at most 20%
        assertTrue(total >= 1_515_000 * 0.8 - 10 && total <= 1_515_000, "ten failures take " + total + " ms");
    }

    @Test
    void theJitterSpansTheWholeBandAndNeverPassesTheCap() {
        AtomicReference<Double> draw = new AtomicReference<>(0.0);
        FailureBackoff drawn = new FailureBackoff(Duration.ofSeconds(5), Duration.ofMinutes(5), draw::get);
        assertEquals(Duration.ofSeconds(4), drawn.delayFor(1), "lowest draw: 80% of the step");
        assertEquals(Duration.ofSeconds(240), drawn.delayFor(40), "lowest draw at the cap");
        draw.set(0.999_999);
        assertEquals(Duration.ofMillis(4_999), drawn.delayFor(1));
        assertEquals(Duration.ofMillis(299_999), drawn.delayFor(40), "highest draw stays below the cap");

        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            long delay = backoff.delayFor(20).toMillis();
            assertTrue(delay >= 240_000 && delay <= 300_000, "capped and jittered: " + delay);
            seen.add(delay);
        }
        assertTrue(seen.size() > 100, "resources failing together spread out: " + seen.size() + " distinct delays");
    }

    @Test
    void aFailingResourceIsRetriedExactlyOneStepAfterEachFailure() {
        FailureBackoff fixed = new FailureBackoff(Duration.ofSeconds(5), Duration.ofSeconds(60), () -> 0.5);
        Instant clock = now;
        long[] steps = new long[8];
        for (int failure = 0; failure < steps.length; failure++) {
            Duration delay = fixed.failed(id, "inputs", clock);
            steps[failure] = delay.toMillis();
            assertEquals(delay, fixed.pending(id, "inputs", clock).orElseThrow());
            assertTrue(
                    fixed.pending(id, "inputs", clock.plus(delay).minusMillis(1))
                            .isPresent(),
                    "not before the step");
            clock = clock.plus(delay);
            assertTrue(fixed.pending(id, "inputs", clock).isEmpty(), "free to go once the step has passed");
        }
        // 5 s doubling, 90% of each (draw 0.5), capped at 60 s: 4.5, 9, 18, 36, 54, 54, ...
        assertEquals(4_500, steps[0]);
        assertEquals(9_000, steps[1]);
        assertEquals(36_000, steps[3]);
        assertEquals(54_000, steps[4]);
        assertEquals(54_000, steps[7]);

        // the fault clears: the attempt at the end of the current step succeeds and the schedule starts over
        fixed.succeeded(id);
        assertTrue(fixed.pending(id, "inputs", clock).isEmpty());
        assertEquals(Duration.ofMillis(4_500), fixed.failed(id, "inputs", clock));
    }

    @Test
    void unchangedInputsWaitButChangedInputsGoAtOnce() {
        Duration delay = backoff.failed(id, "inputs-1", now);
        assertTrue(backoff.pending(id, "inputs-1", now.plusMillis(100)).isPresent());
        assertFalse(
                backoff.pending(id, "inputs-2", now.plusMillis(100)).isPresent(), "a spec or store change retries now");
        assertFalse(backoff.pending(id, "inputs-1", now.plus(delay)).isPresent());
        backoff.succeeded(id);
        assertFalse(backoff.pending(id, "inputs-1", now).isPresent());
    }
}

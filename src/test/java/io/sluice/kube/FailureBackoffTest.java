package io.sluice.kube;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;
import java.time.Instant;
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
            assertTrue(schedule.pending(id, "inputs", at.plus(delay).minusMillis(1)).isPresent(), "not before its time");
            at = at.plus(delay);
            assertFalse(schedule.pending(id, "inputs", at).isPresent(), "free to go at its time");
            total += delay.toMillis();
        }
        // 5+10+20+40+80+160 s, then four times the 300 s cap: 1515 s, of which jitter takes at most 20%
        assertTrue(total >= 1_515_000 * 0.8 - 10 && total <= 1_515_000, "ten failures take " + total + " ms");
    }

    @Test
    void unchangedInputsWaitButChangedInputsGoAtOnce() {
        Duration delay = backoff.failed(id, "inputs-1", now);
        assertTrue(backoff.pending(id, "inputs-1", now.plusMillis(100)).isPresent());
        assertFalse(backoff.pending(id, "inputs-2", now.plusMillis(100)).isPresent(), "a spec or store change retries now");
        assertFalse(backoff.pending(id, "inputs-1", now.plus(delay)).isPresent());
        backoff.succeeded(id);
        assertFalse(backoff.pending(id, "inputs-1", now).isPresent());
    }
}

package io.sluice.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReconcileBudgetTest {
    private final ResourceID app = new ResourceID("app", "ns");
    private final ResourceID other = new ResourceID("other", "ns");
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aHotLoopGetsTheLimitPerSlidingMinuteAndNoMore() {
        ReconcileBudget budget = new ReconcileBudget(60);
        int admitted = 0;
        // one attempt every 100 ms for 5 minutes: a loop ten times faster than the budget
        for (int ms = 0; ms < 300_000; ms += 100) {
            if (budget.spend(app, t0.plusMillis(ms)).isEmpty()) {
                admitted++;
            }
        }
        assertEquals(300, admitted, "60 per minute over 5 minutes");
    }

    @Test
    void anObjectOverBudgetWaitsUntilItsOldestSyncLeavesTheWindow() {
        ReconcileBudget budget = new ReconcileBudget(3);
        assertTrue(budget.spend(app, t0).isEmpty());
        assertTrue(budget.spend(app, t0.plusSeconds(10)).isEmpty());
        assertTrue(budget.spend(app, t0.plusSeconds(20)).isEmpty());
        assertEquals(
                Duration.ofSeconds(30), budget.spend(app, t0.plusSeconds(30)).orElseThrow());
        assertEquals(
                Duration.ofSeconds(1),
                budget.spend(app, t0.plusSeconds(59)).orElseThrow(),
                "refused attempts are not counted");
        assertEquals(2, budget.postponed(app));
        assertTrue(budget.spend(app, t0.plusSeconds(60)).isEmpty(), "the first sync left the window");
        assertEquals(
                Duration.ofSeconds(10), budget.spend(app, t0.plusSeconds(60)).orElseThrow());
    }

    @Test
    void eachObjectHasItsOwnBudget() {
        ReconcileBudget budget = new ReconcileBudget(1);
        assertTrue(budget.spend(app, t0).isEmpty());
        assertTrue(budget.spend(app, t0).isPresent());
        assertTrue(budget.spend(other, t0).isEmpty(), "another object is not slowed down");
        budget.forget(app);
        assertFalse(budget.tracks(app));
        assertTrue(budget.spend(app, t0).isEmpty());
    }

    @Test
    void aBudgetBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReconcileBudget(0));
    }
}

package io.sluice.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.sluice.api.common.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
    private final Clock t1 = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final Clock t2 = Clock.fixed(Instant.parse("2026-01-01T01:00:00Z"), ZoneOffset.UTC);

    @Test
    void transitionTimeMovesOnlyWhenTheStatusFlips() {
        List<Condition> first = Conditions.with(List.of(), "Ready", false, "SecretSyncedError", "boom", t1);
        List<Condition> sameStatus = Conditions.with(first, "Ready", false, "SecretSyncedError", "other", t2);
        assertEquals("2026-01-01T00:00:00Z", sameStatus.get(0).lastTransitionTime);
        assertEquals("other", sameStatus.get(0).message);

        List<Condition> flipped = Conditions.with(sameStatus, "Ready", true, "SecretSynced", "secret synced", t2);
        assertEquals("2026-01-01T01:00:00Z", flipped.get(0).lastTransitionTime);
        assertEquals(1, flipped.size());
    }

    @Test
    void anUnchangedOutcomeGivesAnEqualList() {
        List<Condition> first = Conditions.with(List.of(), "Ready", true, "SecretSynced", "secret synced", t1);
        assertEquals(first, Conditions.with(first, "Ready", true, "SecretSynced", "secret synced", t2));
        assertNotEquals(first, Conditions.with(first, "Ready", false, "SecretSyncedError", "x", t2));
    }
}

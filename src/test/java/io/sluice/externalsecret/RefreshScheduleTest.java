package io.sluice.externalsecret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.sluice.api.v1.ExternalSecretSpec.RefreshPolicy;
import io.sluice.api.v1.ExternalSecretStatus;
import io.sluice.externalsecret.RefreshSchedule.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RefreshScheduleTest {
    private static final Instant SYNCED = Instant.parse("2026-01-01T10:00:00Z");
    private static final ResourceID ID = new ResourceID("es", "ns");

    static Stream<Arguments> decisions() {
        return Stream.of(
                // policy, interval, synced marker, current marker, now, expected
                Arguments.of(RefreshPolicy.Periodic, "1h", null, "1-a", SYNCED, Reason.FIRST_SYNC),
                Arguments.of(RefreshPolicy.Periodic, "1h", "1-a", "1-a", SYNCED.plusSeconds(60), Reason.NONE),
                Arguments.of(RefreshPolicy.Periodic, "1h", "1-a", "1-a", SYNCED.plusSeconds(3600), Reason.PERIODIC),
                Arguments.of(RefreshPolicy.Periodic, "1h", "1-a", "2-a", SYNCED.plusSeconds(1), Reason.CHANGED),
                Arguments.of(RefreshPolicy.Periodic, "0", "1-a", "1-a", SYNCED.plusSeconds(999_999), Reason.NONE),
                Arguments.of(RefreshPolicy.Periodic, "0", "1-a", "1-b", SYNCED.plusSeconds(1), Reason.CHANGED),
                Arguments.of(RefreshPolicy.CreatedOnce, "1h", null, "1-a", SYNCED, Reason.FIRST_SYNC),
                Arguments.of(RefreshPolicy.CreatedOnce, "1h", "1-a", "2-b", SYNCED.plusSeconds(999_999), Reason.NONE),
                Arguments.of(RefreshPolicy.OnChange, "1h", "1-a", "1-a", SYNCED.plusSeconds(999_999), Reason.NONE),
                Arguments.of(RefreshPolicy.OnChange, "1h", "1-a", "1-b", SYNCED.plusSeconds(1), Reason.CHANGED));
    }

    @ParameterizedTest(name = "{0} every {1}, synced {2}, now {3} at {4} -> {5}")
    @MethodSource("decisions")
    void followsEsoRefreshRules(
            RefreshPolicy policy, String interval, String synced, String current, Instant now, Reason expected) {
        RefreshSchedule schedule = new RefreshSchedule(0, Duration.ZERO, SYNCED);
        ExternalSecretStatus status = status(synced);
        assertEquals(
                expected,
                schedule.due(ID, policy, io.sluice.kube.Durations.parse(interval), status, current, "uid", now));
    }

    @Test
    void aRefreshThatWroteNothingStillMovesTheScheduleForward() {
        RefreshSchedule schedule = new RefreshSchedule(0, Duration.ZERO, SYNCED);
        ExternalSecretStatus status = status("1-a");
        Instant refreshedAt = SYNCED.plusSeconds(3600);
        schedule.refreshed(ID, refreshedAt);
        assertEquals(
                Reason.NONE,
                schedule.due(
                        ID,
                        RefreshPolicy.Periodic,
                        Duration.ofHours(1),
                        status,
                        "1-a",
                        "uid",
                        refreshedAt.plusSeconds(10)));
        assertEquals(
                Duration.ofSeconds(3590),
                schedule.untilNext(
                                ID,
                                RefreshPolicy.Periodic,
                                Duration.ofHours(1),
                                status,
                                "uid",
                                refreshedAt.plusSeconds(10))
                        .orElseThrow());
    }

    @Test
    void theEarliestNextRefreshNeverAcceptsAReadItsPreviousRefreshStartedInItsFirstHalfInterval() {
        RefreshSchedule schedule = new RefreshSchedule(0.1, Duration.ZERO, SYNCED);
        ExternalSecretStatus status = status("1-a");
        for (Duration interval : new Duration[] {Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofHours(1)}) {
            schedule.refreshed(ID, SYNCED);
            Instant due = SYNCED.plus(schedule.untilNext(ID, RefreshPolicy.Periodic, interval, status, "uid", SYNCED)
                    .orElseThrow());
            Instant previousCallStarted = SYNCED.plus(interval.dividedBy(2));
            assertTrue(
                    Duration.between(previousCallStarted, due).compareTo(RefreshSchedule.maxSharedReadAge(interval))
                            >= 0,
                    "a refresh every " + interval + " would be served its own previous read");
        }
        assertEquals(Duration.ZERO, RefreshSchedule.maxSharedReadAge(Duration.ZERO), "refreshInterval 0 reads afresh");
    }

    @Test
    void overdueRefreshesAfterARestartAreSpreadOverTheStartupWindow() {
        Instant start = SYNCED.plus(Duration.ofDays(1));
        RefreshSchedule schedule = new RefreshSchedule(0, Duration.ofMinutes(5), start);
        ExternalSecretStatus status = status("1-a");
        long distinct = Stream.of("a", "b", "c", "d", "e", "f", "g", "h")
                .map(uid -> schedule.untilNext(
                                new ResourceID(uid, "ns"),
                                RefreshPolicy.Periodic,
                                Duration.ofHours(1),
                                status,
                                uid,
                                start)
                        .orElseThrow())
                .peek(d -> assertTrue(d.compareTo(Duration.ofMinutes(5)) < 0, d.toString()))
                .distinct()
                .count();
        assertTrue(distinct > 4, "refreshes are spread, not all at start-up");
    }

    @Test
    void jitterStretchesIntervalsStablyPerResource() {
        RefreshSchedule schedule = new RefreshSchedule(0.1, Duration.ZERO, SYNCED);
        ExternalSecretStatus status = status("1-a");
        Duration a = schedule.untilNext(ID, RefreshPolicy.Periodic, Duration.ofHours(1), status, "uid-1", SYNCED)
                .orElseThrow();
        Duration again = schedule.untilNext(ID, RefreshPolicy.Periodic, Duration.ofHours(1), status, "uid-1", SYNCED)
                .orElseThrow();
        assertEquals(a, again);
        assertTrue(a.compareTo(Duration.ofHours(1)) >= 0 && a.compareTo(Duration.ofMinutes(66)) <= 0, a.toString());
    }

    private static ExternalSecretStatus status(String syncedMarker) {
        ExternalSecretStatus status = new ExternalSecretStatus();
        if (syncedMarker != null) {
            status.refreshTime = SYNCED.toString();
            status.syncedResourceVersion = syncedMarker;
        }
        return status;
    }
}

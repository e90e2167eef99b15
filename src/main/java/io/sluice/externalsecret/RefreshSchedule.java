package io.sluice.externalsecret;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.sluice.api.v1.ExternalSecretSpec.RefreshPolicy;
import io.sluice.api.v1.ExternalSecretStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When an ExternalSecret must be fetched again (ESO's refresh policies), and when to look next.
 *
 * <p>A refresh that finds nothing changed writes nothing, not even {@code status.refreshTime}; the time of
 * the last refresh is kept here in memory. After a restart the status time is used, and refreshes that are
 * overdue are spread over a start-up window instead of all running at once. Periodic refreshes are also
 * stretched by a stable per-resource fraction of the interval, so a fleet with one interval stays spread.
 */
public final class RefreshSchedule {
    private final double jitter;
    private final Duration startupSpread;
    private final Instant startedAt;
    private final Map<ResourceID, Instant> lastRefresh = new ConcurrentHashMap<>();

    public RefreshSchedule(double jitter, Duration startupSpread, Instant startedAt) {
        this.jitter = jitter;
        this.startupSpread = startupSpread;
        this.startedAt = startedAt;
    }

    /** Why a resource must be fetched now; {@link Reason#NONE} when it need not. */
    public enum Reason {
        NONE,
        FIRST_SYNC,
        CHANGED,
        PERIODIC
    }

    public Reason due(
            ResourceID id,
            RefreshPolicy policy,
            Duration interval,
            ExternalSecretStatus status,
            String currentMarker,
            String uid,
            Instant now) {
        if (status == null || refreshedAt(status).isEmpty() || status.syncedResourceVersion == null) {
            return Reason.FIRST_SYNC;
        }
        boolean changed = !currentMarker.equals(status.syncedResourceVersion);
        return switch (policy) {
            case CreatedOnce -> Reason.NONE;
            case OnChange -> changed ? Reason.CHANGED : Reason.NONE;
            case Periodic ->
                changed
                        ? Reason.CHANGED
                        : !interval.isZero() && !now.isBefore(nextRefresh(id, interval, status, uid))
                                ? Reason.PERIODIC
                                : Reason.NONE;
        };
    }

    /** How long until the next periodic refresh; empty when the resource is not refreshed by time. */
    public Optional<Duration> untilNext(
            ResourceID id,
            RefreshPolicy policy,
            Duration interval,
            ExternalSecretStatus status,
            String uid,
            Instant now) {
        if (policy != RefreshPolicy.Periodic
                || interval.isZero()
                || status == null
                || refreshedAt(status).isEmpty()) {
            return Optional.empty();
        }
        Duration remaining = Duration.between(now, nextRefresh(id, interval, status, uid));
        return Optional.of(remaining.isNegative() ? Duration.ZERO : remaining);
    }

    public void refreshed(ResourceID id, Instant at) {
        lastRefresh.put(id, at);
    }

    public void forget(ResourceID id) {
        lastRefresh.remove(id);
    }

    boolean tracks(ResourceID id) {
        return lastRefresh.containsKey(id);
    }

    private Instant nextRefresh(ResourceID id, Duration interval, ExternalSecretStatus status, String uid) {
        Duration stretched = interval.plusMillis((long) (interval.toMillis() * jitter * spreadOf(uid)));
        Instant last = lastRefresh.get(id);
        if (last != null) {
            return last.plus(stretched);
        }
        Instant byStatus = refreshedAt(status).orElseThrow().plus(stretched);
        Duration window = interval.compareTo(startupSpread) < 0 ? interval : startupSpread;
        Instant earliest = startedAt.plusMillis((long) (window.toMillis() * spreadOf(uid)));
        return byStatus.isAfter(earliest) ? byStatus : earliest;
    }

    /**
     * When the status says the last sync ran; empty when it does not say, or says it in a form that is not an
     * RFC 3339 time (a status edited by hand, say): the time is then unknown, and the resource is synced as if for
     * the first time, which writes a valid time again.
     */
    static Optional<Instant> refreshedAt(ExternalSecretStatus status) {
        if (status.refreshTime == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(status.refreshTime));
        } catch (DateTimeParseException malformed) {
            return Optional.empty();
        }
    }

    /**
     * How old a value read earlier (by any resource) may be when this resource syncs: half its interval. A
     * refresh fires at least one interval after the previous one began (jitter only stretches), and the
     * previous provider call started later still; a bound of a full interval would hand a refresh its own
     * previous read back whenever that call started a few milliseconds into the reconcile. Half leaves a
     * margin that scales from 1 s to 1 h intervals, where the sharing window (60 s) is the tighter bound
     * anyway. An interval of 0 (sync once) accepts no earlier read; OnChange and CreatedOnce use their
     * interval like Periodic.
     */
    static Duration maxSharedReadAge(Duration interval) {
        return interval.dividedBy(2);
    }

    /** A stable number in [0, 1) for the resource. */
    static double spreadOf(String uid) {
        return uid == null ? 0 : Math.floorMod(uid.hashCode(), 10_000) / 10_000.0;
    }
}

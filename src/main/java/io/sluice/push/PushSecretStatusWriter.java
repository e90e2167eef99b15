package io.sluice.push;

import io.sluice.api.v1alpha1.PushSecret;
import io.sluice.api.v1alpha1.PushSecretStatus;
import io.sluice.status.Conditions;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/** Builds a PushSecret's status with ESO's reasons and messages; unchanged outcomes give an equal status. */
final class PushSecretStatusWriter {
    static final String SYNCED = "Synced";
    static final String ERRORED = "Errored";
    static final String SOURCE_DELETED = "SourceDeleted";
    static final String SYNCED_MESSAGE = "PushSecret synced successfully";
    static final String UNCHANGED_SUFFIX = ". Existing secrets in providers unchanged.";

    private final Clock clock;

    PushSecretStatusWriter(Clock clock) {
        this.clock = clock;
    }

    PushSecretStatus synced(PushSecret ps, PushRun.Outcome outcome, String marker, boolean touchRefreshTime) {
        PushSecretStatus next = copy(ps.getStatus());
        next.syncedPushSecrets = outcome.synced().isEmpty() ? null : Map.copyOf(outcome.synced());
        next.syncedResourceVersion = marker;
        if (touchRefreshTime || next.refreshTime == null) {
            next.refreshTime = Conditions.now(clock);
        }
        String message = SYNCED_MESSAGE + (outcome.keptExisting() ? UNCHANGED_SUFFIX : "");
        if (!outcome.keptUnmanaged().isEmpty()) {
            message += " Not deleted (not managed by external-secrets): " + String.join(", ", outcome.keptUnmanaged());
        }
        next.conditions = Conditions.with(next.conditions, Conditions.READY, true, SYNCED, message, clock);
        return next;
    }

    PushSecretStatus failed(PushSecret ps, String reason, String message) {
        PushSecretStatus next = copy(ps.getStatus());
        next.conditions = Conditions.with(next.conditions, Conditions.READY, false, reason, message, clock);
        return next;
    }

    /** After the source Secret is gone: entries deleted under Delete are no longer synced. */
    PushSecretStatus sourceDeleted(PushSecret ps, PushRun.Synced remaining, String message) {
        PushSecretStatus next = failed(ps, SOURCE_DELETED, message);
        next.syncedPushSecrets = remaining == null || remaining.isEmpty() ? null : Map.copyOf(remaining);
        return next;
    }

    static PushRun.Synced syncedOf(PushSecret ps) {
        PushRun.Synced synced = new PushRun.Synced();
        if (ps.getStatus() != null && ps.getStatus().syncedPushSecrets != null) {
            ps.getStatus().syncedPushSecrets.forEach((store, entries) -> synced.put(store, new TreeMap<>(entries)));
        }
        return synced;
    }

    private static PushSecretStatus copy(PushSecretStatus s) {
        PushSecretStatus c = new PushSecretStatus();
        if (s != null) {
            c.refreshTime = s.refreshTime;
            c.syncedResourceVersion = s.syncedResourceVersion;
            c.syncedPushSecrets = s.syncedPushSecrets;
            c.conditions = s.conditions;
        }
        return c;
    }
}

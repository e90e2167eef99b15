package io.sluice.externalsecret;

import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretStatus;
import io.sluice.status.Conditions;
import java.time.Clock;

/** Builds the next status of an ExternalSecret. Conditions keep their transition time unless they flip. */
final class ExternalSecretStatusWriter {
    static final String REASON_SYNCED = "SecretSynced";
    static final String MESSAGE_SYNCED = "secret synced";

    private final Clock clock;

    ExternalSecretStatusWriter(Clock clock) {
        this.clock = clock;
    }

    static final String REASON_DELETED = "SecretDeleted";
    static final String MESSAGE_DELETED = "secret deleted due to DeletionPolicy=Delete";
    static final String MESSAGE_RETAINED = "secret retained due to DeletionPolicy=Retain";

    /**
     * A sync that completed; the plan tells what it did (synced, retained, deleted). {@code boundSecret} is the
     * target Secret's name, or null when the sync left no Secret: {@code status.binding} then stays empty, as
     * ESO sets it only when it writes a Secret, and that absence is what {@link #leftNoSecretOnPurpose} reads.
     */
    ExternalSecretStatus synced(
            ExternalSecret es, String marker, String boundSecret, boolean touchRefreshTime, SecretPlan plan) {
        return switch (plan.action()) {
            case DELETE, ALREADY_DELETED ->
                synced(es, marker, boundSecret, touchRefreshTime, REASON_DELETED, MESSAGE_DELETED);
            case RETAINED -> synced(es, marker, boundSecret, touchRefreshTime, REASON_SYNCED, MESSAGE_RETAINED);
            default -> synced(es, marker, boundSecret, touchRefreshTime, REASON_SYNCED, MESSAGE_SYNCED);
        };
    }

    private ExternalSecretStatus synced(
            ExternalSecret es,
            String marker,
            String boundSecret,
            boolean touchRefreshTime,
            String reason,
            String message) {
        ExternalSecretStatus current = currentOf(es);
        ExternalSecretStatus next = copy(current);
        if (touchRefreshTime || next.refreshTime == null) {
            next.refreshTime = Conditions.now(clock);
        }
        next.syncedResourceVersion = marker;
        next.binding = boundSecret == null ? null : new ExternalSecretStatus.Binding(boundSecret);
        next.conditions = Conditions.with(current.conditions, Conditions.READY, true, reason, message, clock);
        return next;
    }

    ExternalSecretStatus failed(ExternalSecret es, String reason, String message) {
        ExternalSecretStatus current = currentOf(es);
        ExternalSecretStatus next = copy(current);
        next.conditions = Conditions.with(current.conditions, Conditions.READY, false, reason, message, clock);
        return next;
    }

    /**
     * Whether the last sync completed and deliberately left no Secret (deleted by policy, or retained with nothing
     * found): Ready is True and no Secret is bound.
     */
    static boolean leftNoSecretOnPurpose(ExternalSecretStatus status) {
        return status != null && status.binding == null && Conditions.isTrue(status.conditions, Conditions.READY);
    }

    private static ExternalSecretStatus currentOf(ExternalSecret es) {
        return es.getStatus() == null ? new ExternalSecretStatus() : es.getStatus();
    }

    private static ExternalSecretStatus copy(ExternalSecretStatus s) {
        ExternalSecretStatus c = new ExternalSecretStatus();
        c.refreshTime = s.refreshTime;
        c.syncedResourceVersion = s.syncedResourceVersion;
        c.binding = s.binding;
        c.conditions = s.conditions;
        return c;
    }
}

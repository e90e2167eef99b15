package io.sluice.clusterexternalsecret;

import io.sluice.api.v1.ClusterExternalSecretStatus;
import io.sluice.api.v1.ClusterExternalSecretStatus.FailedNamespace;
import io.sluice.status.Conditions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.SortedMap;
import java.util.SortedSet;

/** Builds a ClusterExternalSecret's status (ESO's shape); equal outcomes give an equal status. */
final class ClusterExternalSecretStatusWriter {
    static final String NAMESPACES_FAILED = "one or more namespaces failed";
    static final String REASON_INVALID_SELECTOR = "InvalidNamespaceSelector";
    static final String REASON_INVALID_REFRESH_TIME = "InvalidRefreshTime";

    private final Clock clock;

    ClusterExternalSecretStatusWriter(Clock clock) {
        this.clock = clock;
    }

    ClusterExternalSecretStatus next(
            ClusterExternalSecretStatus current,
            String esName,
            SortedSet<String> provisioned,
            SortedMap<String, String> failed) {
        ClusterExternalSecretStatus next = new ClusterExternalSecretStatus();
        next.externalSecretName = esName;
        next.provisionedNamespaces = provisioned.isEmpty() ? null : new ArrayList<>(provisioned);
        next.failedNamespaces = failed.isEmpty()
                ? null
                : failed.entrySet().stream()
                        .map(e -> new FailedNamespace(e.getKey(), e.getValue()))
                        .toList();
        boolean ready = failed.isEmpty();
        next.conditions = Conditions.with(
                current == null ? null : current.conditions,
                Conditions.READY,
                ready,
                null,
                ready ? null : NAMESPACES_FAILED,
                clock);
        return next;
    }

    /** The reconcile failed: Ready is False, and the record of what was provisioned is kept as it was. */
    ClusterExternalSecretStatus failed(ClusterExternalSecretStatus current, String reason, String message) {
        ClusterExternalSecretStatus next = new ClusterExternalSecretStatus();
        if (current != null) {
            next.externalSecretName = current.externalSecretName;
            next.provisionedNamespaces = current.provisionedNamespaces;
            next.failedNamespaces = current.failedNamespaces;
        }
        next.conditions = Conditions.with(
                current == null ? null : current.conditions, Conditions.READY, false, reason, message, clock);
        return next;
    }
}

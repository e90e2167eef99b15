package io.sluice.clusterexternalsecret;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.sluice.api.v1.ClusterExternalSecret;
import io.sluice.api.v1.ClusterExternalSecretStatus;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.clusterexternalsecret.ProvisionedExternalSecret.Ownership;
import io.sluice.config.SluiceConfig;
import io.sluice.kube.ApiErrors;
import io.sluice.kube.EventRecorder;
import io.sluice.kube.FailureBackoff;
import io.sluice.kube.GuardedDelete;
import io.sluice.kube.PrimaryWrites;
import io.sluice.kube.PrunedItemStore;
import io.sluice.kube.ReconcileBudget;
import io.sluice.kube.RefreshInterval;
import io.sluice.kube.RefreshIntervalFloor;
import io.sluice.kube.UnhandledErrorStatus;
import io.sluice.metrics.StatusConditionMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Provisions one ExternalSecret per namespace a ClusterExternalSecret selects, keeps it equal to the
 * template, and removes it from namespaces that stop matching. ExternalSecrets are tied to their
 * ClusterExternalSecret by a label, not an ownerReference (see {@link ProvisionedExternalSecret}): deleting the
 * ClusterExternalSecret leaves them in place, and re-creating it adopts them without a write.
 */
@ControllerConfiguration(
        name = "clusterexternalsecret",
        generationAwareEventProcessing = false,
        informer = @Informer(itemStore = PrunedItemStore.class))
public class ClusterExternalSecretReconciler implements Reconciler<ClusterExternalSecret> {
    private static final Logger LOG = Logger.getLogger(ClusterExternalSecretReconciler.class);
    static final String ALREADY_EXISTS = "external secret already exists in namespace";
    private static final Duration RETRY_AFTER_API_ERROR = Duration.ofSeconds(2);

    private final KubernetesClient client;
    private final EventRecorder events;
    private final StatusConditionMetrics conditionMetrics;
    private final Duration defaultRefreshTime;
    private final RefreshIntervalFloor intervalFloor;
    private final ReconcileBudget budget;
    private final Clock clock = Clock.systemUTC();
    private final ClusterExternalSecretStatusWriter statusWriter = new ClusterExternalSecretStatusWriter(clock);
    private final UnhandledErrorStatus<ClusterExternalSecretStatus, ClusterExternalSecret> unhandled;
    private ClusterExternalSecretEventSources sources;

    public ClusterExternalSecretReconciler(
            KubernetesClient client,
            EventRecorder events,
            SluiceConfig config,
            StatusConditionMetrics conditionMetrics,
            RefreshIntervalFloor intervalFloor) {
        this.client = client;
        this.conditionMetrics = conditionMetrics;
        this.events = events;
        this.defaultRefreshTime = config.clusterExternalSecrets().defaultRefreshTime();
        this.intervalFloor = intervalFloor;
        this.budget = new ReconcileBudget(config.kubernetes().maxReconcilesPerMinute());
        this.unhandled = new UnhandledErrorStatus<>(
                events,
                new FailureBackoff(config.retryInitialBackoff(), config.retryMaxBackoff()),
                null,
                (ces, reason, message) -> statusWriter.failed(ces.getStatus(), reason, message),
                (ces, status) -> conditionMetrics.report(ces, status.conditions));
    }

    @Override
    public List<EventSource<?, ClusterExternalSecret>> prepareEventSources(
            EventSourceContext<ClusterExternalSecret> context) {
        sources = new ClusterExternalSecretEventSources(context);
        return sources.all();
    }

    @Override
    public UpdateControl<ClusterExternalSecret> reconcile(
            ClusterExternalSecret ces, Context<ClusterExternalSecret> context) {
        ResourceID id = ResourceID.fromResource(ces);
        Optional<Duration> overBudget = budget.spend(id, clock.instant());
        if (overBudget.isPresent()) {
            LOG.debugf(
                    "ClusterExternalSecret %s: over its budget of reconciles per minute, postponed by %d ms",
                    ces.getMetadata().getName(), overBudget.get().toMillis());
            return UpdateControl.<ClusterExternalSecret>noUpdate().rescheduleAfter(overBudget.get());
        }
        Duration refreshTime;
        try {
            refreshTime = refreshTime(ces);
        } catch (RefreshInterval.Invalid e) {
            return refuseInvalidSpec(
                    ces,
                    context,
                    ClusterExternalSecretStatusWriter.REASON_INVALID_REFRESH_TIME,
                    e.getMessage(),
                    RefreshInterval.RETRY_WHEN_INVALID);
        }
        List<String> invalid = NamespaceSelection.problems(ces.getSpec());
        if (!invalid.isEmpty()) {
            return refuseInvalidSpec(
                    ces,
                    context,
                    ClusterExternalSecretStatusWriter.REASON_INVALID_SELECTOR,
                    "invalid namespace selector, nothing is provisioned or removed until it is fixed: "
                            + String.join("; ", invalid),
                    refreshTime);
        }
        String esName = ProvisionedExternalSecret.externalSecretName(ces);
        SortedSet<String> selected = NamespaceSelection.select(ces.getSpec(), sources.allNamespaces());
        SortedSet<String> provisioned = new TreeSet<>();
        SortedMap<String, String> failed = new TreeMap<>();
        boolean transientFailure = false;
        String invalidMetadata = ProvisionedExternalSecret.invalidMetadata(ces);
        for (String namespace : selected) {
            if (!invalidMetadata.isEmpty()) {
                failed.put(namespace, "not provisioned: " + invalidMetadata);
                continue;
            }
            try {
                if (provision(ces, namespace, esName)) {
                    provisioned.add(namespace);
                } else {
                    failed.put(namespace, ALREADY_EXISTS);
                }
            } catch (KubernetesClientException e) {
                failed.put(namespace, "could not create or update external secret: " + ApiErrors.describe(e));
                transientFailure = true;
            }
        }
        transientFailure |= removeUnselected(ces, selected, esName, failed);

        ClusterExternalSecretStatus next = statusWriter.next(ces.getStatus(), esName, provisioned, failed);
        conditionMetrics.report(ces, next.conditions);
        unhandled.succeeded(id);
        // an API error (a write conflict with the ExternalSecret controller, say) is retried soon, not at refreshTime
        Duration requeue = transientFailure ? RETRY_AFTER_API_ERROR : refreshTime;
        if (next.equals(ces.getStatus())) {
            return UpdateControl.<ClusterExternalSecret>noUpdate().rescheduleAfter(requeue);
        }
        if (!PrimaryWrites.patchStatus(ces, next, context)) {
            return PrimaryWrites.afterConflict();
        }
        return UpdateControl.<ClusterExternalSecret>noUpdate().rescheduleAfter(requeue);
    }

    /**
     * A spec that cannot be acted on. An invalid selector selects nothing, which would unselect every namespace
     * and delete every ExternalSecret this ClusterExternalSecret provisioned (and their Secrets). Nothing is
     * created, changed or deleted until the spec is fixed; the status keeps the namespaces provisioned so far.
     */
    private UpdateControl<ClusterExternalSecret> refuseInvalidSpec(
            ClusterExternalSecret ces,
            Context<ClusterExternalSecret> context,
            String reason,
            String message,
            Duration requeue) {
        ClusterExternalSecretStatus next = statusWriter.failed(ces.getStatus(), reason, message);
        conditionMetrics.report(ces, next.conditions);
        if (next.equals(ces.getStatus())) {
            return UpdateControl.<ClusterExternalSecret>noUpdate().rescheduleAfter(requeue);
        }
        events.warning(ces, reason, message);
        LOG.warnf("ClusterExternalSecret %s: %s", ces.getMetadata().getName(), message);
        if (!PrimaryWrites.patchStatus(ces, next, context)) {
            return PrimaryWrites.afterConflict();
        }
        return UpdateControl.<ClusterExternalSecret>noUpdate().rescheduleAfter(requeue);
    }

    /** Reconciles of the ClusterExternalSecret postponed by sluice.kubernetes.max-reconciles-per-minute. */
    int postponedByBudget(ResourceID id) {
        return budget.postponed(id);
    }

    @Override
    public ErrorStatusUpdateControl<ClusterExternalSecret> updateErrorStatus(
            ClusterExternalSecret ces, Context<ClusterExternalSecret> context, Exception e) {
        return unhandled.handle(ces, context, e);
    }

    /** @return false when an ExternalSecret this ClusterExternalSecret does not own is in the way */
    private boolean provision(ClusterExternalSecret ces, String namespace, String esName) {
        String cesName = ces.getMetadata().getName();
        ExternalSecret desired = ProvisionedExternalSecret.desired(ces, namespace);
        ExternalSecret existing = sources.cachedExternalSecret(namespace, esName);
        if (existing == null) {
            existing = client.resources(ExternalSecret.class)
                    .inNamespace(namespace)
                    .withName(esName)
                    .get();
        }
        if (existing == null) {
            client.resource(desired).create();
            events.normal(ces, "Created", "external secret " + namespace + "/" + esName + " created");
            LOG.infof("ClusterExternalSecret %s: created ExternalSecret %s/%s", cesName, namespace, esName);
            return true;
        }
        if (ProvisionedExternalSecret.ownership(existing, ces) == Ownership.FOREIGN) {
            return false;
        }
        if (!ProvisionedExternalSecret.upToDate(existing, desired, cesName)) {
            // a patch of the difference, not an update: the ExternalSecret controller writes the status concurrently
            client.resources(ExternalSecret.class)
                    .inNamespace(namespace)
                    .withName(esName)
                    .edit(latest -> ProvisionedExternalSecret.updated(latest, desired, cesName));
            events.normal(ces, "Updated", "external secret " + namespace + "/" + esName + " updated");
            LOG.infof("ClusterExternalSecret %s: updated ExternalSecret %s/%s", cesName, namespace, esName);
        }
        return true;
    }

    /**
     * Deletes this ClusterExternalSecret's ExternalSecrets that are no longer wanted: in namespaces that stopped
     * matching, or under a previous name. The last status covers ExternalSecrets that ESO created (no label).
     */
    /** @return whether a delete failed in a way worth retrying soon */
    private boolean removeUnselected(
            ClusterExternalSecret ces, Set<String> selected, String esName, SortedMap<String, String> failed) {
        boolean transientFailure = false;
        List<ExternalSecret> candidates =
                new ArrayList<>(sources.provisionedBy(ces.getMetadata().getName()));
        ClusterExternalSecretStatus previous = ces.getStatus();
        if (previous != null && previous.provisionedNamespaces != null && previous.externalSecretName != null) {
            for (String namespace : previous.provisionedNamespaces) {
                if (!selected.contains(namespace) || !previous.externalSecretName.equals(esName)) {
                    ExternalSecret old = client.resources(ExternalSecret.class)
                            .inNamespace(namespace)
                            .withName(previous.externalSecretName)
                            .get();
                    if (old != null && candidates.stream().noneMatch(c -> sameObject(c, old))) {
                        candidates.add(old);
                    }
                }
            }
        }
        for (ExternalSecret es : candidates) {
            String namespace = es.getMetadata().getNamespace();
            boolean wanted = selected.contains(namespace)
                    && esName.equals(es.getMetadata().getName());
            if (wanted || ProvisionedExternalSecret.ownership(es, ces) == Ownership.FOREIGN) {
                continue;
            }
            try {
                // only the ExternalSecret that was read: one re-created under the name in between is not ours to delete
                GuardedDelete.delete(client, es, false);
                events.normal(
                        ces,
                        "Deleted",
                        "external secret " + namespace + "/" + es.getMetadata().getName()
                                + " deleted: namespace no longer selected or name changed");
                LOG.infof(
                        "ClusterExternalSecret %s: deleted ExternalSecret %s/%s",
                        ces.getMetadata().getName(), namespace, es.getMetadata().getName());
            } catch (KubernetesClientException e) {
                failed.put(namespace, "could not delete external secret: " + ApiErrors.describe(e));
                transientFailure = true;
            }
        }
        return transientFailure;
    }

    /**
     * {@code spec.refreshTime}, else (also when 0) the default; never below the minimum.
     *
     * @throws RefreshInterval.Invalid when it is not a duration
     */
    private Duration refreshTime(ClusterExternalSecret ces) {
        Duration d = RefreshInterval.parse("spec.refreshTime", ces.getSpec().refreshTime, defaultRefreshTime);
        return intervalFloor.apply(ces, "spec.refreshTime", d.isZero() ? defaultRefreshTime : d);
    }

    private static boolean sameObject(ExternalSecret a, ExternalSecret b) {
        return a.getMetadata().getNamespace().equals(b.getMetadata().getNamespace())
                && a.getMetadata().getName().equals(b.getMetadata().getName());
    }
}

package io.sluice.externalsecret;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.quarkiverse.operatorsdk.annotations.RBACRule;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretStatus;
import io.sluice.config.SluiceConfig;
import io.sluice.externalsecret.RefreshSchedule.Reason;
import io.sluice.fetch.SharedFetcher;
import io.sluice.kube.EventRecorder;
import io.sluice.kube.Hashes;
import io.sluice.kube.SecretData;
import io.sluice.kube.WellKnown;
import io.sluice.metrics.StatusConditionMetrics;
import io.sluice.metrics.SyncMetrics;
import io.sluice.store.StoreAccess;
import io.sluice.store.StoreView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Keeps each ExternalSecret's target Secret in sync: resolve stores, fetch, write the Secret only when it
 * changes, report status only when it changes, and come back when the next refresh is due.
 */
@ControllerConfiguration(name = "externalsecret", generationAwareEventProcessing = false)
@RBACRule(apiGroups = "", resources = "secrets", verbs = { "get", "list", "watch", "create", "update", "delete" })
@RBACRule(apiGroups = "", resources = "events", verbs = { "create", "patch" })
@RBACRule(apiGroups = "", resources = "namespaces", verbs = { "get", "list", "watch" })
@RBACRule(apiGroups = "", resources = "configmaps", verbs = { "get", "list", "watch" })
public class ExternalSecretReconciler implements Reconciler<ExternalSecret> {
    private static final Logger LOG = Logger.getLogger(ExternalSecretReconciler.class);

    private final KubernetesClient client;
    private final SluiceConfig config;
    private final StoreAccess storeAccess;
    private final EventRecorder events;
    private final SharedFetcher fetcher;
    private final SyncMetrics metrics;
    private final StatusConditionMetrics conditionMetrics;
    private final Clock clock = Clock.systemUTC();
    private final RefreshSchedule schedule;
    private final FailureBackoff backoff;
    private final RefreshAdmission admission;
    private final ExternalSecretStatusWriter statusWriter = new ExternalSecretStatusWriter(clock);
    private final TargetSecretWriter secretWriter;

    private ExternalSecretEventSources sources;

    public ExternalSecretReconciler(KubernetesClient client, SluiceConfig config, StoreAccess storeAccess,
            EventRecorder events, SharedFetcher fetcher, SyncMetrics metrics, StatusConditionMetrics conditionMetrics) {
        this.client = client;
        this.config = config;
        this.storeAccess = storeAccess;
        this.events = events;
        this.fetcher = fetcher;
        this.metrics = metrics;
        this.conditionMetrics = conditionMetrics;
        var es = config.externalSecrets();
        this.schedule = new RefreshSchedule(es.refreshJitter(), es.startupRefreshSpread(), Instant.now());
        this.backoff = new FailureBackoff(es.retryInitialBackoff(), es.retryMaxBackoff());
        this.admission = new RefreshAdmission(es.maxConcurrentRefreshes());
        this.secretWriter = new TargetSecretWriter(client);
    }

    @Override
    public List<EventSource<?, ExternalSecret>> prepareEventSources(EventSourceContext<ExternalSecret> context) {
        sources = new ExternalSecretEventSources(context);
        return sources.all();
    }

    @Override
    public UpdateControl<ExternalSecret> reconcile(ExternalSecret resource, Context<ExternalSecret> context) {
        ResourceID id = ResourceID.fromResource(resource);
        EffectiveSpec es = new EffectiveSpec(resource, config.externalSecrets().defaultRefreshInterval());
        List<StoreView> stores = sources.referencedStores(es);
        if (stores.stream().anyMatch(s -> !storeAccess.isManagedByThisController(s))) {
            LOG.debugf("skipping %s: its store belongs to another controller class", id);
            return UpdateControl.noUpdate();
        }
        Instant now = clock.instant();
        Duration interval;
        try {
            interval = es.refreshInterval();
        } catch (IllegalArgumentException e) {
            return fail(resource, id, es, "", new SyncException("SecretSyncedError",
                    "invalid spec.refreshInterval: " + e.getMessage()), Duration.ofDays(1));
        }
        String marker = es.resourceVersionMarker();
        Secret existing = sources.targetSecret(resource.getMetadata().getNamespace(), es.targetName());
        Reason reason = schedule.due(id, es.refreshPolicy(), interval, resource.getStatus(), marker,
                resource.getMetadata().getUid(), now);
        if (reason == Reason.NONE && needsRepair(es, existing)) {
            reason = Reason.CHANGED;
        }
        if (reason == Reason.NONE) {
            return rescheduleOnly(id, es, interval, resource.getStatus(), now);
        }
        String inputs = marker + "|" + storesFingerprint(stores);
        Optional<Duration> waiting = backoff.pending(id, inputs, now);
        if (waiting.isPresent()) {
            return UpdateControl.<ExternalSecret> noUpdate().rescheduleAfter(waiting.get());
        }
        boolean periodic = reason == Reason.PERIODIC;
        if (periodic && !admission.tryEnter()) {
            return UpdateControl.<ExternalSecret> noUpdate().rescheduleAfter(Duration.ofMillis(
                    1000 + (long) (2000 * RefreshSchedule.spreadOf(resource.getMetadata().getUid()))));
        }
        String namespace = resource.getMetadata().getNamespace();
        String name = resource.getMetadata().getName();
        try {
            UpdateControl<ExternalSecret> done = sync(resource, id, es, existing, reason, marker, interval, now);
            metrics.synced(namespace, name, true);
            return done;
        } catch (SyncException e) {
            metrics.synced(namespace, name, false);
            return fail(resource, id, es, inputs, e, interval);
        } catch (KubernetesClientException e) {
            metrics.synced(namespace, name, false);
            return fail(resource, id, es, inputs, new SyncException("SecretSyncedError", "UpdateFailed",
                    "could not update secret: " + kubernetesError(e), null), interval);
        } finally {
            if (periodic) {
                admission.leave();
            }
        }
    }

    private UpdateControl<ExternalSecret> sync(ExternalSecret resource, ResourceID id, EffectiveSpec es, Secret existing,
            Reason reason, String marker, Duration interval, Instant now) {
        boolean fresh = reason == Reason.CHANGED && resource.getStatus() != null
                && resource.getStatus().syncedResourceVersion != null;
        DataCollector collector = new DataCollector(sources::findStore, storeAccess, fetcher);
        var data = collector.collect(es, fresh);
        DesiredSecret desired = DesiredSecret.of(es, data, null, resource.getMetadata().getLabels(),
                resource.getMetadata().getAnnotations());
        TargetSecretWriter.Outcome outcome = secretWriter.write(es, desired, existing, false);
        switch (outcome) {
            case CREATED -> {
                events.normal(resource, "Created", "secret " + es.targetName() + " created");
                LOG.infof("%s: created secret %s", id, es.targetName());
            }
            case UPDATED -> {
                events.normal(resource, "Updated", "secret " + es.targetName() + " updated");
                LOG.infof("%s: updated secret %s", id, es.targetName());
            }
            default -> LOG.debugf("%s: secret %s unchanged (%s)", id, es.targetName(), reason);
        }
        backoff.succeeded(id);
        schedule.refreshed(id, now);
        boolean wrote = outcome == TargetSecretWriter.Outcome.CREATED || outcome == TargetSecretWriter.Outcome.UPDATED;
        ExternalSecretStatus next = statusWriter.synced(resource, marker, es.targetName(),
                wrote || reason != Reason.PERIODIC);
        return withSchedule(resource, next, id, es, interval, now);
    }

    private UpdateControl<ExternalSecret> fail(ExternalSecret resource, ResourceID id, EffectiveSpec es, String inputs,
            SyncException error, Duration interval) {
        Instant now = clock.instant();
        Duration delay = backoff.failed(id, inputs, now);
        if (!interval.isZero() && interval.compareTo(delay) < 0) {
            delay = interval;
        }
        ExternalSecretStatus next = statusWriter.failed(resource, error.reason(), error.getMessage());
        conditionMetrics.report(resource, next.conditions);
        boolean changed = resource.getStatus() == null || !ExternalSecretStatusWriter.same(resource.getStatus(), next);
        if (changed) {
            events.warning(resource, error.eventReason(), error.getMessage());
        }
        LOG.warnf("%s: sync failed (%s): %s; next attempt in %d ms", id, error.reason(), error.getMessage(),
                delay.toMillis());
        if (!changed) {
            return UpdateControl.<ExternalSecret> noUpdate().rescheduleAfter(delay);
        }
        resource.setStatus(next);
        return UpdateControl.patchStatus(resource).rescheduleAfter(delay);
    }

    private UpdateControl<ExternalSecret> rescheduleOnly(ResourceID id, EffectiveSpec es, Duration interval,
            ExternalSecretStatus status, Instant now) {
        if (status != null) {
            conditionMetrics.report(es.resource(), status.conditions);
        }
        Optional<Duration> next = schedule.untilNext(id, es.refreshPolicy(), interval, status,
                es.resource().getMetadata().getUid(), now);
        UpdateControl<ExternalSecret> control = UpdateControl.noUpdate();
        return next.map(control::rescheduleAfter).orElse(control);
    }

    private UpdateControl<ExternalSecret> withSchedule(ExternalSecret resource, ExternalSecretStatus next, ResourceID id,
            EffectiveSpec es, Duration interval, Instant now) {
        conditionMetrics.report(resource, next.conditions);
        boolean changed = resource.getStatus() == null || !ExternalSecretStatusWriter.same(resource.getStatus(), next);
        Optional<Duration> after = schedule.untilNext(id, es.refreshPolicy(), interval, next,
                resource.getMetadata().getUid(), now);
        UpdateControl<ExternalSecret> control;
        if (changed) {
            resource.setStatus(next);
            control = UpdateControl.patchStatus(resource);
        } else {
            control = UpdateControl.noUpdate();
        }
        return after.map(control::rescheduleAfter).orElse(control);
    }

    /**
     * A Secret that was deleted or edited behind Sluice's back is repaired at once (ESO's rule). With the
     * Orphan policy the Secret is not Sluice's to repair; with None there is nothing to repair.
     */
    private static boolean needsRepair(EffectiveSpec es, Secret existing) {
        return switch (es.creationPolicy()) {
            case Orphan, None -> false;
            default -> existing == null
                    || existing.getMetadata().getLabels() == null
                    || !"true".equals(existing.getMetadata().getLabels().get(WellKnown.MANAGED_LABEL))
                    || existing.getMetadata().getAnnotations() == null
                    || !Hashes.ofData(SecretData.decode(existing))
                            .equals(existing.getMetadata().getAnnotations().get(WellKnown.DATA_HASH_ANNOTATION));
        };
    }

    private static String storesFingerprint(List<StoreView> stores) {
        StringBuilder sb = new StringBuilder();
        for (StoreView s : stores) {
            sb.append(s.uid()).append(':').append(s.generation()).append(':')
                    .append(io.sluice.status.Conditions.isTrue(s.status() == null ? null : s.status().conditions, "Ready"))
                    .append(';');
        }
        return sb.toString();
    }

    private static String kubernetesError(KubernetesClientException e) {
        return e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                : "HTTP " + e.getCode();
    }

    /** Called by the cleanup of a deleted ExternalSecret to free per-resource memory. */
    void forget(ResourceID id) {
        schedule.forget(id);
        backoff.forget(id);
    }
}

package io.sluice.externalsecret;

import io.fabric8.kubernetes.api.model.Secret;
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
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretStatus;
import io.sluice.api.v1.ExternalSecretTarget.CreationPolicy;
import io.sluice.config.SluiceConfig;
import io.sluice.externalsecret.DataCollector.CollectedData;
import io.sluice.externalsecret.RefreshSchedule.Reason;
import io.sluice.fetch.SharedFetcher;
import io.sluice.generator.GeneratorRunner;
import io.sluice.kube.ApiErrors;
import io.sluice.kube.EventRecorder;
import io.sluice.kube.FailureBackoff;
import io.sluice.kube.PrimaryWrites;
import io.sluice.kube.PrunedItemStore;
import io.sluice.kube.ReconcileBudget;
import io.sluice.kube.RefreshInterval;
import io.sluice.kube.RefreshIntervalFloor;
import io.sluice.kube.SecretCreateDryRun;
import io.sluice.kube.UnhandledErrorStatus;
import io.sluice.metrics.StatusConditionMetrics;
import io.sluice.metrics.SyncMetrics;
import io.sluice.provider.StoreView;
import io.sluice.status.Conditions;
import io.sluice.store.StoreAccess;
import io.sluice.store.StoreClientCache;
import io.sluice.store.StoreCredentialWatch;
import io.sluice.store.StoreNotValidatedYetException;
import io.sluice.template.SecretTemplateRenderer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Keeps each ExternalSecret's target Secret in sync: resolve stores, fetch, write the Secret only when it
 * changes, report status only when it changes, and come back when the next refresh is due.
 */
@ControllerConfiguration(
        name = "externalsecret",
        generationAwareEventProcessing = false,
        informer = @Informer(itemStore = PrunedItemStore.class))
public class ExternalSecretReconciler implements Reconciler<ExternalSecret> {
    private static final Logger LOG = Logger.getLogger(ExternalSecretReconciler.class);

    private final SluiceConfig config;
    private final StoreAccess storeAccess;
    private final EventRecorder events;
    private final SharedFetcher fetcher;
    private final SyncMetrics metrics;
    private final StoreClientCache storeClients;
    private final StoreCredentialWatch credentialWatch;
    private final StatusConditionMetrics conditionMetrics;
    private final RefreshIntervalFloor intervalFloor;
    private final Clock clock = Clock.systemUTC();
    private final RefreshSchedule schedule;
    private final TokenRenewal renewal;
    private final GeneratorRunner generators;
    private final FailureBackoff backoff;
    private final RefreshAdmission admission;
    private final ReconcileBudget budget;
    private final ExternalSecretStatusWriter statusWriter = new ExternalSecretStatusWriter(clock);
    private final TargetSecretWriter secretWriter;
    private final TargetSecretSync targetSync;
    private final CleanupFinalizer cleanup;
    private final UnhandledErrorStatus<ExternalSecretStatus, ExternalSecret> unhandled;

    private ExternalSecretEventSources sources;

    public ExternalSecretReconciler(
            KubernetesClient client,
            SluiceConfig config,
            StoreAccess storeAccess,
            EventRecorder events,
            SharedFetcher fetcher,
            SyncMetrics metrics,
            StoreClientCache storeClients,
            StoreCredentialWatch credentialWatch,
            SecretTemplateRenderer renderer,
            StatusConditionMetrics conditionMetrics,
            SecretCreateDryRun dryRun,
            RefreshIntervalFloor intervalFloor,
            GeneratorRunner generators) {
        this.config = config;
        this.storeAccess = storeAccess;
        this.events = events;
        this.fetcher = fetcher;
        this.metrics = metrics;
        this.storeClients = storeClients;
        this.credentialWatch = credentialWatch;
        this.conditionMetrics = conditionMetrics;
        this.intervalFloor = intervalFloor;
        var es = config.externalSecrets();
        this.schedule = new RefreshSchedule(es.refreshJitter(), es.startupRefreshSpread(), Instant.now());
        this.renewal = new TokenRenewal(es.startupRefreshSpread(), Instant.now());
        this.generators = generators;
        this.backoff = new FailureBackoff(es.retryInitialBackoff(), es.retryMaxBackoff());
        this.admission = new RefreshAdmission(es.maxConcurrentRefreshes());
        this.budget = new ReconcileBudget(config.kubernetes().maxReconcilesPerMinute());
        this.secretWriter = new TargetSecretWriter(client, dryRun);
        this.targetSync = new TargetSecretSync(new TargetRendering(renderer, client), secretWriter);
        this.cleanup = new CleanupFinalizer(client, secretWriter);
        this.unhandled = new UnhandledErrorStatus<>(
                events, backoff, "SecretSyncedError", statusWriter::failed, (resource, status) -> {
                    conditionMetrics.report(resource, status.conditions);
                    metrics.synced(
                            resource.getMetadata().getNamespace(),
                            resource.getMetadata().getName(),
                            false);
                });
    }

    @Override
    public List<EventSource<?, ExternalSecret>> prepareEventSources(EventSourceContext<ExternalSecret> context) {
        sources = new ExternalSecretEventSources(context, credentialWatch);
        List<EventSource<?, ExternalSecret>> all = new ArrayList<>(sources.all());
        all.add(new ExternalSecretDeletions(
                cleanup::release,
                this::forget,
                () -> context.getPrimaryCache().list(),
                ExternalSecretDeletions.SWEEP_PERIOD));
        return all;
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
        if (resource.isMarkedForDeletion()) {
            return UpdateControl.noUpdate(); // ExternalSecretDeletions releases it
        }
        if (!cleanup.reconcile(es, context)) {
            return PrimaryWrites.afterConflict();
        }
        Instant now = clock.instant();
        Duration interval;
        try {
            interval = intervalFloor.apply(resource, "spec.refreshInterval", es.refreshInterval());
        } catch (RefreshInterval.Invalid e) {
            return fail(
                    resource,
                    context,
                    id,
                    es,
                    "",
                    new SyncException("SecretSyncedError", e.getMessage()),
                    RefreshInterval.RETRY_WHEN_INVALID);
        }
        String marker = es.resourceVersionMarker();
        if (resource.getStatus() != null
                && resource.getStatus().refreshTime != null
                && RefreshSchedule.refreshedAt(resource.getStatus()).isEmpty()) {
            LOG.warnf("%s: status.refreshTime is not an RFC 3339 time: syncing now to write a valid one", id);
        }
        Reason reason = schedule.due(
                id,
                es.refreshPolicy(),
                interval,
                resource.getStatus(),
                marker,
                resource.getMetadata().getUid(),
                now);
        if (reason == Reason.NONE && renewal.due(id, es, now)) {
            reason = Reason.PERIODIC;
        }
        TargetRead existing = TargetRead.of(sources, resource.getMetadata().getNamespace(), es, reason);
        if (reason == Reason.NONE && SecretPlanner.needsRepair(es, existing.secret())) {
            reason = Reason.CHANGED;
        }
        if (reason == Reason.NONE) {
            return rescheduleOnly(id, es, interval, resource.getStatus(), now);
        }
        String inputs = marker + "|" + storesFingerprint(stores);
        Optional<Duration> waiting = backoff.pending(id, inputs, now);
        if (waiting.isPresent()) {
            return UpdateControl.<ExternalSecret>noUpdate().rescheduleAfter(waiting.get());
        }
        boolean periodic = reason == Reason.PERIODIC;
        if (periodic && !admission.tryEnter()) {
            return UpdateControl.<ExternalSecret>noUpdate()
                    .rescheduleAfter(Duration.ofMillis(1000
                            + (long) (2000
                                    * RefreshSchedule.spreadOf(
                                            resource.getMetadata().getUid()))));
        }
        Optional<Duration> overBudget = budget.spend(id, now);
        if (overBudget.isPresent()) {
            if (periodic) {
                admission.leave();
            }
            LOG.debugf(
                    "%s: over its budget of syncs per minute, postponed by %d ms",
                    id, overBudget.get().toMillis());
            return UpdateControl.<ExternalSecret>noUpdate().rescheduleAfter(overBudget.get());
        }
        String namespace = resource.getMetadata().getNamespace();
        String name = resource.getMetadata().getName();
        try {
            UpdateControl<ExternalSecret> done =
                    sync(resource, context, id, es, existing, reason, marker, interval, now);
            metrics.synced(namespace, name, true);
            return done;
        } catch (StoreNotValidatedYetException e) {
            // the store's validation triggers this resource again; the delay is only a safety net
            LOG.debugf("%s: waiting: %s", id, e.getMessage());
            return UpdateControl.<ExternalSecret>noUpdate()
                    .rescheduleAfter(StoreNotValidatedYetException.RECHECK_AFTER);
        } catch (SyncException e) {
            metrics.synced(namespace, name, false);
            return fail(resource, context, id, es, inputs, e, interval);
        } catch (KubernetesClientException e) {
            metrics.synced(namespace, name, false);
            return fail(
                    resource,
                    context,
                    id,
                    es,
                    inputs,
                    new SyncException(
                            "SecretSyncedError",
                            "UpdateFailed",
                            "could not update secret: " + ApiErrors.describe(e),
                            null),
                    interval);
        } finally {
            if (periodic) {
                admission.leave();
            }
        }
    }

    @Override
    public ErrorStatusUpdateControl<ExternalSecret> updateErrorStatus(
            ExternalSecret resource, Context<ExternalSecret> context, Exception e) {
        return unhandled.handle(resource, context, e);
    }

    private UpdateControl<ExternalSecret> sync(
            ExternalSecret resource,
            Context<ExternalSecret> context,
            ResourceID id,
            EffectiveSpec es,
            TargetRead existing,
            Reason reason,
            String marker,
            Duration interval,
            Instant now) {
        UnsupportedFields.reject(es.spec());
        boolean fresh = reason == Reason.CHANGED
                && resource.getStatus() != null
                && resource.getStatus().syncedResourceVersion != null;
        Duration maxAge = fresh ? Duration.ZERO : RefreshSchedule.maxSharedReadAge(interval);
        CollectedData collected =
                new DataCollector(sources::findStore, storeAccess, fetcher, generators).collect(es, maxAge);
        collected
                .missing()
                .forEach(entry -> events.normal(
                        resource,
                        "MissingProviderSecret",
                        "secret for " + entry + " is missing in the provider: skipped due to DeletionPolicy="
                                + es.deletionPolicy()));
        TargetSecretSync.Written written = targetSync.write(es, collected, existing);
        SecretPlan plan = written.plan();
        report(resource, id, es, plan, reason);
        if (es.creationPolicy() == CreationPolicy.Owner && reason != Reason.PERIODIC) {
            deleteLeftBehind(resource, id, es);
        }
        backoff.succeeded(id);
        schedule.refreshed(id, now);
        renewal.synced(id, collected.expiresAt(), now);
        ExternalSecretStatus next = statusWriter.synced(
                resource,
                marker,
                plan.leavesSecret(written.found()) ? es.targetName() : null,
                plan.action().writes() || reason != Reason.PERIODIC,
                plan);
        return withSchedule(resource, context, next, id, es, interval, now);
    }

    private void report(ExternalSecret resource, ResourceID id, EffectiveSpec es, SecretPlan plan, Reason reason) {
        String target = es.targetName();
        switch (plan.action()) {
            case CREATE -> events.normal(resource, "Created", "secret " + target + " created");
            case UPDATE, REPLACE -> events.normal(resource, "Updated", "secret " + target + " updated");
            case DELETE ->
                events.normal(resource, "Deleted", "secret " + target + " deleted due to DeletionPolicy=Delete");
            default -> LOG.debugf("%s: secret %s %s (%s)", id, target, plan.action(), reason);
        }
        if (plan.action().writes()) {
            LOG.infof("%s: secret %s %s", id, target, plan.action());
        }
    }

    /** After a rename under Owner, the Secret of the old name goes (ESO deletes such orphaned Secrets too). */
    private void deleteLeftBehind(ExternalSecret resource, ResourceID id, EffectiveSpec es) {
        for (Secret old : SecretPlanner.leftBehind(
                resource,
                es.targetName(),
                sources.managedSecrets(resource.getMetadata().getNamespace()))) {
            secretWriter.delete(old);
            events.normal(
                    resource,
                    "Deleted",
                    "secret " + old.getMetadata().getName() + " deleted: the target was renamed to " + es.targetName());
            LOG.infof(
                    "%s: deleted secret %s left behind by a target rename",
                    id, old.getMetadata().getName());
        }
    }

    private UpdateControl<ExternalSecret> fail(
            ExternalSecret resource,
            Context<ExternalSecret> context,
            ResourceID id,
            EffectiveSpec es,
            String inputs,
            SyncException error,
            Duration interval) {
        Instant now = clock.instant();
        Duration delay = backoff.failed(id, inputs, now);
        if (!interval.isZero() && interval.compareTo(delay) < 0) {
            delay = interval;
        }
        ExternalSecretStatus next = statusWriter.failed(resource, error.reason(), error.getMessage());
        conditionMetrics.report(resource, next.conditions);
        boolean changed = !next.equals(resource.getStatus());
        if (changed) {
            events.warning(resource, error.eventReason(), error.getMessage());
        }
        LOG.warnf(
                "%s: sync failed (%s): %s; next attempt in %d ms",
                id, error.reason(), error.getMessage(), delay.toMillis());
        if (!changed) {
            return UpdateControl.<ExternalSecret>noUpdate().rescheduleAfter(delay);
        }
        if (!PrimaryWrites.patchStatus(resource, next, context)) {
            return PrimaryWrites.afterConflict();
        }
        return UpdateControl.<ExternalSecret>noUpdate().rescheduleAfter(delay);
    }

    private UpdateControl<ExternalSecret> rescheduleOnly(
            ResourceID id, EffectiveSpec es, Duration interval, ExternalSecretStatus status, Instant now) {
        if (status != null) {
            conditionMetrics.report(es.resource(), status.conditions);
        }
        Optional<Duration> next = renewal.earliest(
                id,
                es,
                now,
                schedule.untilNext(
                        id,
                        es.refreshPolicy(),
                        interval,
                        status,
                        es.resource().getMetadata().getUid(),
                        now));
        UpdateControl<ExternalSecret> control = UpdateControl.noUpdate();
        return next.map(control::rescheduleAfter).orElse(control);
    }

    private UpdateControl<ExternalSecret> withSchedule(
            ExternalSecret resource,
            Context<ExternalSecret> context,
            ExternalSecretStatus next,
            ResourceID id,
            EffectiveSpec es,
            Duration interval,
            Instant now) {
        conditionMetrics.report(resource, next.conditions);
        boolean changed = !next.equals(resource.getStatus());
        Optional<Duration> after = renewal.earliest(
                id,
                es,
                now,
                schedule.untilNext(
                        id,
                        es.refreshPolicy(),
                        interval,
                        next,
                        resource.getMetadata().getUid(),
                        now));
        if (changed && !PrimaryWrites.patchStatus(resource, next, context)) {
            return PrimaryWrites.afterConflict();
        }
        UpdateControl<ExternalSecret> control = UpdateControl.noUpdate();
        return after.map(control::rescheduleAfter).orElse(control);
    }

    /** What a failed sync depends on besides the resource itself: a change here ends the backoff at once. */
    private String storesFingerprint(List<StoreView> stores) {
        StringBuilder sb = new StringBuilder();
        for (StoreView s : stores) {
            sb.append(s.uid())
                    .append(':')
                    .append(s.generation())
                    .append(':')
                    .append(storeClients.epochOf(s.kind(), s.namespace(), s.name()))
                    .append(':')
                    .append(Conditions.isTrue(s.status() == null ? null : s.status().conditions, "Ready"))
                    .append(';');
        }
        return sb.toString();
    }

    /** Frees the per-resource memory of a deleted ExternalSecret. */
    void forget(ResourceID id) {
        schedule.forget(id);
        renewal.forget(id);
        backoff.forget(id);
        budget.forget(id);
    }

    /** Syncs of the ExternalSecret postponed by sluice.kubernetes.max-reconciles-per-minute. */
    int postponedByBudget(ResourceID id) {
        return budget.postponed(id);
    }

    /** Whether any per-resource memory is held for the ExternalSecret. */
    boolean remembers(ResourceID id) {
        return schedule.tracks(id) || backoff.tracks(id) || budget.tracks(id) || renewal.tracks(id);
    }
}

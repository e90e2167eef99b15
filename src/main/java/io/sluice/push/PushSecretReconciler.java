package io.sluice.push;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.sluice.api.v1alpha1.PushSecret;
import io.sluice.api.v1alpha1.PushSecretData;
import io.sluice.api.v1alpha1.PushSecretSpec;
import io.sluice.api.v1alpha1.PushSecretStatus;
import io.sluice.config.SluiceConfig;
import io.sluice.kube.ApiErrors;
import io.sluice.kube.EventRecorder;
import io.sluice.kube.FailureBackoff;
import io.sluice.kube.PrimaryWrites;
import io.sluice.kube.PrunedItemStore;
import io.sluice.kube.ReconcileBudget;
import io.sluice.kube.RefreshInterval;
import io.sluice.kube.RefreshIntervalFloor;
import io.sluice.kube.UnhandledErrorStatus;
import io.sluice.metrics.StatusConditionMetrics;
import io.sluice.provider.StoreView;
import io.sluice.status.Conditions;
import io.sluice.store.StoreAccess;
import io.sluice.store.StoreNotValidatedYetException;
import io.sluice.template.ClusterTemplateSources;
import io.sluice.template.SecretTemplateRenderer;
import io.sluice.template.TemplateException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Pushes a Secret's data to the referenced stores: read the source, push each entry to each store (the provider
 * writes only what changed), delete what was dropped when {@code deletionPolicy: Delete}, report, and come back
 * after {@code refreshInterval} (0: push once per spec change and per source change). Source Secrets are
 * watched ({@link PushSourceWatch}), so a changed source goes out at once.
 */
@ControllerConfiguration(
        name = "pushsecret",
        finalizerName = PushSecretReconciler.FINALIZER,
        informer = @Informer(itemStore = PrunedItemStore.class))
public class PushSecretReconciler implements Reconciler<PushSecret>, Cleaner<PushSecret> {
    static final String FINALIZER = "pushsecret.externalsecrets.io/finalizer";
    private static final Logger LOG = Logger.getLogger(PushSecretReconciler.class);

    private final KubernetesClient client;
    private final EventRecorder events;
    private final SluiceConfig.PushSecrets config;
    private final RefreshIntervalFloor intervalFloor;
    private final StoreAccess storeAccess;
    private final PushStores stores;
    private final PushRun run;
    private final FailureBackoff backoff;
    private final ReconcileBudget budget;
    private final Clock clock = Clock.systemUTC();
    private final PushSecretStatusWriter statusWriter = new PushSecretStatusWriter(clock);
    private final SecretTemplateRenderer renderer;
    private final StatusConditionMetrics conditionMetrics;
    private final PushSourceWatch sourceWatch;
    /** Per PushSecret, the versions of the source Secrets last pushed (see {@link #alreadyPushed}). */
    private final Map<ResourceID, String> pushedSources = new ConcurrentHashMap<>();

    private final UnhandledErrorStatus<PushSecretStatus, PushSecret> unhandled;

    public PushSecretReconciler(
            KubernetesClient client,
            EventRecorder events,
            SluiceConfig config,
            StoreAccess storeAccess,
            SecretTemplateRenderer renderer,
            StatusConditionMetrics conditionMetrics,
            RefreshIntervalFloor intervalFloor) {
        this.renderer = renderer;
        this.conditionMetrics = conditionMetrics;
        this.client = client;
        this.events = events;
        this.config = config.pushSecrets();
        this.intervalFloor = intervalFloor;
        this.storeAccess = storeAccess;
        this.stores = new PushStores(client);
        this.run = new PushRun(storeAccess, stores);
        this.backoff = new FailureBackoff(this.config.retryInitialBackoff(), this.config.retryMaxBackoff());
        this.budget = new ReconcileBudget(config.kubernetes().maxReconcilesPerMinute());
        this.unhandled = new UnhandledErrorStatus<>(
                events,
                backoff,
                PushSecretStatusWriter.ERRORED,
                statusWriter::failed,
                (ps, status) -> conditionMetrics.report(ps, status.conditions));
        this.sourceWatch = new PushSourceWatch(client);
    }

    @Override
    public List<EventSource<?, PushSecret>> prepareEventSources(EventSourceContext<PushSecret> context) {
        return List.of(sourceWatch);
    }

    @Override
    public UpdateControl<PushSecret> reconcile(PushSecret ps, Context<PushSecret> context) {
        ResourceID id = ResourceID.fromResource(ps);
        String marker = String.valueOf(ps.getMetadata().getGeneration());
        Duration interval;
        try {
            interval = refreshInterval(ps);
        } catch (RefreshInterval.Invalid e) {
            return failed(
                    ps,
                    context,
                    id,
                    PushSecretStatusWriter.ERRORED,
                    e.getMessage(),
                    RefreshInterval.RETRY_WHEN_INVALID);
        }
        try {
            String unsupported = unsupported(ps.getSpec());
            if (unsupported != null) {
                throw new PushException(unsupported);
            }
            List<Secret> sources = sourceWatch.track(ps);
            String sourceVersions = versionsOf(sources);
            if (interval.isZero() && alreadyPushed(ps, marker, sourceVersions)) {
                return UpdateControl.noUpdate();
            }
            Optional<Duration> overBudget = budget.spend(id, clock.instant());
            if (overBudget.isPresent()) {
                LOG.debugf(
                        "%s: over its budget of pushes per minute, postponed by %d ms",
                        id, overBudget.get().toMillis());
                return UpdateControl.<PushSecret>noUpdate().rescheduleAfter(overBudget.get());
            }
            Map<String, StoreView> targets = stores.resolve(ps);
            if (targets.values().stream().anyMatch(s -> !storeAccess.isManagedByThisController(s))) {
                LOG.debugf("skipping %s: a store belongs to another controller class", id);
                return UpdateControl.noUpdate();
            }
            PushSource source = PushSource.from(sources);
            if (!source.found()) {
                return sourceDeleted(ps, context, interval);
            }
            source = templated(ps, source);
            PushRun.Outcome outcome = run.push(ps, source, targets, PushSecretStatusWriter.syncedOf(ps));
            backoff.succeeded(id);
            pushedSources.put(id, sourceVersions);
            if (outcome.written() > 0) {
                events.normal(ps, "Synced", outcome.written() + " remote value(s) written");
                LOG.infof("%s: pushed %d remote value(s)", id, outcome.written());
            }
            PushSecretStatus next = statusWriter.synced(
                    ps,
                    outcome,
                    marker,
                    outcome.written() > 0
                            || ps.getStatus() == null
                            || !marker.equals(ps.getStatus().syncedResourceVersion));
            return withStatus(ps, context, next, interval);
        } catch (StoreNotValidatedYetException e) {
            // the store's first validation is moments away: wait instead of reporting an error
            LOG.debugf("%s: waiting: %s", id, e.getMessage());
            return UpdateControl.<PushSecret>noUpdate().rescheduleAfter(StoreNotValidatedYetException.RECHECK_AFTER);
        } catch (PushException e) {
            return failed(ps, context, id, PushSecretStatusWriter.ERRORED, e.getMessage(), interval);
        } catch (KubernetesClientException e) {
            return failed(
                    ps,
                    context,
                    id,
                    PushSecretStatusWriter.ERRORED,
                    "Kubernetes API error: " + ApiErrors.describe(e),
                    interval);
        }
    }

    @Override
    public ErrorStatusUpdateControl<PushSecret> updateErrorStatus(
            PushSecret ps, Context<PushSecret> context, Exception e) {
        return unhandled.handle(ps, context, e);
    }

    @Override
    public DeleteControl cleanup(PushSecret ps, Context<PushSecret> context) {
        ResourceID id = ResourceID.fromResource(ps);
        backoff.forget(id);
        budget.forget(id);
        sourceWatch.untrack(id);
        pushedSources.remove(id);
        if (ps.getSpec().deletionPolicy != PushSecretSpec.DeletionPolicy.Delete) {
            return DeleteControl.defaultDelete();
        }
        try {
            run.deleteAll(ps.getMetadata().getNamespace(), PushSecretStatusWriter.syncedOf(ps));
            LOG.infof("%s: deleted its remote values (deletionPolicy=Delete)", id);
            return DeleteControl.defaultDelete();
        } catch (PushException e) {
            events.warning(ps, "Errored", e.getMessage());
            LOG.warnf("%s: %s", id, e.getMessage());
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.retryMaxBackoff());
        }
    }

    /** Pushes of the PushSecret postponed by sluice.kubernetes.max-reconciles-per-minute. */
    int postponedByBudget(ResourceID id) {
        return budget.postponed(id);
    }

    /** {@code spec.template} renders the pushed data from the source Secret's data, as for ExternalSecrets. */
    private PushSource templated(PushSecret ps, PushSource source) {
        if (ps.getSpec().template == null) {
            return source;
        }
        String namespace = ps.getMetadata().getNamespace();
        try {
            return PushSource.of(renderer.render(
                            namespace + "/" + ps.getMetadata().getName(),
                            ps.getSpec().template,
                            source.data(),
                            new ClusterTemplateSources(client, namespace))
                    .data());
        } catch (TemplateException e) {
            throw new PushException("could not apply template: " + e.reason() + ": " + e.getMessage());
        }
    }

    /** The source Secret is gone: under Delete the remote values go too (ESO's SourceDeleted). */
    private UpdateControl<PushSecret> sourceDeleted(PushSecret ps, Context<PushSecret> context, Duration interval) {
        String name = ps.getSpec().selector.secret.name;
        String message = name == null ? "no secret matches the selector" : "secret " + name + " does not exist";
        PushRun.Synced remaining = PushSecretStatusWriter.syncedOf(ps);
        if (ps.getSpec().deletionPolicy == PushSecretSpec.DeletionPolicy.Delete && !remaining.isEmpty()) {
            run.deleteAll(ps.getMetadata().getNamespace(), remaining);
            events.normal(ps, "SourceDeleted", "source deleted: remote values deleted (deletionPolicy=Delete)");
            remaining = new PushRun.Synced();
        }
        PushSecretStatus next = statusWriter.sourceDeleted(ps, remaining, message);
        return withStatus(ps, context, next, interval);
    }

    private UpdateControl<PushSecret> failed(
            PushSecret ps,
            Context<PushSecret> context,
            ResourceID id,
            String reason,
            String message,
            Duration interval) {
        Duration delay = backoff.failed(id, String.valueOf(ps.getMetadata().getGeneration()), clock.instant());
        if (!interval.isZero() && interval.compareTo(delay) < 0) {
            delay = interval;
        }
        PushSecretStatus next = statusWriter.failed(ps, reason, message);
        conditionMetrics.report(ps, next.conditions);
        LOG.warnf("%s: push failed: %s", id, message);
        if (next.equals(ps.getStatus())) {
            return UpdateControl.<PushSecret>noUpdate().rescheduleAfter(delay);
        }
        events.warning(ps, reason, message);
        if (!PrimaryWrites.recordStatus(ps, next, context)) {
            return PrimaryWrites.afterConflict();
        }
        return UpdateControl.<PushSecret>noUpdate().rescheduleAfter(delay);
    }

    private UpdateControl<PushSecret> withStatus(
            PushSecret ps, Context<PushSecret> context, PushSecretStatus next, Duration interval) {
        conditionMetrics.report(ps, next.conditions);
        if (!next.equals(ps.getStatus()) && !PrimaryWrites.recordStatus(ps, next, context)) {
            return PrimaryWrites.afterConflict();
        }
        UpdateControl<PushSecret> control = UpdateControl.noUpdate();
        return interval.isZero() ? control : control.rescheduleAfter(interval);
    }

    private Duration refreshInterval(PushSecret ps) {
        PushSecretSpec spec = ps.getSpec();
        Duration interval =
                RefreshInterval.parse("spec.refreshInterval", spec.refreshInterval, config.defaultRefreshInterval());
        return intervalFloor.apply(ps, "spec.refreshInterval", interval);
    }

    /**
     * With refreshInterval 0, a PushSecret is pushed once per generation and once per change of its sources.
     * The source versions pushed are kept in memory: after a restart the first reconcile pushes again (the
     * provider writes only what differs), so a source changed while Sluice was down still goes out.
     */
    private boolean alreadyPushed(PushSecret ps, String marker, String sourceVersions) {
        return ps.getStatus() != null
                && marker.equals(ps.getStatus().syncedResourceVersion)
                && statusIsReady(ps)
                && sourceVersions.equals(pushedSources.get(ResourceID.fromResource(ps)));
    }

    private static String versionsOf(List<Secret> sources) {
        return sources.stream()
                .map(s -> s.getMetadata().getName() + "@" + s.getMetadata().getResourceVersion())
                .collect(Collectors.joining(","));
    }

    private static boolean statusIsReady(PushSecret ps) {
        return Conditions.isTrue(ps.getStatus().conditions, Conditions.READY);
    }

    /** Features of the API that Sluice does not implement yet: reported, never silently ignored. */
    private static String unsupported(PushSecretSpec spec) {
        if (spec.dataTo != null && !spec.dataTo.isEmpty()) {
            return "spec.dataTo is not supported by Sluice yet";
        }
        if (spec.selector.generatorRef != null || spec.selector.secret == null) {
            return "spec.selector.generatorRef is not supported by Sluice: use selector.secret";
        }
        if (spec.data != null
                && spec.data.stream()
                        .anyMatch(d -> d.conversionStrategy != null
                                && d.conversionStrategy != PushSecretData.ConversionStrategy.None)) {
            return "data[].conversionStrategy ReverseUnicode is not supported by Sluice yet";
        }
        return null;
    }
}

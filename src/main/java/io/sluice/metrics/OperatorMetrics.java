package io.sluice.metrics;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.processing.Controller;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JOSDK metrics hook: keeps the SDK's own per-controller metrics (the delegate) and adds, for every
 * controller and without any call from the reconcilers, ESO's {@code <kind>_reconcile_duration} and the
 * removal of all per-resource series when a resource is deleted, and feeds the {@link ReconcileLedger}.
 */
final class OperatorMetrics implements Metrics {
    private static final String RECONCILE = "reconcile";

    private final Metrics delegate;
    private final ReconcileDurationMetrics durations;
    private final ReconcileLedger ledger;
    private final List<? extends PerResourceMetrics> perResource;

    OperatorMetrics(
            Metrics delegate,
            ReconcileDurationMetrics durations,
            ReconcileLedger ledger,
            List<? extends PerResourceMetrics> perResource) {
        this.delegate = delegate;
        this.durations = durations;
        this.ledger = ledger;
        this.perResource = perResource;
    }

    @Override
    public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
        long start = System.nanoTime();
        try {
            return delegate.timeControllerExecution(execution);
        } finally {
            if (RECONCILE.equals(execution.name())) {
                series(execution.resourceID(), execution.metadata()).ifPresent(s -> {
                    durations.record(s, Duration.ofNanos(System.nanoTime() - start));
                    ledger.reconciled(s);
                });
            }
        }
    }

    @Override
    public void cleanupDone(ResourceID resourceID, Map<String, Object> metadata) {
        delegate.cleanupDone(resourceID, metadata);
        series(resourceID, metadata).ifPresent(s -> perResource.forEach(m -> m.forget(s)));
    }

    @Override
    public void controllerRegistered(Controller<? extends HasMetadata> controller) {
        delegate.controllerRegistered(controller);
    }

    @Override
    public void eventReceived(Event event, Map<String, Object> metadata) {
        delegate.eventReceived(event, metadata);
        series(event.getRelatedCustomResourceID(), metadata).ifPresent(ledger::eventReceived);
    }

    @Override
    public void reconciliationSubmitted(HasMetadata resource, RetryInfo retryInfo, Map<String, Object> metadata) {
        delegate.reconciliationSubmitted(resource, retryInfo, metadata);
        series(ResourceID.fromResource(resource), metadata).ifPresent(ledger::submitted);
    }

    @Override
    public void reconciliationStarted(HasMetadata resource, Map<String, Object> metadata) {
        delegate.reconciliationStarted(resource, metadata);
        series(ResourceID.fromResource(resource), metadata).ifPresent(s -> ledger.started(resource, s));
    }

    @Override
    public void reconciliationFailed(
            HasMetadata resource, RetryInfo retryInfo, Exception exception, Map<String, Object> metadata) {
        delegate.reconciliationFailed(resource, retryInfo, exception, metadata);
    }

    @Override
    public void reconciliationSucceeded(HasMetadata resource, Map<String, Object> metadata) {
        delegate.reconciliationSucceeded(resource, metadata);
    }

    @Override
    public void reconciliationFinished(HasMetadata resource, RetryInfo retryInfo, Map<String, Object> metadata) {
        delegate.reconciliationFinished(resource, retryInfo, metadata);
    }

    static Optional<ResourceSeries> series(ResourceID id, Map<String, Object> metadata) {
        if (id == null
                || metadata == null
                || !(metadata.get(Constants.RESOURCE_GVK_KEY) instanceof GroupVersionKind gvk)) {
            return Optional.empty();
        }
        return Optional.of(new ResourceSeries(
                ResourceSeries.prefixOf(gvk.getKind()), id.getNamespace().orElse(""), id.getName()));
    }
}

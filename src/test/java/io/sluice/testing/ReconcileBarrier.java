package io.sluice.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.metrics.ReconcileLedger;
import io.sluice.metrics.ResourceSeries;
import java.time.Duration;
import java.util.Objects;

/**
 * Barriers for tests that assert that something did not happen: they wait until the operator has had its
 * chance, never for a fixed time. Built on the {@link ReconcileLedger} of the running application.
 */
public final class ReconcileBarrier {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ReconcileLedger ledger;
    private final KubernetesClient client;

    public ReconcileBarrier(ReconcileLedger ledger, KubernetesClient client) {
        this.ledger = ledger;
        this.client = client;
    }

    /**
     * Waits until every event received so far for the resource has been reconciled, and the last reconcile saw
     * the resource's spec and metadata as they are on the server now ({@link ReconcileLedger#inputsOf}). For
     * controllers that reconcile metadata changes (not generation-aware ones, which skip label changes).
     */
    public void awaitCaughtUp(HasMetadata resource) {
        ResourceSeries series = ResourceSeries.of(resource);
        long received = ledger.of(series).received();
        await().atMost(WAIT).until(() -> {
            ReconcileLedger.Entry entry = ledger.of(series);
            HasMetadata current = client.resource(resource).get();
            return entry.handled() >= received
                    && current != null
                    && Objects.equals(entry.lastInputs(), ReconcileLedger.inputsOf(current));
        });
    }

    /**
     * Waits until the controller has processed the deletion of a resource it had reconciled (the SDK's clean-up
     * of a deleted resource drops its ledger entry).
     */
    public void awaitDeletionProcessed(HasMetadata resource) {
        ResourceSeries series = ResourceSeries.of(resource);
        await().atMost(WAIT).until(() -> ledger.of(series).reconciles() == 0);
    }

    /** Reconciles of the resource finished so far. */
    public long reconciles(HasMetadata resource) {
        return ledger.of(ResourceSeries.of(resource)).reconciles();
    }

    /** Waits until the resource has been reconciled {@code more} more times than {@code since}. */
    public void awaitReconciles(HasMetadata resource, long since, int more) {
        ResourceSeries series = ResourceSeries.of(resource);
        await().atMost(WAIT).until(() -> ledger.of(series).reconciles() >= since + more);
    }
}

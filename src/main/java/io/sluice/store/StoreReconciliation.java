package io.sluice.store;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.SecretStoreSpec;
import io.sluice.api.v1.SecretStoreStatus;
import io.sluice.config.SluiceConfig;
import io.sluice.kube.ApiErrors;
import io.sluice.kube.EventRecorder;
import io.sluice.kube.FailureBackoff;
import io.sluice.kube.PrimaryWrites;
import io.sluice.kube.RefreshInterval;
import io.sluice.kube.RefreshIntervalFloor;
import io.sluice.kube.UnhandledErrorStatus;
import io.sluice.metrics.StatusConditionMetrics;
import io.sluice.provider.StoreView;
import io.sluice.status.Conditions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The reconcile shared by SecretStore and ClusterSecretStore: watch the credentials Secrets, validate, report
 * (a Warning Event when the store becomes not Ready), revalidate later (or at once when the credentials change);
 * release the store's clients when it is deleted.
 */
@ApplicationScoped
public class StoreReconciliation {
    private static final Logger LOG = Logger.getLogger(StoreReconciliation.class);

    private final StoreValidator validator;
    private final StoreAccess access;
    private final StoreCredentialWatch credentials;
    private final StoreClientCache clients;
    private final StatusConditionMetrics conditionMetrics;
    private final EventRecorder events;
    private final FailureBackoff backoff;
    private final RefreshIntervalFloor intervalFloor;

    public StoreReconciliation(
            StoreValidator validator,
            StoreAccess access,
            StoreCredentialWatch credentials,
            StoreClientCache clients,
            StatusConditionMetrics conditionMetrics,
            EventRecorder events,
            SluiceConfig config,
            RefreshIntervalFloor intervalFloor) {
        this.validator = validator;
        this.access = access;
        this.credentials = credentials;
        this.clients = clients;
        this.conditionMetrics = conditionMetrics;
        this.events = events;
        this.intervalFloor = intervalFloor;
        this.backoff = new FailureBackoff(config.retryInitialBackoff(), config.retryMaxBackoff());
    }

    <S extends CustomResource<SecretStoreSpec, SecretStoreStatus>> UpdateControl<S> reconcile(
            S resource, StoreView view, Context<S> context) {
        if (!access.isManagedByThisController(view)) {
            return UpdateControl.noUpdate();
        }
        watchCredentials(view);
        SecretStoreStatus next = validator.validate(view);
        Duration period = period(resource, view);
        conditionMetrics.report(resource, next.conditions);
        backoff.succeeded(ResourceID.fromResource(resource));
        if (next.equals(resource.getStatus())) {
            return UpdateControl.<S>noUpdate().rescheduleAfter(period);
        }
        Condition ready = Conditions.find(next.conditions, Conditions.READY);
        LOG.infof("%s: %s", view.displayName(), ready.reason);
        if (!Conditions.TRUE.equals(ready.status)) {
            events.warning(resource, ready.reason, ready.message);
        }
        if (!PrimaryWrites.patchStatus(resource, next, context)) {
            return PrimaryWrites.afterConflict();
        }
        return UpdateControl.<S>noUpdate().rescheduleAfter(period);
    }

    /** When to validate the store again; an invalid interval makes the status say so ({@link StoreValidator}). */
    private Duration period(CustomResource<SecretStoreSpec, SecretStoreStatus> resource, StoreView view) {
        try {
            return intervalFloor.apply(resource, "spec.refreshInterval", validator.configuredPeriod(view));
        } catch (RefreshInterval.Invalid e) {
            return RefreshInterval.RETRY_WHEN_INVALID;
        }
    }

    /** The status of a reconcile that threw: Ready=False, an Event, and another attempt after a backoff. */
    <S extends CustomResource<SecretStoreSpec, SecretStoreStatus>> ErrorStatusUpdateControl<S> failed(
            S resource, Context<S> context, Exception error) {
        return new UnhandledErrorStatus<SecretStoreStatus, S>(
                        events,
                        backoff,
                        null,
                        (store, reason, message) -> validator.failed(store.getStatus(), reason, message),
                        (store, status) -> conditionMetrics.report(store, status.conditions))
                .handle(resource, context, error);
    }

    /**
     * A credentials Secret that cannot be watched (no RBAC for it, say) fails the reconcile with a message naming
     * the store: rotated keys would otherwise go unnoticed until the next revalidation, without a trace.
     */
    private void watchCredentials(StoreView view) {
        try {
            credentials.track(view, access.credentialSecrets(view));
        } catch (KubernetesClientException e) {
            throw new CredentialWatchFailedException(
                    view.displayName() + ": could not watch its credentials Secrets: " + ApiErrors.describe(e), e);
        }
    }

    /** Closes the clients of a deleted store of {@code kind} and stops informing about its credentials. */
    <P extends HasMetadata> StoreDeletionEventSource<P> deletions(String kind) {
        return new StoreDeletionEventSource<>((namespace, name) -> {
            clients.evict(kind, namespace, name);
            credentials.untrack(kind, namespace, name);
        });
    }

    /**
     * Reconciles a store of {@code kind} at once when a Secret it names for its credentials changes (not one it
     * resolves in a consumer's namespace: that does not change what the store itself validates).
     */
    <P extends HasMetadata> CredentialChangeEventSource<P> credentialChanges(String kind, boolean namespaced) {
        return new CredentialChangeEventSource<>(
                credentials,
                (store, consumerNamespace) -> !kind.equals(store.kind()) || consumerNamespace != null
                        ? Set.of()
                        : Set.of(
                                namespaced
                                        ? new ResourceID(store.name(), store.namespace())
                                        : new ResourceID(store.name())));
    }
}

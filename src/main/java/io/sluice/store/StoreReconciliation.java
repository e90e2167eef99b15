package io.sluice.store;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.sluice.api.v1.SecretStoreSpec;
import io.sluice.api.v1.SecretStoreStatus;
import io.sluice.kube.PrimaryWrites;
import io.sluice.metrics.StatusConditionMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The reconcile shared by SecretStore and ClusterSecretStore: watch the credentials Secrets, validate, report,
 * revalidate later (or at once when the credentials change); release the store's clients when it is deleted.
 */
@ApplicationScoped
public class StoreReconciliation {
    private static final Logger LOG = Logger.getLogger(StoreReconciliation.class);

    private final StoreValidator validator;
    private final StoreAccess access;
    private final StoreCredentialWatch credentials;
    private final StoreClientCache clients;
    private final StatusConditionMetrics conditionMetrics;

    public StoreReconciliation(StoreValidator validator, StoreAccess access, StoreCredentialWatch credentials,
            StoreClientCache clients, StatusConditionMetrics conditionMetrics) {
        this.validator = validator;
        this.access = access;
        this.credentials = credentials;
        this.clients = clients;
        this.conditionMetrics = conditionMetrics;
    }

    <S extends CustomResource<SecretStoreSpec, SecretStoreStatus>> UpdateControl<S> reconcile(S resource, StoreView view,
            Context<S> context) {
        if (!access.isManagedByThisController(view)) {
            return UpdateControl.noUpdate();
        }
        credentials.track(view, access.credentialSecrets(view));
        SecretStoreStatus next = validator.validate(view);
        var period = validator.revalidationPeriod(view);
        conditionMetrics.report(resource, next.conditions);
        if (StoreValidator.sameStatus(resource.getStatus(), next)) {
            return UpdateControl.<S> noUpdate().rescheduleAfter(period);
        }
        LOG.infof("%s: %s", view.displayName(), next.conditions.get(0).reason);
        if (!PrimaryWrites.patchStatus(resource, next, context)) {
            return PrimaryWrites.afterConflict();
        }
        return UpdateControl.<S> noUpdate().rescheduleAfter(period);
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
        return new CredentialChangeEventSource<>(credentials, (store, consumerNamespace) ->
                !kind.equals(store.kind()) || consumerNamespace != null ? Set.of()
                        : Set.of(namespaced ? new ResourceID(store.name(), store.namespace())
                                : new ResourceID(store.name())));
    }
}

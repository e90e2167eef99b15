package io.sluice.store;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.List;
import java.util.Set;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.sluice.api.v1.ClusterSecretStore;

@ControllerConfiguration(name = "clustersecretstore")
public class ClusterSecretStoreReconciler implements Reconciler<ClusterSecretStore> {
    private final StoreValidator validator;
    private final StoreAccess access;
    private final StoreCredentialWatch credentials;

    public ClusterSecretStoreReconciler(StoreValidator validator, StoreAccess access, StoreCredentialWatch credentials) {
        this.validator = validator;
        this.access = access;
        this.credentials = credentials;
    }

    /** Revalidates the store at once when the Secret holding its credentials changes. */
    @Override
    public List<EventSource<?, ClusterSecretStore>> prepareEventSources(EventSourceContext<ClusterSecretStore> context) {
        return List.of(new CredentialChangeEventSource<ClusterSecretStore>(credentials,
                store -> "ClusterSecretStore".equals(store.kind()) ? Set.of(new ResourceID(store.name())) : Set.of()));
    }

    @Override
    public UpdateControl<ClusterSecretStore> reconcile(ClusterSecretStore resource, Context<ClusterSecretStore> context) {
        return StoreReconciliation.reconcile(resource, StoreView.of(resource), validator, access, credentials);
    }
}

package io.sluice.store;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.sluice.api.v1.ClusterSecretStore;

@ControllerConfiguration(name = "clustersecretstore")
public class ClusterSecretStoreReconciler implements Reconciler<ClusterSecretStore> {
    private final StoreValidator validator;
    private final StoreAccess access;

    public ClusterSecretStoreReconciler(StoreValidator validator, StoreAccess access) {
        this.validator = validator;
        this.access = access;
    }

    @Override
    public UpdateControl<ClusterSecretStore> reconcile(ClusterSecretStore resource, Context<ClusterSecretStore> context) {
        return StoreReconciliation.reconcile(resource, StoreView.of(resource), validator, access);
    }
}

package io.sluice.store;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.sluice.api.v1.ClusterSecretStore;
import io.sluice.metrics.StatusConditionMetrics;

@ControllerConfiguration(name = "clustersecretstore")
public class ClusterSecretStoreReconciler implements Reconciler<ClusterSecretStore> {
    private final StoreValidator validator;
    private final StoreAccess access;
    private final StatusConditionMetrics conditionMetrics;

    public ClusterSecretStoreReconciler(StoreValidator validator, StoreAccess access,
            StatusConditionMetrics conditionMetrics) {
        this.validator = validator;
        this.access = access;
        this.conditionMetrics = conditionMetrics;
    }

    @Override
    public UpdateControl<ClusterSecretStore> reconcile(ClusterSecretStore resource, Context<ClusterSecretStore> context) {
        return StoreReconciliation.reconcile(resource, StoreView.of(resource), validator, access, conditionMetrics);
    }
}

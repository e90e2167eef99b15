package io.sluice.store;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.sluice.api.v1.SecretStore;
import io.sluice.metrics.StatusConditionMetrics;

@ControllerConfiguration(name = "secretstore")
public class SecretStoreReconciler implements Reconciler<SecretStore> {
    private final StoreValidator validator;
    private final StoreAccess access;
    private final StatusConditionMetrics conditionMetrics;

    public SecretStoreReconciler(StoreValidator validator, StoreAccess access,
            StatusConditionMetrics conditionMetrics) {
        this.validator = validator;
        this.access = access;
        this.conditionMetrics = conditionMetrics;
    }

    @Override
    public UpdateControl<SecretStore> reconcile(SecretStore resource, Context<SecretStore> context) {
        return StoreReconciliation.reconcile(resource, StoreView.of(resource), validator, access, conditionMetrics);
    }
}

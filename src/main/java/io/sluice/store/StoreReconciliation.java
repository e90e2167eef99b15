package io.sluice.store;

import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.sluice.api.v1.SecretStoreSpec;
import io.sluice.api.v1.SecretStoreStatus;
import io.sluice.metrics.StatusConditionMetrics;
import org.jboss.logging.Logger;

/** The reconcile shared by SecretStore and ClusterSecretStore: validate, report, revalidate later. */
final class StoreReconciliation {
    private static final Logger LOG = Logger.getLogger(StoreReconciliation.class);

    private StoreReconciliation() {
    }

    static <S extends CustomResource<SecretStoreSpec, SecretStoreStatus>> UpdateControl<S> reconcile(S resource,
            StoreView view, StoreValidator validator, StoreAccess access, StatusConditionMetrics conditionMetrics) {
        if (!access.isManagedByThisController(view)) {
            return UpdateControl.noUpdate();
        }
        SecretStoreStatus next = validator.validate(view);
        var period = validator.revalidationPeriod(view);
        conditionMetrics.report(resource, next.conditions);
        if (StoreValidator.sameStatus(resource.getStatus(), next)) {
            return UpdateControl.<S> noUpdate().rescheduleAfter(period);
        }
        LOG.infof("%s: %s", view.displayName(), next.conditions.get(0).reason);
        resource.setStatus(next);
        return UpdateControl.patchStatus(resource).rescheduleAfter(period);
    }
}

package io.sluice.store;

import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.sluice.api.v1.ClusterSecretStore;
import io.sluice.kube.PrunedItemStore;
import io.sluice.provider.StoreView;
import java.util.List;

@ControllerConfiguration(name = "clustersecretstore", informer = @Informer(itemStore = PrunedItemStore.class))
public class ClusterSecretStoreReconciler implements Reconciler<ClusterSecretStore> {
    private final StoreReconciliation reconciliation;

    public ClusterSecretStoreReconciler(StoreReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public List<EventSource<?, ClusterSecretStore>> prepareEventSources(
            EventSourceContext<ClusterSecretStore> context) {
        return List.of(
                reconciliation.credentialChanges("ClusterSecretStore", false),
                reconciliation.deletions("ClusterSecretStore"));
    }

    @Override
    public UpdateControl<ClusterSecretStore> reconcile(
            ClusterSecretStore resource, Context<ClusterSecretStore> context) {
        return reconciliation.reconcile(resource, StoreView.of(resource), context);
    }

    @Override
    public ErrorStatusUpdateControl<ClusterSecretStore> updateErrorStatus(
            ClusterSecretStore resource, Context<ClusterSecretStore> context, Exception e) {
        return reconciliation.failed(resource, context, e);
    }
}

package io.sluice.store;

import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.sluice.api.v1.SecretStore;
import io.sluice.kube.PrunedItemStore;
import io.sluice.provider.StoreView;
import java.util.List;

@ControllerConfiguration(name = "secretstore", informer = @Informer(itemStore = PrunedItemStore.class))
public class SecretStoreReconciler implements Reconciler<SecretStore> {
    private final StoreReconciliation reconciliation;

    public SecretStoreReconciler(StoreReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public List<EventSource<?, SecretStore>> prepareEventSources(EventSourceContext<SecretStore> context) {
        return List.of(reconciliation.credentialChanges("SecretStore", true), reconciliation.deletions("SecretStore"));
    }

    @Override
    public UpdateControl<SecretStore> reconcile(SecretStore resource, Context<SecretStore> context) {
        return reconciliation.reconcile(resource, StoreView.of(resource), context);
    }

    @Override
    public ErrorStatusUpdateControl<SecretStore> updateErrorStatus(
            SecretStore resource, Context<SecretStore> context, Exception e) {
        return reconciliation.failed(resource, context, e);
    }
}

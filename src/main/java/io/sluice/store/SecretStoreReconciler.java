package io.sluice.store;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.quarkiverse.operatorsdk.annotations.RBACRule;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.sluice.api.v1.SecretStore;

@ControllerConfiguration(name = "secretstore")
// credentials of stores: keys in Secrets, ServiceAccount tokens for web identity
@RBACRule(apiGroups = "", resources = "serviceaccounts", verbs = { "get", "list", "watch" })
@RBACRule(apiGroups = "", resources = "serviceaccounts/token", verbs = "create")
// leader election
@RBACRule(apiGroups = "coordination.k8s.io", resources = "leases", verbs = { "get", "create", "update" })
public class SecretStoreReconciler implements Reconciler<SecretStore> {
    private final StoreValidator validator;
    private final StoreAccess access;

    public SecretStoreReconciler(StoreValidator validator, StoreAccess access) {
        this.validator = validator;
        this.access = access;
    }

    @Override
    public UpdateControl<SecretStore> reconcile(SecretStore resource, Context<SecretStore> context) {
        return StoreReconciliation.reconcile(resource, StoreView.of(resource), validator, access);
    }
}

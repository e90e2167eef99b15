package io.sluice.store;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.List;
import java.util.Set;
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
    private final StoreCredentialWatch credentials;

    public SecretStoreReconciler(StoreValidator validator, StoreAccess access, StoreCredentialWatch credentials) {
        this.validator = validator;
        this.access = access;
        this.credentials = credentials;
    }

    /** Revalidates the store at once when the Secret holding its credentials changes. */
    @Override
    public List<EventSource<?, SecretStore>> prepareEventSources(EventSourceContext<SecretStore> context) {
        return List.of(new CredentialChangeEventSource<SecretStore>(credentials,
                store -> "SecretStore".equals(store.kind()) ? Set.of(new ResourceID(store.name(), store.namespace())) : Set.of()));
    }

    @Override
    public UpdateControl<SecretStore> reconcile(SecretStore resource, Context<SecretStore> context) {
        return StoreReconciliation.reconcile(resource, StoreView.of(resource), validator, access, credentials);
    }
}

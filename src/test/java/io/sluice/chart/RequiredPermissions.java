package io.sluice.chart;

import java.util.List;

/**
 * The reviewed table of every Kubernetes permission Sluice's ServiceAccount needs: one row per (API group,
 * resource, verb), with where it is needed and the classes whose calls need it. {@link ChartRbacTest} fails when
 * the rendered chart grants less or more; {@link KubernetesCallSitesTest} fails when the sources make a call that
 * no row names (or a row names a class that makes no such call). Change the RBAC in
 * src/main/kubernetes/kubernetes.yml together with this table.
 *
 * <p>
 * Call sites are simple class names of src/main/java. Calls made by the SDK on a controller's behalf are named
 * after the class that asks for them: the reconciler (primary informer, status patch, its finalizer), the class
 * that declares an informer, sets an ownerReference or configures leader election.
 */
final class RequiredPermissions {

    /** Where a permission is needed. */
    enum Scope {
        /** Cluster-wide in both install modes (cluster-scoped resources, and what ClusterExternalSecrets do). */
        CLUSTER,
        /** In the namespaces Sluice watches: cluster-wide by default, each of {@code scopedNamespaces} otherwise. */
        WATCHED,
        /** In the release namespace only. */
        RELEASE
    }

    record Permission(String group, String resource, String verb, Scope scope, List<String> callSites) {
        String key() {
            return (group.isEmpty() ? "core" : group) + "/" + resource + ":" + verb;
        }
    }

    private static final String ESO = "external-secrets.io";
    private static final String CORE = "";
    private static final String GENERATORS = "generators.external-secrets.io";

    static final List<Permission> ALL = List.of(
            // ExternalSecrets: the ExternalSecret controller's primary (watched namespaces), and what
            // ClusterExternalSecrets provision in every namespace they select, hence cluster-wide in both modes.
            // get: CleanupFinalizer re-reads before releasing;
            // the ClusterExternalSecret controller reads one its cache does not hold.
            row(ESO, "externalsecrets", "get", Scope.CLUSTER, "CleanupFinalizer", "ClusterExternalSecretReconciler"),
            // the primary informer; the ClusterExternalSecret controller's label-filtered informer
            row(
                    ESO,
                    "externalsecrets",
                    "list",
                    Scope.CLUSTER,
                    "ExternalSecretReconciler",
                    "ClusterExternalSecretEventSources"),
            row(
                    ESO,
                    "externalsecrets",
                    "watch",
                    Scope.CLUSTER,
                    "ExternalSecretReconciler",
                    "ClusterExternalSecretEventSources"),
            row(ESO, "externalsecrets", "create", Scope.CLUSTER, "ClusterExternalSecretReconciler"),
            // the cleanup finalizer (PrimaryWrites.patch and edit); a provisioned ExternalSecret's difference (edit)
            row(ESO, "externalsecrets", "patch", Scope.CLUSTER, "CleanupFinalizer", "ClusterExternalSecretReconciler"),
            row(ESO, "externalsecrets", "delete", Scope.CLUSTER, "ClusterExternalSecretReconciler"),
            // UpdateControl.patchStatus (non-SSA: a JSON patch of the status subresource)
            row(ESO, "externalsecrets/status", "patch", Scope.WATCHED, "ExternalSecretReconciler"),
            // the target Secret's controller ownerReference sets blockOwnerDeletion, which the
            // OwnerReferencesPermissionEnforcement admission plugin allows only with update on the owner's finalizers
            row(ESO, "externalsecrets/finalizers", "update", Scope.WATCHED, "SecretPlanner"),

            // SecretStores: get/list by name or label for PushSecrets; list/watch by the primary informer and the
            // ExternalSecret controller's informer
            row(ESO, "secretstores", "get", Scope.WATCHED, "PushStores"),
            row(
                    ESO,
                    "secretstores",
                    "list",
                    Scope.WATCHED,
                    "SecretStoreReconciler",
                    "ExternalSecretEventSources",
                    "PushStores"),
            row(ESO, "secretstores", "watch", Scope.WATCHED, "SecretStoreReconciler", "ExternalSecretEventSources"),
            row(ESO, "secretstores/status", "patch", Scope.WATCHED, "SecretStoreReconciler"),

            // ClusterSecretStores: the same, cluster-scoped
            row(ESO, "clustersecretstores", "get", Scope.CLUSTER, "PushStores"),
            row(
                    ESO,
                    "clustersecretstores",
                    "list",
                    Scope.CLUSTER,
                    "ClusterSecretStoreReconciler",
                    "ExternalSecretEventSources",
                    "PushStores"),
            row(
                    ESO,
                    "clustersecretstores",
                    "watch",
                    Scope.CLUSTER,
                    "ClusterSecretStoreReconciler",
                    "ExternalSecretEventSources"),
            row(ESO, "clustersecretstores/status", "patch", Scope.CLUSTER, "ClusterSecretStoreReconciler"),

            // PushSecrets: the primary informer, the SDK's finalizer (patch, get after a conflict), status
            row(ESO, "pushsecrets", "get", Scope.WATCHED, "PushSecretReconciler"),
            row(ESO, "pushsecrets", "list", Scope.WATCHED, "PushSecretReconciler"),
            row(ESO, "pushsecrets", "watch", Scope.WATCHED, "PushSecretReconciler"),
            row(ESO, "pushsecrets", "patch", Scope.WATCHED, "PushSecretReconciler"),
            row(ESO, "pushsecrets/status", "patch", Scope.WATCHED, "PushSecretReconciler"),

            // ClusterExternalSecrets: the primary informer and status (no finalizer)
            row(ESO, "clusterexternalsecrets", "list", Scope.CLUSTER, "ClusterExternalSecretReconciler"),
            row(ESO, "clusterexternalsecrets", "watch", Scope.CLUSTER, "ClusterExternalSecretReconciler"),
            row(ESO, "clusterexternalsecrets/status", "patch", Scope.CLUSTER, "ClusterExternalSecretReconciler"),

            // Secrets, in watched namespaces only (so a ClusterSecretStore's credentials must live in one of them
            // in a namespaced install): target Secrets not in the managed cache, template sources, store
            // credentials (read, then watched by name), a target Secret read again after a 409 Conflict
            row(
                    CORE,
                    "secrets",
                    "get",
                    Scope.WATCHED,
                    "ExternalSecretEventSources",
                    "CleanupFinalizer",
                    "TargetSecretWriter",
                    "ClusterTemplateSources",
                    "CredentialsSourceResolver",
                    "CredentialSecretInformer"),
            // the managed-Secrets informer; the informers on PushSecret sources (by name or label selector) and on
            // store credentials (by name)
            row(
                    CORE,
                    "secrets",
                    "list",
                    Scope.WATCHED,
                    "ExternalSecretEventSources",
                    "PushSourceWatch",
                    "CredentialSecretInformer"),
            row(
                    CORE,
                    "secrets",
                    "watch",
                    Scope.WATCHED,
                    "ExternalSecretEventSources",
                    "CredentialSecretInformer",
                    "PushSourceWatch"),
            row(CORE, "secrets", "create", Scope.WATCHED, "TargetSecretWriter", "SecretCreateDryRun"),
            row(CORE, "secrets", "update", Scope.WATCHED, "TargetSecretWriter"),
            row(CORE, "secrets", "delete", Scope.WATCHED, "TargetSecretWriter"),
            // templateFrom configMap sources
            row(CORE, "configmaps", "get", Scope.WATCHED, "ClusterTemplateSources"),
            // web identity: the ServiceAccount (its annotations), then a token for it
            row(CORE, "serviceaccounts", "get", Scope.WATCHED, "ServiceAccountTokens"),
            row(CORE, "serviceaccounts/token", "create", Scope.WATCHED, "ServiceAccountTokens"),

            // Generators (dataFrom[].sourceRef.generatorRef), read at each sync: namespaced kinds where the
            // ExternalSecret lives, ClusterGenerators cluster-wide
            row(GENERATORS, "ecrauthorizationtokens", "get", Scope.WATCHED, "GeneratorLookup"),
            row(GENERATORS, "stssessiontokens", "get", Scope.WATCHED, "GeneratorLookup"),
            row(GENERATORS, "passwords", "get", Scope.WATCHED, "GeneratorLookup"),
            row(GENERATORS, "clustergenerators", "get", Scope.CLUSTER, "GeneratorLookup"),

            // Namespaces: labels for ClusterSecretStore conditions; the ClusterExternalSecret controller's informer
            row(CORE, "namespaces", "get", Scope.CLUSTER, "StoreAccess"),
            row(CORE, "namespaces", "list", Scope.CLUSTER, "ClusterExternalSecretEventSources"),
            row(CORE, "namespaces", "watch", Scope.CLUSTER, "ClusterExternalSecretEventSources"),

            // Events (core/v1): about namespaced objects in their namespace, about cluster-scoped ones (a
            // ClusterExternalSecret, whose controller is cluster-wide in both modes) in "default"
            row(CORE, "events", "create", Scope.CLUSTER, "EventRecorder"),

            // Leader election: fabric8's LeaseLock gets, creates and patches the Lease; the SDK checks get, create
            // and update (SelfSubjectRulesReview) before it starts, and refuses to start without them
            row("coordination.k8s.io", "leases", "get", Scope.RELEASE, "LeaderElectionSettings", "LeaseRelease"),
            row("coordination.k8s.io", "leases", "create", Scope.RELEASE, "LeaderElectionSettings"),
            row("coordination.k8s.io", "leases", "update", Scope.RELEASE, "LeaderElectionSettings", "LeaseRelease"),
            row("coordination.k8s.io", "leases", "patch", Scope.RELEASE, "LeaderElectionSettings"));

    private RequiredPermissions() {}

    private static Permission row(String group, String resource, String verb, Scope scope, String... callSites) {
        return new Permission(group, resource, verb, scope, List.of(callSites));
    }
}

package io.sluice.kube;

import java.util.Set;

/** Labels, annotations and finalizers with ESO's names, so tooling built for ESO keeps working. */
public final class WellKnown {
    public static final String MANAGED_LABEL = "reconcile.external-secrets.io/managed";
    public static final String CREATED_BY_LABEL = "reconcile.external-secrets.io/created-by";
    public static final String DATA_HASH_ANNOTATION = "reconcile.external-secrets.io/data-hash";
    public static final String FORCE_SYNC_ANNOTATION = "external-secrets.io/force-sync";
    /**
     * Sluice's own: the keys an ExternalSecret with creationPolicy Merge or CreateOrMerge wrote last time, so
     * keys that disappear from the provider are removed while foreign keys stay (ESO tracks this through
     * server-side apply field ownership).
     */
    public static final String SYNCED_KEYS_ANNOTATION = "reconcile.sluice.io/synced-keys";
    /** Sluice's own: ties an ExternalSecret to the ClusterExternalSecret that provisioned it. */
    public static final String CLUSTER_EXTERNAL_SECRET_LABEL = "sluice.io/cluster-external-secret";

    public static final String ES_CLEANUP_FINALIZER = "externalsecrets.external-secrets.io/externalsecret-cleanup";

    /** Annotations of GitOps and client tools that must not travel from an ExternalSecret to its Secret. */
    public static final Set<String> NOT_COPIED_ANNOTATIONS = Set.of(
            "kubectl.kubernetes.io/last-applied-configuration",
            "argocd.argoproj.io/tracking-id",
            "argocd.argoproj.io/sync-wave",
            "argocd.argoproj.io/sync-options",
            "argocd.argoproj.io/compare-options",
            "kapp.k14s.io/identity",
            "kapp.k14s.io/original",
            "kapp.k14s.io/original-diff-md5",
            FORCE_SYNC_ANNOTATION);

    /**
     * Labels of GitOps tools that would make the Secret look like part of the Git-managed set, and Sluice's
     * ClusterExternalSecret tie (adopting an ExternalSecret that ESO's ClusterExternalSecret made adds it, which
     * must not rewrite the Secret below).
     */
    public static final Set<String> NOT_COPIED_LABELS = Set.of(
            CLUSTER_EXTERNAL_SECRET_LABEL,
            "app.kubernetes.io/instance",
            "argocd.argoproj.io/instance",
            "kustomize.toolkit.fluxcd.io/name",
            "kustomize.toolkit.fluxcd.io/namespace",
            "kapp.k14s.io/app",
            "kapp.k14s.io/association");

    private WellKnown() {}
}

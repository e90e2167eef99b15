package io.sluice.externalsecret;

import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretSpec;
import io.sluice.api.v1.ExternalSecretTarget;
import io.sluice.api.v1.SecretStoreRef;
import io.sluice.kube.Hashes;
import io.sluice.kube.RefreshInterval;
import java.time.Duration;

/**
 * An ExternalSecret's spec with ESO's defaults applied in memory. Defaults are never written back into the
 * object, so what GitOps tools applied stays exactly as it was.
 */
public record EffectiveSpec(ExternalSecret resource, Duration defaultRefreshInterval) {

    public ExternalSecretSpec spec() {
        return resource.getSpec();
    }

    public String targetName() {
        ExternalSecretTarget target = spec().target;
        return target != null && target.name != null && !target.name.isEmpty()
                ? target.name
                : resource.getMetadata().getName();
    }

    public ExternalSecretTarget.CreationPolicy creationPolicy() {
        ExternalSecretTarget target = spec().target;
        return target == null || target.creationPolicy == null
                ? ExternalSecretTarget.CreationPolicy.Owner
                : target.creationPolicy;
    }

    public ExternalSecretTarget.DeletionPolicy deletionPolicy() {
        ExternalSecretTarget target = spec().target;
        return target == null || target.deletionPolicy == null
                ? ExternalSecretTarget.DeletionPolicy.Retain
                : target.deletionPolicy;
    }

    public boolean immutable() {
        return spec().target != null && Boolean.TRUE.equals(spec().target.immutable);
    }

    public ExternalSecretSpec.RefreshPolicy refreshPolicy() {
        return spec().refreshPolicy == null ? ExternalSecretSpec.RefreshPolicy.Periodic : spec().refreshPolicy;
    }

    /** @throws RefreshInterval.Invalid when {@code spec.refreshInterval} is not a duration */
    public Duration refreshInterval() {
        return RefreshInterval.parse("spec.refreshInterval", spec().refreshInterval, defaultRefreshInterval);
    }

    /** The store an entry uses: its own {@code sourceRef.storeRef}, else {@code spec.secretStoreRef}. */
    public SecretStoreRef storeRef(SecretStoreRef entryRef) {
        SecretStoreRef ref = entryRef != null && entryRef.name != null ? entryRef : spec().secretStoreRef;
        if (ref == null || ref.name == null || ref.name.isEmpty()) {
            return null;
        }
        return new SecretStoreRef(
                ref.name, ref.isClusterStore() ? SecretStoreRef.CLUSTER_SECRET_STORE : SecretStoreRef.SECRET_STORE);
    }

    /**
     * ESO's {@code syncedResourceVersion}: the generation plus a hash of labels and annotations, so that a
     * label or annotation change (such as {@code force-sync}) counts as a change. It is ESO's exact value, so
     * an ExternalSecret ESO synced is not taken for a changed one when Sluice takes over (and vice versa).
     */
    public String resourceVersionMarker() {
        var meta = resource.getMetadata();
        return meta.getGeneration() + "-" + Hashes.ofMetadata(meta.getLabels(), meta.getAnnotations());
    }
}

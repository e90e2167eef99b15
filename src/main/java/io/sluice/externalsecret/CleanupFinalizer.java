package io.sluice.externalsecret;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretTarget.DeletionPolicy;
import io.sluice.kube.PrimaryWrites;
import io.sluice.kube.WellKnown;
import java.time.Duration;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * ESO's cleanup finalizer. Only an ExternalSecret with deletionPolicy Delete carries it (JOSDK's Cleaner would
 * put a finalizer on every ExternalSecret, so a stopped operator would block every deletion): when such an
 * ExternalSecret is deleted, its target Secret is deleted too, but only if this ExternalSecret controls it.
 */
final class CleanupFinalizer {
    private static final Logger LOG = Logger.getLogger(CleanupFinalizer.class);

    private final KubernetesClient client;
    private final TargetSecretWriter writer;

    CleanupFinalizer(KubernetesClient client, TargetSecretWriter writer) {
        this.client = client;
        this.writer = writer;
    }

    /**
     * Adds the finalizer for deletionPolicy Delete and removes it when the policy changed to another one.
     *
     * @return false when the ExternalSecret changed since it was read (see {@link PrimaryWrites}): nothing written
     */
    boolean reconcile(EffectiveSpec es, Context<ExternalSecret> context) {
        boolean wanted = es.deletionPolicy() == DeletionPolicy.Delete;
        boolean present = es.resource().hasFinalizer(WellKnown.ES_CLEANUP_FINALIZER);
        if (wanted && !present) {
            return PrimaryWrites.patch(es.resource(), context, r -> {
                r.addFinalizer(WellKnown.ES_CLEANUP_FINALIZER);
                return r;
            });
        }
        if (!wanted && present) {
            return PrimaryWrites.patch(es.resource(), context, r -> {
                r.removeFinalizer(WellKnown.ES_CLEANUP_FINALIZER);
                return r;
            });
        }
        return true;
    }

    /**
     * The ExternalSecret is being deleted: delete its Secret if deletionPolicy is Delete and this ExternalSecret
     * controls it (never another's, never an unowned one), then remove the finalizer. Reads the current state
     * first, so a repeated call after success does nothing.
     *
     * @return true when nothing is left to do
     */
    boolean release(ExternalSecret deleted) {
        var meta = deleted.getMetadata();
        var resource = client.resources(ExternalSecret.class)
                .inNamespace(meta.getNamespace())
                .withName(meta.getName());
        ExternalSecret current = resource.get();
        if (current == null
                || !Objects.equals(current.getMetadata().getUid(), meta.getUid())
                || !current.hasFinalizer(WellKnown.ES_CLEANUP_FINALIZER)) {
            return true;
        }
        EffectiveSpec es = new EffectiveSpec(current, Duration.ZERO);
        if (es.deletionPolicy() == DeletionPolicy.Delete) {
            Secret target = client.secrets()
                    .inNamespace(meta.getNamespace())
                    .withName(es.targetName())
                    .get();
            if (target != null && SecretPlanner.isControlledBy(target, current)) {
                writer.delete(target);
                LOG.infof(
                        "%s/%s: deleted secret %s due to DeletionPolicy=Delete",
                        meta.getNamespace(), meta.getName(), es.targetName());
            }
        }
        resource.edit(es2 -> {
            es2.removeFinalizer(WellKnown.ES_CLEANUP_FINALIZER);
            return es2;
        });
        return true;
    }
}

package io.sluice.externalsecret;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretTarget.DeletionPolicy;
import io.sluice.kube.WellKnown;

/**
 * ESO's cleanup finalizer. Only an ExternalSecret with deletionPolicy Delete carries it (JOSDK's Cleaner would
 * put a finalizer on every ExternalSecret, so a stuck operator would block every deletion): when such an
 * ExternalSecret is deleted, its target Secret is deleted too, but only if this ExternalSecret controls it.
 */
final class CleanupFinalizer {
    private final TargetSecretWriter writer;

    CleanupFinalizer(TargetSecretWriter writer) {
        this.writer = writer;
    }

    /** Adds the finalizer for deletionPolicy Delete and removes it when the policy changed to another one. */
    void reconcile(EffectiveSpec es, Context<ExternalSecret> context) {
        boolean wanted = es.deletionPolicy() == DeletionPolicy.Delete;
        boolean present = es.resource().hasFinalizer(WellKnown.ES_CLEANUP_FINALIZER);
        if (wanted && !present) {
            context.resourceOperations().addFinalizer(WellKnown.ES_CLEANUP_FINALIZER);
        } else if (!wanted && present) {
            context.resourceOperations().removeFinalizer(WellKnown.ES_CLEANUP_FINALIZER);
        }
    }

    /**
     * The ExternalSecret is being deleted. Returns whether its Secret was deleted. Secrets of other
     * ExternalSecrets, or not controlled by any, are never deleted.
     */
    boolean release(EffectiveSpec es, Secret target, Context<ExternalSecret> context) {
        if (!es.resource().hasFinalizer(WellKnown.ES_CLEANUP_FINALIZER)) {
            return false;
        }
        boolean delete = es.deletionPolicy() == DeletionPolicy.Delete && target != null
                && SecretPlanner.isControlledBy(target, es.resource());
        if (delete) {
            writer.delete(target);
        }
        context.resourceOperations().removeFinalizer(WellKnown.ES_CLEANUP_FINALIZER);
        return delete;
    }
}

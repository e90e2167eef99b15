package io.sluice.externalsecret;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.kube.GuardedDelete;
import io.sluice.kube.SecretCreateDryRun;
import org.jboss.logging.Logger;

/**
 * Carries out a {@link SecretPlan} against the cluster; every decision was taken by {@link SecretPlanner}.
 * Deletes go only to the Secret that was read (a uid precondition), never to whatever now has its name.
 */
final class TargetSecretWriter {
    private static final Logger LOG = Logger.getLogger(TargetSecretWriter.class);

    private final KubernetesClient client;
    private final SecretCreateDryRun dryRun;

    TargetSecretWriter(KubernetesClient client, SecretCreateDryRun dryRun) {
        this.client = client;
        this.dryRun = dryRun;
    }

    /**
     * @throws SecretChanged when the Secret changed (or appeared) since it was read: nothing was written, and the
     *         plan is to be made again on the Secret as it is now
     */
    void apply(SecretPlan plan) {
        switch (plan.action()) {
            case CREATE -> create(plan.secret());
            case UPDATE -> update(plan.secret());
            case REPLACE -> replace(plan.replaced(), plan.secret());
            case DELETE -> delete(plan.secret());
            default -> {
                // nothing to write
            }
        }
    }

    /** The Secret as the API server has it now (not the informer's copy, which may lag behind a conflict). */
    Secret current(String namespace, String name) {
        return client.secrets().inNamespace(namespace).withName(name).get();
    }

    /** The target Secret changed between the read and the write (409 Conflict): plan again on what is there now. */
    static final class SecretChanged extends RuntimeException {
        SecretChanged(String name) {
            super("secret " + name + " changed since it was read", null, false, false);
        }
    }

    private void update(Secret secret) {
        try {
            client.secrets()
                    .inNamespace(secret.getMetadata().getNamespace())
                    .resource(secret)
                    .update();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                throw new SecretChanged(secret.getMetadata().getName());
            }
            throw e;
        }
    }

    /** Deletes the Secret that was read; one that is already gone counts as deleted. */
    void delete(Secret secret) {
        GuardedDelete.delete(client, secret, false);
    }

    /**
     * Delete, then create, as safely as two requests allow: the API server first confirms it would create the
     * new Secret (a dry run), the delete goes through only if the old one is unchanged, and if the create fails
     * anyway the old Secret is created again (same name, type and data; a new uid).
     */
    private void replace(Secret old, Secret next) {
        String name = next.getMetadata().getName();
        var refusal = dryRun.refusal(next);
        if (refusal.isPresent()) {
            throw new SyncException(
                    "SecretSyncedError",
                    "could not replace secret " + name + " to change its type: the "
                            + "API server would refuse the new one (" + refusal.get()
                            + "); the existing secret is kept");
        }
        try {
            GuardedDelete.delete(client, old, true);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                throw new SecretChanged(name);
            }
            throw e;
        }
        try {
            create(next);
        } catch (RuntimeException e) {
            restore(old, e);
        }
    }

    private void restore(Secret old, RuntimeException cause) {
        String name = old.getMetadata().getName();
        try {
            client.secrets()
                    .inNamespace(old.getMetadata().getNamespace())
                    .resource(restorable(old))
                    .create();
        } catch (RuntimeException again) {
            LOG.errorf(
                    "secret %s/%s: the replacement failed (%s) and the old secret could not be restored (%s)",
                    old.getMetadata().getNamespace(), name, status(cause), status(again));
            throw new SyncException(
                    "SecretSyncedError",
                    "could not replace secret " + name + " (" + status(cause) + ") and could not restore the old one ("
                            + status(again) + ")");
        }
        throw new SyncException(
                "SecretSyncedError",
                "could not replace secret " + name + " to change its type (" + status(cause)
                        + "); the old secret was restored");
    }

    /** The old Secret as a new object: same content, none of the server-assigned identity. */
    private static Secret restorable(Secret old) {
        var meta = new ObjectMetaBuilder(old.getMetadata()).build();
        meta.setUid(null);
        meta.setResourceVersion(null);
        meta.setCreationTimestamp(null);
        meta.setManagedFields(null);
        meta.setGeneration(null);
        meta.setDeletionTimestamp(null);
        meta.setDeletionGracePeriodSeconds(null);
        return new SecretBuilder(old).withMetadata(meta).build();
    }

    /** What went wrong, without the API server's message (it may quote a value). */
    private static String status(RuntimeException e) {
        if (e instanceof SyncException) {
            return e.getMessage();
        }
        if (e instanceof KubernetesClientException k) {
            return "HTTP " + k.getCode()
                    + (k.getStatus() != null && k.getStatus().getReason() != null
                            ? " " + k.getStatus().getReason()
                            : "");
        }
        return e.getClass().getSimpleName();
    }

    private void create(Secret secret) {
        try {
            client.secrets()
                    .inNamespace(secret.getMetadata().getNamespace())
                    .resource(secret)
                    .create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                throw new SecretChanged(secret.getMetadata().getName());
            }
            throw e;
        }
    }
}

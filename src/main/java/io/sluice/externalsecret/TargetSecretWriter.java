package io.sluice.externalsecret;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Carries out a {@link SecretPlan} against the cluster; every decision was taken by {@link SecretPlanner}. */
final class TargetSecretWriter {

    private final KubernetesClient client;

    TargetSecretWriter(KubernetesClient client) {
        this.client = client;
    }

    void apply(SecretPlan plan) {
        switch (plan.action()) {
            case CREATE -> create(plan.secret());
            case UPDATE -> client.secrets().inNamespace(plan.secret().getMetadata().getNamespace())
                    .resource(plan.secret()).update();
            case REPLACE -> {
                delete(plan.secret());
                create(plan.secret());
            }
            case DELETE -> delete(plan.secret());
            default -> {
                // nothing to write
            }
        }
    }

    /** Deletes the Secret; one that is already gone counts as deleted. */
    void delete(Secret secret) {
        client.secrets().inNamespace(secret.getMetadata().getNamespace()).withName(secret.getMetadata().getName())
                .delete();
    }

    private void create(Secret secret) {
        try {
            client.secrets().inNamespace(secret.getMetadata().getNamespace()).resource(secret).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                throw new SyncException("SecretSyncedError", "could not create secret " + secret.getMetadata().getName()
                        + ": it was created concurrently; retrying");
            }
            throw e;
        }
    }
}

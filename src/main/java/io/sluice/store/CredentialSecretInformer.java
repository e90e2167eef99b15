package io.sluice.store;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.sluice.provider.Provider.SecretReference;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Informs about one credentials Secret, by name: an informer whose list and watch carry the field selector
 * {@code metadata.name=<name>}, so the API server sends that one object and nothing else. Unlike a raw watch, an
 * informer relists and watches again by itself when its watch ends (410 Gone, API server restart).
 */
final class CredentialSecretInformer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CredentialSecretInformer.class);

    private final SecretReference ref;
    private final Runnable changed;
    private final SharedIndexInformer<Secret> informer;
    private String lastVersion;

    /**
     * Starts informing; {@code changed} runs (on the informer's thread) whenever the Secret's resourceVersion
     * differs from the one it had when this started, or it appears or disappears.
     */
    CredentialSecretInformer(KubernetesClient client, SecretReference ref, Runnable changed) {
        this.ref = ref;
        this.changed = changed;
        var resource = client.secrets().inNamespace(ref.namespace()).withName(ref.name());
        // The version clients were (or are about to be) built from: the informer's first list is not a change.
        this.lastVersion = versionOf(resource.get());
        this.informer = resource.runnableInformer(0);
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Secret secret) {
                seen(versionOf(secret));
            }

            @Override
            public void onUpdate(Secret before, Secret after) {
                seen(versionOf(after));
            }

            @Override
            public void onDelete(Secret secret, boolean finalStateUnknown) {
                seen(null);
            }
        });
        // Keep trying after a failed list too (e.g. RBAC not yet granted): rotations must not go unseen for good.
        informer.exceptionHandler((started, error) -> {
            LOG.debugf("informer of credentials Secret %s/%s: %s, retrying", ref.namespace(), ref.name(),
                    error.getClass().getSimpleName());
            return true;
        });
        informer.start();
    }

    private synchronized void seen(String version) {
        if (!Objects.equals(version, lastVersion)) {
            lastVersion = version;
            changed.run();
        }
    }

    /** Whether the informer's watch is open (tests wait on it). */
    boolean isWatching() {
        return informer.isWatching();
    }

    SecretReference secret() {
        return ref;
    }

    @Override
    public void close() {
        informer.close();
    }

    private static String versionOf(Secret secret) {
        return secret == null ? null : secret.getMetadata().getResourceVersion();
    }
}

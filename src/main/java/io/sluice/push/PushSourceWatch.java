package io.sluice.push;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.sluice.api.v1alpha1.PushSecret;
import io.sluice.api.v1alpha1.PushSecretSelector;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Watches the source Secrets of PushSecrets, and only those: one informer per distinct source, restricted by
 * the API server to the PushSecret's namespace and to the Secret's name ({@code selector.secret.name}) or its
 * label selector ({@code selector.secret.selector}). Never a cache of all Secrets. PushSecrets with the same
 * source share its informer; it is closed when the last of them lets go. A change of a source Secret
 * reconciles the PushSecrets reading it, so a changed value goes out at once, also with refreshInterval 0.
 */
final class PushSourceWatch extends AbstractEventSource<Secret, PushSecret> {
    private static final Logger LOG = Logger.getLogger(PushSourceWatch.class);

    /** What one PushSecret reads: a named Secret, or the Secrets matching a selector, in its namespace. */
    record Source(String namespace, String name, LabelSelector selector) {
        static Source of(PushSecret ps) {
            PushSecretSelector.SecretSource secret = ps.getSpec().selector.secret;
            return new Source(
                    ps.getMetadata().getNamespace(), secret.name, secret.name == null ? secret.selector : null);
        }
    }

    private final KubernetesClient client;
    private final Map<Source, SharedIndexInformer<Secret>> informers = new HashMap<>();
    private final Map<ResourceID, Source> sourceOf = new HashMap<>();

    PushSourceWatch(KubernetesClient client) {
        super(Secret.class, "pushsecret-sources");
        this.client = client;
    }

    /**
     * Watches the PushSecret's source (from now on) and returns the source Secrets as the informer holds them,
     * sorted by name. The informer has listed them before this returns.
     */
    synchronized List<Secret> track(PushSecret ps) {
        ResourceID id = ResourceID.fromResource(ps);
        Source source = Source.of(ps);
        Source previous = sourceOf.put(id, source);
        SharedIndexInformer<Secret> informer = informers.computeIfAbsent(source, this::inform);
        if (previous != null && !previous.equals(source)) {
            closeIfUnused(previous);
        }
        return informer.getStore().list().stream()
                .sorted(Comparator.comparing(s -> s.getMetadata().getName()))
                .toList();
    }

    /** Stops watching for a PushSecret that is gone. */
    synchronized void untrack(ResourceID id) {
        Source previous = sourceOf.remove(id);
        if (previous != null) {
            closeIfUnused(previous);
        }
    }

    /** Informers open now; for tests. */
    synchronized int informerCount() {
        return informers.size();
    }

    @Override
    public Set<Secret> getSecondaryResources(PushSecret primary) {
        return Set.of();
    }

    @Override
    public synchronized void stop() {
        informers.values().forEach(SharedIndexInformer::close);
        informers.clear();
        super.stop();
    }

    private SharedIndexInformer<Secret> inform(Source source) {
        var inNamespace = client.secrets().inNamespace(source.namespace());
        var selected = source.name() != null
                ? inNamespace.withName(source.name())
                : inNamespace.withLabelSelector(source.selector());
        return selected.inform(
                new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(Secret secret) {
                        changed(source);
                    }

                    @Override
                    public void onUpdate(Secret before, Secret after) {
                        changed(source);
                    }

                    @Override
                    public void onDelete(Secret secret, boolean finalStateUnknown) {
                        changed(source);
                    }
                },
                0);
    }

    private void changed(Source source) {
        Set<ResourceID> readers;
        synchronized (this) {
            readers = sourceOf.entrySet().stream()
                    .filter(e -> e.getValue().equals(source))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
        }
        if (!isRunning()) {
            return;
        }
        LOG.debugf("source Secret(s) of %s changed in %s", readers, source.namespace());
        readers.forEach(id -> getEventHandler().handleEvent(new Event(id)));
    }

    private void closeIfUnused(Source source) {
        if (!sourceOf.containsValue(source)) {
            SharedIndexInformer<Secret> informer = informers.remove(source);
            if (informer != null) {
                informer.close();
            }
        }
    }
}

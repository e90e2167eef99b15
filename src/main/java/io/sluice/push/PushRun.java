package io.sluice.push;

import io.sluice.api.v1alpha1.PushSecret;
import io.sluice.api.v1alpha1.PushSecretData;
import io.sluice.api.v1alpha1.PushSecretSpec;
import io.sluice.provider.ProviderException;
import io.sluice.provider.PushRequest;
import io.sluice.provider.PushTarget;
import io.sluice.provider.RemoteDeletion;
import io.sluice.provider.SecretsClient;
import io.sluice.provider.StoreView;
import io.sluice.store.StoreAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One push of a PushSecret: writes every entry to every store, then, under {@code deletionPolicy: Delete}, removes
 * the remote entries that the previous push wrote and this one no longer does (entries dropped from the spec,
 * stores dropped from {@code secretStoreRefs}). Under {@code None} nothing remote is ever deleted.
 */
final class PushRun {
    /** {@code <Kind>/<store>} to {@code <remoteKey>[/<property>]} to the entry pushed there. */
    static final class Synced extends TreeMap<String, Map<String, PushSecretData>> {}

    record Outcome(Synced synced, int written, boolean keptExisting, List<String> keptUnmanaged) {}

    private final StoreAccess access;
    private final PushStores stores;

    PushRun(StoreAccess access, PushStores stores) {
        this.access = access;
        this.stores = stores;
    }

    Outcome push(PushSecret ps, PushSource source, Map<String, StoreView> targets, Synced previous) {
        String namespace = ps.getMetadata().getNamespace();
        boolean ifNotExists = ps.getSpec().updatePolicy == PushSecretSpec.UpdatePolicy.IfNotExists;
        Synced synced = new Synced();
        int written = 0;
        boolean keptExisting = false;
        List<PushSecretData> entries = ps.getSpec().data == null ? List.of() : ps.getSpec().data;
        for (var store : targets.entrySet()) {
            SecretsClient client = clientFor(store.getValue(), namespace);
            Map<String, PushSecretData> inStore = new TreeMap<>();
            for (PushSecretData entry : entries) {
                PushRequest request = new PushRequest(
                        entry.match.remoteRef.remoteKey,
                        entry.match.remoteRef.property,
                        source.valueFor(entry),
                        entry.metadata);
                PushTarget target = request.target();
                try {
                    if (ifNotExists && client.exists(target)) {
                        keptExisting = true;
                    } else if (client.push(request)) {
                        written++;
                    }
                } catch (ProviderException e) {
                    throw new PushException("could not push " + target + " to "
                            + store.getValue().displayName() + ": " + e.getMessage());
                }
                inStore.put(target.toString(), entry);
            }
            synced.put(store.getKey(), inStore);
        }
        List<String> keptUnmanaged = new ArrayList<>();
        if (ps.getSpec().deletionPolicy == PushSecretSpec.DeletionPolicy.Delete) {
            deleteDropped(namespace, previous, synced, keptUnmanaged);
        }
        return new Outcome(synced, written, keptExisting, keptUnmanaged);
    }

    /** Deletes every entry of {@code synced} (the PushSecret or its source is gone, under Delete). */
    List<String> deleteAll(String namespace, Synced synced) {
        List<String> keptUnmanaged = new ArrayList<>();
        deleteDropped(namespace, synced, new Synced(), keptUnmanaged);
        return keptUnmanaged;
    }

    private void deleteDropped(String namespace, Synced previous, Synced current, List<String> keptUnmanaged) {
        for (var store : previous.entrySet()) {
            Map<String, PushSecretData> still = current.getOrDefault(store.getKey(), Map.of());
            for (var entry : store.getValue().entrySet()) {
                if (still.containsKey(entry.getKey())) {
                    continue;
                }
                StoreView view = stores.byKey(store.getKey(), namespace)
                        .orElseThrow(() -> new PushException(
                                "cannot delete " + entry.getKey() + ": " + store.getKey() + " no longer exists"));
                var ref = entry.getValue().match.remoteRef;
                try {
                    RemoteDeletion done =
                            clientFor(view, namespace).delete(new PushTarget(ref.remoteKey, ref.property));
                    if (done == RemoteDeletion.KEPT_UNMANAGED) {
                        keptUnmanaged.add(store.getKey() + ":" + entry.getKey());
                    }
                } catch (ProviderException e) {
                    throw new PushException("could not delete " + entry.getKey() + " from " + view.displayName() + ": "
                            + e.getMessage());
                }
            }
        }
    }

    private SecretsClient clientFor(StoreView store, String namespace) {
        return access.clientFor(store, namespace, PushException::new);
    }
}

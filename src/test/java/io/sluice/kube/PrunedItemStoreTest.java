package io.sluice.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an informer keeps of an object: everything but managedFields and kubectl's last-applied copy. */
class PrunedItemStoreTest {

    @Test
    void storesTheObjectWithoutManagedFieldsAndTheLastAppliedAnnotation() {
        PrunedItemStore<ConfigMap> store = new PrunedItemStore<>();
        ConfigMap map = applied("ns", "app");

        store.put(store.getKey(map), map);

        ConfigMap kept = store.get("ns/app");
        assertSame(map, kept, "trimmed in place, so event handlers see what the cache holds");
        assertNull(kept.getMetadata().getManagedFields());
        assertEquals(Map.of("team", "shop"), kept.getMetadata().getAnnotations());
        assertEquals(Map.of("k", "v"), kept.getData());
        assertEquals("7", kept.getMetadata().getResourceVersion());
        assertEquals(1, store.size());
        assertTrue(store.isFullState(), "every object is kept, so the informer's deferred initial adds still work");
    }

    @Test
    void removesAndListsByNamespaceAndName() {
        PrunedItemStore<ConfigMap> store = new PrunedItemStore<>();
        ConfigMap a = applied("ns", "a");
        ConfigMap b = applied("other", "b");
        store.put(store.getKey(a), a);
        store.put(store.getKey(b), b);

        assertSame(a, store.remove("ns/a"));

        assertEquals(List.of("other/b"), store.keySet().toList());
        assertEquals(List.of(b), store.values().toList());
    }

    private static ConfigMap applied(String namespace, String name) {
        Map<String, String> annotations = new HashMap<>();
        annotations.put("team", "shop");
        annotations.put(PrunedItemStore.LAST_APPLIED_ANNOTATION, "{\"apiVersion\":\"v1\",\"data\":{\"k\":\"v\"}}");
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(name)
                .withResourceVersion("7")
                .withAnnotations(annotations)
                .withManagedFields(new ManagedFieldsEntryBuilder()
                        .withManager("kubectl-client-side-apply")
                        .withOperation("Update")
                        .build())
                .endMetadata()
                .withData(Map.of("k", "v"))
                .build();
    }
}

package io.sluice.externalsecret;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Secret;
import io.sluice.kube.WellKnown;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys an ExternalSecret with creationPolicy Merge or CreateOrMerge wrote into a Secret last time, so keys
 * that left the provider can go while foreign keys stay. Sluice records them in its own annotation; a Secret
 * that ESO wrote has none, and ESO's record, the field manager {@code externalsecrets.external-secrets.io/<name>}
 * in {@code metadata.managedFields}, is read instead.
 */
final class PreviouslySyncedKeys {
    static final String ESO_FIELD_MANAGER_PREFIX = "externalsecrets.external-secrets.io/";

    private PreviouslySyncedKeys() {}

    static Set<String> of(Secret existing, String externalSecretName) {
        Map<String, String> annotations = existing.getMetadata().getAnnotations();
        String recorded = annotations == null ? null : annotations.get(WellKnown.SYNCED_KEYS_ANNOTATION);
        if (recorded != null) {
            return recorded.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(recorded.split(",")));
        }
        return byEsoFieldManager(existing, ESO_FIELD_MANAGER_PREFIX + externalSecretName);
    }

    private static Set<String> byEsoFieldManager(Secret existing, String manager) {
        Set<String> keys = new TreeSet<>();
        if (existing.getMetadata().getManagedFields() == null) {
            return keys;
        }
        for (ManagedFieldsEntry entry : existing.getMetadata().getManagedFields()) {
            if (!manager.equals(entry.getManager()) || entry.getFieldsV1() == null) {
                continue;
            }
            if (entry.getFieldsV1().getAdditionalProperties().get("f:data") instanceof Map<?, ?> data) {
                data.keySet().stream()
                        .map(String::valueOf)
                        .filter(k -> k.startsWith("f:"))
                        .forEach(k -> keys.add(k.substring(2)));
            }
        }
        return keys;
    }
}

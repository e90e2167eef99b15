package io.sluice.externalsecret;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Secret;
import io.sluice.kube.WellKnown;
import java.util.List;
import java.util.Map;

/**
 * What the managed-Secrets cache keeps of {@code metadata.managedFields}: only ESO's field manager entries of a
 * Secret that has no synced-keys annotation yet, the one case {@link PreviouslySyncedKeys} reads them. Everything
 * else there goes, which is the bulk of it.
 * <p>
 * kubectl's last-applied-configuration annotation stays: Sluice replaces these Secrets whole (PUT) from the cached
 * copy, so dropping it here would delete it from a Secret a user applied and Sluice merges into. A Secret Sluice
 * creates has none.
 */
final class ManagedSecretPruning {
    private ManagedSecretPruning() {}

    static void prune(Secret secret) {
        var meta = secret.getMetadata();
        List<ManagedFieldsEntry> entries = meta.getManagedFields();
        if (entries == null || entries.isEmpty()) {
            return;
        }
        Map<String, String> annotations = meta.getAnnotations();
        if (annotations != null && annotations.containsKey(WellKnown.SYNCED_KEYS_ANNOTATION)) {
            meta.setManagedFields(null);
            return;
        }
        List<ManagedFieldsEntry> eso = entries.stream()
                .filter(e -> e.getManager() != null
                        && e.getManager().startsWith(PreviouslySyncedKeys.ESO_FIELD_MANAGER_PREFIX))
                .toList();
        meta.setManagedFields(eso.isEmpty() ? null : eso);
    }
}

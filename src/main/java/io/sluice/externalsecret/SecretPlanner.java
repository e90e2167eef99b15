package io.sluice.externalsecret;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretTarget.CreationPolicy;
import io.sluice.externalsecret.SecretPlan.Action;
import io.sluice.kube.Hashes;
import io.sluice.kube.SecretData;
import io.sluice.kube.SecretTypeRules;
import io.sluice.kube.WellKnown;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The creation and deletion policies as pure functions of the spec, what the provider answered and the
 * Secret found in the cluster. Nothing here talks to Kubernetes; {@link TargetSecretWriter} carries out the
 * plan. Keys, labels and annotations that Sluice does not manage are kept.
 */
final class SecretPlanner {

    private SecretPlanner() {}

    /**
     * The provider returned no data at all (every entry's remote secret is gone, or a find matched nothing).
     * Empty when the Secret is written as usual, which deletionPolicy Merge does with no synced keys left.
     */
    static Optional<SecretPlan> whenNothingFound(EffectiveSpec es, Secret existing) {
        return switch (es.deletionPolicy()) {
            case Retain -> Optional.of(SecretPlan.of(Action.RETAINED));
            case Merge -> Optional.empty();
            case Delete -> Optional.of(deletion(es, existing));
        };
    }

    /** How the Secret gets to the desired content under the creation policy. */
    static SecretPlan forDesired(EffectiveSpec es, DesiredSecret desired, Secret existing) {
        CreationPolicy policy = es.creationPolicy();
        if (policy == CreationPolicy.None) {
            return SecretPlan.of(Action.SKIPPED);
        }
        ExternalSecret owner = es.resource();
        if (existing == null) {
            if (policy == CreationPolicy.Merge) {
                throw new SyncException("SecretMissing", "secret will not be created due to CreationPolicy=Merge");
            }
            return new SecretPlan(Action.CREATE, acceptable(build(null, desired, owner, policy), "create"));
        }
        refuseTakeOver(policy, existing, owner);
        Secret updated = build(existing, desired, owner, policy);
        if (sameContent(existing, updated)) {
            return SecretPlan.of(Action.UNCHANGED);
        }
        if (Boolean.TRUE.equals(existing.getImmutable())) {
            throw new SyncException("SecretSyncedError", "could not update secret, target is immutable");
        }
        acceptable(updated, "update");
        if (!SecretTypeRules.sameType(existing.getType(), updated.getType())) {
            return replacement(policy, existing, updated, owner);
        }
        return new SecretPlan(Action.UPDATE, updated);
    }

    /**
     * The API server never changes a Secret's type in place (ESO updates in place, so the change fails there).
     * Sluice deletes and re-creates the Secret, but only one that this ExternalSecret controls under
     * creationPolicy Owner: anyone else's Secret, or one merely adopted, is never deleted to be changed.
     */
    private static SecretPlan replacement(
            CreationPolicy policy, Secret existing, Secret updated, ExternalSecret owner) {
        String change =
                "its type is " + SecretTypeRules.normalised(existing.getType()) + ", the ExternalSecret asks for "
                        + updated.getType() + ", and the type of a Secret cannot change in place";
        if (policy != CreationPolicy.Owner) {
            throw new SyncException("SecretSyncedError", "could not update secret: " + change);
        }
        if (!isControlledBy(existing, owner)) {
            throw new SyncException(
                    "SecretSyncedError",
                    "could not update secret: " + change
                            + "; Sluice replaces only a Secret this ExternalSecret controls, and this one it does not");
        }
        updated.getMetadata().setResourceVersion(null);
        updated.getMetadata().setUid(null);
        updated.getMetadata().setCreationTimestamp(null);
        updated.getMetadata().setManagedFields(null);
        return new SecretPlan(Action.REPLACE, updated, existing);
    }

    /** The Secret as the API server would accept it; otherwise the sync fails before anything is written. */
    private static Secret acceptable(Secret secret, String verb) {
        SecretTypeRules.violation(
                        secret.getType(),
                        SecretData.decode(secret),
                        secret.getMetadata().getAnnotations())
                .ifPresent(rule -> {
                    throw new SyncException("SecretSyncedError", "could not " + verb + " secret: " + rule);
                });
        return secret;
    }

    /**
     * Secrets this ExternalSecret created under another name (the target was renamed): they carry its
     * created-by label and its controller reference. Another ExternalSecret's Secret never qualifies.
     */
    static List<Secret> leftBehind(ExternalSecret owner, String targetName, List<Secret> candidates) {
        String createdBy = DesiredSecret.createdBy(
                owner.getMetadata().getNamespace(), owner.getMetadata().getName());
        return candidates.stream()
                .filter(s -> !s.getMetadata().getName().equals(targetName))
                .filter(s -> owner.getMetadata()
                        .getNamespace()
                        .equals(s.getMetadata().getNamespace()))
                .filter(s -> s.getMetadata().getLabels() != null
                        && createdBy.equals(s.getMetadata().getLabels().get(WellKnown.CREATED_BY_LABEL)))
                .filter(s -> isControlledBy(s, owner))
                .toList();
    }

    static boolean isControlledBy(Secret secret, ExternalSecret owner) {
        OwnerReference controller = controllerOf(secret);
        return controller != null
                && Objects.equals(controller.getUid(), owner.getMetadata().getUid());
    }

    private static SecretPlan deletion(EffectiveSpec es, Secret existing) {
        if (es.creationPolicy() != CreationPolicy.Owner) {
            throw new SyncException(
                    "SecretSyncedError",
                    "could not delete secret: deletionPolicy=Delete requires " + "creationPolicy=Owner, not "
                            + es.creationPolicy());
        }
        if (existing == null) {
            return SecretPlan.of(Action.ALREADY_DELETED);
        }
        if (!isControlledBy(existing, es.resource())) {
            throw new SyncException(
                    "SecretSyncedError", "could not delete secret: it is not controlled by this " + "ExternalSecret");
        }
        return new SecretPlan(Action.DELETE, existing);
    }

    /**
     * Owner and Orphan write the whole Secret, so any other controller's Secret is refused; Merge and
     * CreateOrMerge only add keys, so only another ExternalSecret's Secret is refused (the two would fight).
     */
    private static void refuseTakeOver(CreationPolicy policy, Secret existing, ExternalSecret owner) {
        OwnerReference controller = controllerOf(existing);
        if (controller == null || controller.getUid().equals(owner.getMetadata().getUid())) {
            return;
        }
        boolean writesWholeSecret = policy == CreationPolicy.Owner || policy == CreationPolicy.Orphan;
        if (writesWholeSecret || "ExternalSecret".equals(controller.getKind())) {
            throw new SyncException(
                    "SecretSyncedError",
                    "target is owned by another " + controller.getKind() + " (" + controller.getName()
                            + "): not taking it over");
        }
    }

    private static Secret build(Secret existing, DesiredSecret desired, ExternalSecret owner, CreationPolicy policy) {
        boolean merge = existing != null && (policy == CreationPolicy.Merge || policy == CreationPolicy.CreateOrMerge);
        Map<String, String> labels = new TreeMap<>();
        Map<String, String> annotations = new TreeMap<>();
        List<OwnerReference> ownerRefs = new ArrayList<>();
        if (existing != null) {
            labels.putAll(nullToEmpty(existing.getMetadata().getLabels()));
            annotations.putAll(nullToEmpty(existing.getMetadata().getAnnotations()));
            ownerRefs.addAll(
                    existing.getMetadata().getOwnerReferences() == null
                            ? List.of()
                            : existing.getMetadata().getOwnerReferences());
        }
        Map<String, byte[]> data = merge ? mergedData(existing, desired, owner) : new TreeMap<>(desired.data());
        labels.putAll(desired.labels());
        annotations.putAll(desired.annotations());
        annotations.put(WellKnown.DATA_HASH_ANNOTATION, Hashes.ofData(data));
        if (policy == CreationPolicy.Merge || policy == CreationPolicy.CreateOrMerge) {
            annotations.put(WellKnown.SYNCED_KEYS_ANNOTATION, String.join(",", new TreeMap<>(desired.data()).keySet()));
        }
        if (policy == CreationPolicy.Owner) {
            labels.put(
                    WellKnown.CREATED_BY_LABEL,
                    DesiredSecret.createdBy(
                            owner.getMetadata().getNamespace(),
                            owner.getMetadata().getName()));
            if (ownerRefs.stream()
                    .noneMatch(r -> r.getUid().equals(owner.getMetadata().getUid()))) {
                ownerRefs.add(controllerReference(owner));
            }
        }
        ObjectMeta meta = existing == null ? new ObjectMeta() : new ObjectMetaBuilder(existing.getMetadata()).build();
        meta.setName(desired.name());
        meta.setNamespace(owner.getMetadata().getNamespace());
        meta.setLabels(labels);
        meta.setAnnotations(annotations);
        meta.setOwnerReferences(ownerRefs.isEmpty() ? null : ownerRefs);
        // The cache keeps only part of managedFields (ManagedSecretPruning): sent back on a PUT, that part would
        // replace the server's record; sent without, the server keeps its own.
        meta.setManagedFields(null);
        return new SecretBuilder()
                .withMetadata(meta)
                .withType(merge ? typeOf(existing) : desired.type())
                .withImmutable(desired.immutable() ? Boolean.TRUE : null)
                .withData(SecretData.encode(data))
                .build();
    }

    /**
     * The existing data minus the keys this ExternalSecret synced last time (so keys that disappeared from
     * the provider go away), plus the desired data. Foreign keys stay.
     */
    private static Map<String, byte[]> mergedData(Secret existing, DesiredSecret desired, ExternalSecret owner) {
        Map<String, byte[]> data = new TreeMap<>(SecretData.decode(existing));
        PreviouslySyncedKeys.of(existing, owner.getMetadata().getName()).forEach(data::remove);
        data.putAll(desired.data());
        return data;
    }

    private static OwnerReference controllerReference(ExternalSecret owner) {
        return new OwnerReferenceBuilder()
                .withApiVersion(owner.getApiVersion())
                .withKind(owner.getKind())
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }

    private static boolean sameContent(Secret existing, Secret updated) {
        return SecretData.sameData(SecretData.decode(existing), SecretData.decode(updated))
                && nullToEmpty(existing.getMetadata().getLabels())
                        .equals(nullToEmpty(updated.getMetadata().getLabels()))
                && sameAnnotations(existing, updated)
                && Objects.equals(typeOf(existing), updated.getType())
                && Boolean.TRUE.equals(existing.getImmutable()) == Boolean.TRUE.equals(updated.getImmutable())
                && ownerUids(existing).equals(ownerUids(updated));
    }

    /**
     * A Secret that ESO wrote (or one Sluice merged into before it kept the record) has no synced-keys
     * annotation. Adding it alone is no reason to write: it comes with the next write that changes content.
     */
    private static boolean sameAnnotations(Secret existing, Secret updated) {
        Map<String, String> current = nullToEmpty(existing.getMetadata().getAnnotations());
        Map<String, String> wanted =
                new TreeMap<>(nullToEmpty(updated.getMetadata().getAnnotations()));
        if (!current.containsKey(WellKnown.SYNCED_KEYS_ANNOTATION)) {
            wanted.remove(WellKnown.SYNCED_KEYS_ANNOTATION);
        }
        return current.equals(wanted);
    }

    static OwnerReference controllerOf(Secret secret) {
        if (secret.getMetadata().getOwnerReferences() == null) {
            return null;
        }
        return secret.getMetadata().getOwnerReferences().stream()
                .filter(r -> Boolean.TRUE.equals(r.getController()))
                .findFirst()
                .orElse(null);
    }

    private static List<String> ownerUids(Secret secret) {
        return secret.getMetadata().getOwnerReferences() == null
                ? List.of()
                : secret.getMetadata().getOwnerReferences().stream()
                        .map(OwnerReference::getUid)
                        .sorted()
                        .toList();
    }

    private static String typeOf(Secret secret) {
        return SecretTypeRules.normalised(secret.getType());
    }

    private static Map<String, String> nullToEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    /**
     * A Secret that was deleted or edited behind Sluice's back is repaired at once (ESO's rule). With the
     * Orphan policy the Secret is not Sluice's to repair; with None there is nothing to repair.
     */
    static boolean needsRepair(EffectiveSpec es, Secret existing) {
        if (existing == null
                && ExternalSecretStatusWriter.leftNoSecretOnPurpose(
                        es.resource().getStatus())) {
            return false;
        }
        return switch (es.creationPolicy()) {
            case Orphan, None -> false;
            default ->
                existing == null
                        || existing.getMetadata().getLabels() == null
                        || !"true".equals(existing.getMetadata().getLabels().get(WellKnown.MANAGED_LABEL))
                        || existing.getMetadata().getAnnotations() == null
                        || !Hashes.ofData(SecretData.decode(existing))
                                .equals(existing.getMetadata().getAnnotations().get(WellKnown.DATA_HASH_ANNOTATION));
        };
    }
}

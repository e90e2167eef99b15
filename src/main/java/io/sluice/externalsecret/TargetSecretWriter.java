package io.sluice.externalsecret;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretTarget.CreationPolicy;
import io.sluice.kube.Hashes;
import io.sluice.kube.SecretData;
import io.sluice.kube.WellKnown;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Writes the target Secret according to the creation policy, and only when its content would change.
 * Keys, labels and annotations that Sluice does not manage are left alone.
 */
final class TargetSecretWriter {

    enum Outcome { CREATED, UPDATED, UNCHANGED, SKIPPED }

    private final KubernetesClient client;

    TargetSecretWriter(KubernetesClient client) {
        this.client = client;
    }

    Outcome write(EffectiveSpec es, DesiredSecret desired, Secret existing, boolean mergeData) {
        CreationPolicy policy = es.creationPolicy();
        if (policy == CreationPolicy.None) {
            return Outcome.SKIPPED;
        }
        ExternalSecret owner = es.resource();
        if (existing == null) {
            if (policy == CreationPolicy.Merge) {
                throw new SyncException("SecretMissing", "secret will not be created due to CreationPolicy=Merge");
            }
            create(build(null, desired, owner, policy, false));
            return Outcome.CREATED;
        }
        OwnerReference controller = controllerOf(existing);
        if (controller != null && !controller.getUid().equals(owner.getMetadata().getUid())) {
            throw new SyncException("SecretSyncedError", "target is owned by another "
                    + controller.getKind() + " (" + controller.getName() + "): not taking it over");
        }
        boolean merge = mergeData || policy == CreationPolicy.Merge || policy == CreationPolicy.CreateOrMerge;
        Secret updated = build(existing, desired, owner, policy, merge);
        if (sameContent(existing, updated)) {
            return Outcome.UNCHANGED;
        }
        if (Boolean.TRUE.equals(existing.getImmutable())) {
            throw new SyncException("SecretSyncedError", "could not update secret, target is immutable");
        }
        if (!Objects.equals(typeOf(existing), updated.getType())) {
            if (policy != CreationPolicy.Owner) {
                throw new SyncException("SecretSyncedError", "could not update secret: its type is "
                        + typeOf(existing) + ", the ExternalSecret asks for " + updated.getType()
                        + " and the type of a Secret cannot change");
            }
            // the type of a Secret is immutable: an owned Secret is replaced
            client.secrets().inNamespace(existing.getMetadata().getNamespace()).resource(existing).delete();
            updated.getMetadata().setResourceVersion(null);
            create(updated);
            return Outcome.UPDATED;
        }
        client.secrets().inNamespace(updated.getMetadata().getNamespace()).resource(updated).update();
        return Outcome.UPDATED;
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

    private static Secret build(Secret existing, DesiredSecret desired, ExternalSecret owner, CreationPolicy policy,
            boolean merge) {
        Map<String, byte[]> data = new TreeMap<>();
        if (existing != null && merge) {
            data.putAll(SecretData.decode(existing));
        }
        data.putAll(desired.data());
        Map<String, String> labels = new TreeMap<>();
        Map<String, String> annotations = new TreeMap<>();
        List<OwnerReference> ownerRefs = new ArrayList<>();
        if (existing != null) {
            labels.putAll(nullToEmpty(existing.getMetadata().getLabels()));
            annotations.putAll(nullToEmpty(existing.getMetadata().getAnnotations()));
            ownerRefs.addAll(existing.getMetadata().getOwnerReferences() == null ? List.of()
                    : existing.getMetadata().getOwnerReferences());
        }
        labels.putAll(desired.labels());
        annotations.putAll(desired.annotations());
        annotations.put(WellKnown.DATA_HASH_ANNOTATION, Hashes.ofData(data));
        if (policy == CreationPolicy.Owner) {
            labels.put(WellKnown.CREATED_BY_LABEL,
                    DesiredSecret.createdBy(owner.getMetadata().getNamespace(), owner.getMetadata().getName()));
            if (ownerRefs.stream().noneMatch(r -> r.getUid().equals(owner.getMetadata().getUid()))) {
                ownerRefs.add(new OwnerReferenceBuilder()
                        .withApiVersion(owner.getApiVersion())
                        .withKind(owner.getKind())
                        .withName(owner.getMetadata().getName())
                        .withUid(owner.getMetadata().getUid())
                        .withController(true)
                        .withBlockOwnerDeletion(true)
                        .build());
            }
        }
        ObjectMeta meta = existing == null ? new ObjectMeta() : new io.fabric8.kubernetes.api.model.ObjectMetaBuilder(
                existing.getMetadata()).build();
        meta.setName(desired.name());
        meta.setNamespace(owner.getMetadata().getNamespace());
        meta.setLabels(labels);
        meta.setAnnotations(annotations);
        meta.setOwnerReferences(ownerRefs.isEmpty() ? null : ownerRefs);
        String type = existing != null && merge && policy != CreationPolicy.Owner ? typeOf(existing) : desired.type();
        return new SecretBuilder()
                .withMetadata(meta)
                .withType(type)
                .withImmutable(desired.immutable() ? Boolean.TRUE : null)
                .withData(SecretData.encode(data))
                .build();
    }

    private static boolean sameContent(Secret existing, Secret updated) {
        return SecretData.sameData(SecretData.decode(existing), SecretData.decode(updated))
                && Objects.equals(nullToEmpty(existing.getMetadata().getLabels()), nullToEmpty(updated.getMetadata().getLabels()))
                && Objects.equals(nullToEmpty(existing.getMetadata().getAnnotations()),
                        nullToEmpty(updated.getMetadata().getAnnotations()))
                && Objects.equals(typeOf(existing), updated.getType())
                && Objects.equals(Boolean.TRUE.equals(existing.getImmutable()), Boolean.TRUE.equals(updated.getImmutable()))
                && Objects.equals(ownerUids(existing), ownerUids(updated));
    }

    static OwnerReference controllerOf(Secret secret) {
        if (secret.getMetadata().getOwnerReferences() == null) {
            return null;
        }
        return secret.getMetadata().getOwnerReferences().stream()
                .filter(r -> Boolean.TRUE.equals(r.getController())).findFirst().orElse(null);
    }

    private static List<String> ownerUids(Secret secret) {
        return secret.getMetadata().getOwnerReferences() == null ? List.of()
                : secret.getMetadata().getOwnerReferences().stream().map(OwnerReference::getUid).sorted().toList();
    }

    private static String typeOf(Secret secret) {
        return secret.getType() == null ? DesiredSecret.DEFAULT_TYPE : secret.getType();
    }

    private static Map<String, String> nullToEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}

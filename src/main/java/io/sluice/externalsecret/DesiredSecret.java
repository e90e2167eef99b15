package io.sluice.externalsecret;

import io.sluice.kube.Hashes;
import io.sluice.kube.WellKnown;
import java.util.Map;
import java.util.TreeMap;

/** What the target Secret should contain, before the creation policy decides how it is written. */
record DesiredSecret(
        String name,
        String type,
        Map<String, String> labels,
        Map<String, String> annotations,
        Map<String, byte[]> data,
        boolean immutable) {

    static final String DEFAULT_TYPE = "Opaque";

    /**
     * The given labels and annotations (the ExternalSecret's own without a template, the template's with one),
     * minus those of GitOps tools, plus the managed marker.
     */
    static DesiredSecret of(
            EffectiveSpec es,
            Map<String, byte[]> data,
            String type,
            Map<String, String> labels,
            Map<String, String> annotations) {
        Map<String, String> finalLabels = new TreeMap<>();
        if (labels != null) {
            labels.forEach((k, v) -> {
                if (!WellKnown.NOT_COPIED_LABELS.contains(k)) {
                    finalLabels.put(k, v);
                }
            });
        }
        finalLabels.put(WellKnown.MANAGED_LABEL, "true");
        Map<String, String> finalAnnotations = new TreeMap<>();
        if (annotations != null) {
            annotations.forEach((k, v) -> {
                if (!WellKnown.NOT_COPIED_ANNOTATIONS.contains(k)) {
                    finalAnnotations.put(k, v);
                }
            });
        }
        return new DesiredSecret(
                es.targetName(),
                type == null || type.isEmpty() ? DEFAULT_TYPE : type,
                finalLabels,
                finalAnnotations,
                data,
                es.immutable());
    }

    /** The created-by label value: ESO's hash of the owning ExternalSecret's {@code namespace/name}. */
    static String createdBy(String namespace, String name) {
        return Hashes.sha3(namespace + "/" + name);
    }
}

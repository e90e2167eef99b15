package io.sluice.externalsecret;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.v1.ExternalSecretTarget;
import io.sluice.api.v1.ExternalSecretTemplate;
import io.sluice.kube.MetadataRules;
import io.sluice.template.ClusterTemplateSources;
import io.sluice.template.LiteralKeys;
import io.sluice.template.RenderedSecret;
import io.sluice.template.SecretTemplateRenderer;
import io.sluice.template.TemplateException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns fetched values into the desired Secret: through {@code spec.target.template} when there is one
 * (Qute, with ESO's merge rules; labels and annotations come from the template), otherwise as they are, with the
 * ExternalSecret's own labels and annotations.
 * A template that fails leaves nothing half-rendered: the sync fails and the existing Secret stays as it was.
 */
final class TargetRendering {
    private final SecretTemplateRenderer renderer;
    private final KubernetesClient client;

    TargetRendering(SecretTemplateRenderer renderer, KubernetesClient client) {
        this.renderer = renderer;
        this.client = client;
    }

    DesiredSecret desired(EffectiveSpec es, Map<String, byte[]> values) {
        DesiredSecret desired = rendered(es, values);
        if (es.creationPolicy() != ExternalSecretTarget.CreationPolicy.None) {
            refuseWhatTheApiServerWould(es, desired);
        }
        return desired;
    }

    /**
     * The API server's 422 would quote the refused value (a rendered secret) back into status, Events and logs:
     * Sluice checks first and names only the key and the rule.
     */
    private static void refuseWhatTheApiServerWould(EffectiveSpec es, DesiredSecret desired) {
        Set<String> literal = LiteralKeys.of(es.resource());
        List<String> problems = MetadataRules.secretProblems(
                desired.labels(), desired.annotations(), desired.data().keySet(), literal::contains);
        if (!problems.isEmpty()) {
            throw new SyncException(
                    "SecretSyncedError",
                    "UpdateFailed",
                    "could not update secret: the API server would refuse it: " + String.join("; ", problems),
                    null);
        }
    }

    private DesiredSecret rendered(EffectiveSpec es, Map<String, byte[]> values) {
        var meta = es.resource().getMetadata();
        ExternalSecretTemplate template = es.spec().target == null ? null : es.spec().target.template;
        if (template == null) {
            return DesiredSecret.of(es, values, null, meta.getLabels(), meta.getAnnotations());
        }
        try {
            RenderedSecret rendered = renderer.render(
                    meta.getNamespace() + "/" + meta.getName(),
                    template,
                    values,
                    new ClusterTemplateSources(client, meta.getNamespace()));
            // with a template, ESO takes labels and annotations from the template only, never from the ExternalSecret
            return DesiredSecret.of(es, rendered.data(), rendered.type(), rendered.labels(), rendered.annotations());
        } catch (TemplateException e) {
            throw new SyncException(
                    "SecretSyncedError",
                    "UpdateFailed",
                    "could not apply template: " + e.reason() + ": " + e.getMessage(),
                    null);
        }
    }
}

package io.sluice.externalsecret;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.v1.ExternalSecretTemplate;
import io.sluice.kube.SecretData;
import io.sluice.template.RenderedSecret;
import io.sluice.template.SecretTemplateRenderer;
import io.sluice.template.TemplateException;
import io.sluice.template.TemplateSources;
import java.util.Map;

/**
 * Turns fetched values into the desired Secret: through {@code spec.target.template} when there is one
 * (Qute, with ESO's merge rules), otherwise as they are, with the ExternalSecret's own labels and annotations.
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
        var meta = es.resource().getMetadata();
        ExternalSecretTemplate template = es.spec().target == null ? null : es.spec().target.template;
        if (template == null) {
            return DesiredSecret.of(es, values, null, meta.getLabels(), meta.getAnnotations());
        }
        try {
            RenderedSecret rendered = renderer.render(meta.getNamespace() + "/" + meta.getName(), template, values,
                    sources(meta.getNamespace()));
            boolean hasMetadata = template.metadata != null;
            return DesiredSecret.of(es, rendered.data(), rendered.type(),
                    hasMetadata ? rendered.labels() : meta.getLabels(),
                    hasMetadata ? rendered.annotations() : meta.getAnnotations());
        } catch (TemplateException e) {
            throw new SyncException("SecretSyncedError", "UpdateFailed",
                    "could not apply template: " + e.reason() + ": " + e.getMessage(), null);
        }
    }

    /** ConfigMaps and Secrets named by {@code templateFrom}, read from the ExternalSecret's namespace. */
    private TemplateSources sources(String namespace) {
        return new TemplateSources() {
            @Override
            public Map<String, String> configMap(String name) {
                ConfigMap cm = client.configMaps().inNamespace(namespace).withName(name).get();
                return cm == null ? null : cm.getData() == null ? Map.of() : cm.getData();
            }

            @Override
            public Map<String, byte[]> secret(String name) {
                Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
                return secret == null ? null : SecretData.decode(secret);
            }
        };
    }
}

package io.sluice.template;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.kube.SecretData;
import java.util.Map;

/** {@code templateFrom} ConfigMaps and Secrets, read from one namespace of the cluster. */
public final class ClusterTemplateSources implements TemplateSources {
    private final KubernetesClient client;
    private final String namespace;

    public ClusterTemplateSources(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

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
}

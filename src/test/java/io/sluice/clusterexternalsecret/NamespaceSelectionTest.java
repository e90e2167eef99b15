package io.sluice.clusterexternalsecret;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.sluice.api.v1.ClusterExternalSecretSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamespaceSelectionTest {
    private final List<Namespace> cluster = List.of(
            ns("web", Map.of("team", "web")),
            ns("api", Map.of("team", "api", "env", "prod")),
            ns("batch", Map.of()),
            new NamespaceBuilder()
                    .withNewMetadata()
                    .withName("leaving")
                    .addToLabels("team", "web")
                    .withDeletionTimestamp("2026-01-01T00:00:00Z")
                    .endMetadata()
                    .build());

    @Test
    void selectorsDeprecatedSelectorAndNamesAreOred() {
        ClusterExternalSecretSpec spec = new ClusterExternalSecretSpec();
        spec.namespaceSelectors = List.of(selector("team", "web"));
        spec.namespaceSelector = selector("env", "prod");
        spec.namespaces = List.of("batch");

        assertEquals(List.of("api", "batch", "web"), List.copyOf(NamespaceSelection.select(spec, cluster)));
    }

    @Test
    void nothingSetSelectsNothingAndAnEmptySelectorSelectsAllButTerminating() {
        ClusterExternalSecretSpec spec = new ClusterExternalSecretSpec();
        assertEquals(List.of(), List.copyOf(NamespaceSelection.select(spec, cluster)));

        spec.namespaceSelectors = List.of(new LabelSelector());
        assertEquals(List.of("api", "batch", "web"), List.copyOf(NamespaceSelection.select(spec, cluster)));
    }

    private static LabelSelector selector(String key, String value) {
        return new LabelSelectorBuilder().addToMatchLabels(key, value).build();
    }

    private static Namespace ns(String name, Map<String, String> labels) {
        return new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .build();
    }
}

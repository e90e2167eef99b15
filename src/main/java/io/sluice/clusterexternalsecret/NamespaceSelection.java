package io.sluice.clusterexternalsecret;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.sluice.api.v1.ClusterExternalSecretSpec;
import io.sluice.kube.LabelSelection;
import io.sluice.kube.LabelSelectorRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which namespaces a ClusterExternalSecret selects: any of {@code namespaceSelectors}, the deprecated
 * {@code namespaceSelector}, or a name in the deprecated {@code namespaces} list (all ORed). Nothing set
 * selects nothing; an empty selector selects every namespace. Terminating namespaces are never selected.
 */
final class NamespaceSelection {
    private NamespaceSelection() {}

    /**
     * What is wrong with the selectors, by the API server's rules; empty when they are valid. An invalid selector
     * must stop the reconcile: evaluated, it would select nothing and so unselect every namespace.
     */
    static List<String> problems(ClusterExternalSecretSpec spec) {
        List<String> problems = new ArrayList<>();
        if (spec.namespaceSelectors != null) {
            for (int i = 0; i < spec.namespaceSelectors.size(); i++) {
                problems.addAll(LabelSelectorRules.problems(
                        spec.namespaceSelectors.get(i), "spec.namespaceSelectors[" + i + "]"));
            }
        }
        problems.addAll(LabelSelectorRules.problems(spec.namespaceSelector, "spec.namespaceSelector"));
        return problems;
    }

    static SortedSet<String> select(ClusterExternalSecretSpec spec, Collection<Namespace> namespaces) {
        List<LabelSelector> selectors = new ArrayList<>();
        if (spec.namespaceSelectors != null) {
            selectors.addAll(spec.namespaceSelectors);
        }
        if (spec.namespaceSelector != null) {
            selectors.add(spec.namespaceSelector);
        }
        List<String> names = spec.namespaces == null ? List.of() : spec.namespaces;
        SortedSet<String> selected = new TreeSet<>();
        for (Namespace ns : namespaces) {
            String name = ns.getMetadata().getName();
            if (ns.getMetadata().getDeletionTimestamp() != null) {
                continue;
            }
            if (names.contains(name)
                    || selectors.stream()
                            .anyMatch(s ->
                                    LabelSelection.selects(s, ns.getMetadata().getLabels()))) {
                selected.add(name);
            }
        }
        return selected;
    }
}

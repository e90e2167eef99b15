package io.sluice.chart;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What rendered manifests grant one ServiceAccount: every (group, resource, verb) of every rule of every role
 * bound to it, cluster-wide through a ClusterRoleBinding or in one namespace through a RoleBinding. The union
 * is what counts, since one ServiceAccount runs every controller. Anything this model cannot judge (a binding of
 * a role the manifests do not define, another subject, resourceNames, nonResourceURLs) is a problem, not a
 * silent pass.
 */
final class GrantedPermissions {
    /** Where a grant applies: {@link #EVERYWHERE} or a namespace. */
    static final String EVERYWHERE = "*";

    record Grant(String group, String resource, String verb, String where) implements Comparable<Grant> {
        @Override
        public int compareTo(Grant o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return (group.isEmpty() ? "core" : group) + "/" + resource + ":" + verb + " @" + where;
        }
    }

    final Set<Grant> grants = new TreeSet<>();
    final List<String> problems = new ArrayList<>();

    private GrantedPermissions() {}

    static GrantedPermissions of(List<JsonNode> manifests, String serviceAccount, String releaseNamespace) {
        GrantedPermissions result = new GrantedPermissions();
        Map<String, JsonNode> clusterRoles = new HashMap<>();
        Map<String, JsonNode> roles = new HashMap<>();
        for (JsonNode doc : manifests) {
            String name = doc.path("metadata").path("name").asText();
            switch (doc.path("kind").asText()) {
                case "ClusterRole" -> clusterRoles.put(name, doc);
                case "Role" -> roles.put(namespaceOf(doc, releaseNamespace) + "/" + name, doc);
                default -> {
                    // not RBAC
                }
            }
        }
        for (JsonNode doc : manifests) {
            String kind = doc.path("kind").asText();
            if (!kind.equals("ClusterRoleBinding") && !kind.equals("RoleBinding")) {
                continue;
            }
            String binding = kind + " " + doc.path("metadata").path("name").asText();
            if (!result.bindsOnly(doc, binding, serviceAccount, releaseNamespace)) {
                continue;
            }
            String where = kind.equals("ClusterRoleBinding") ? EVERYWHERE : namespaceOf(doc, releaseNamespace);
            JsonNode ref = doc.path("roleRef");
            JsonNode role = switch (ref.path("kind").asText()) {
                case "ClusterRole" -> clusterRoles.get(ref.path("name").asText());
                case "Role" ->
                    kind.equals("RoleBinding")
                            ? roles.get(where + "/" + ref.path("name").asText())
                            : null;
                default -> null;
            };
            if (role == null) {
                result.problems.add(binding + " binds " + ref.path("kind").asText() + " "
                        + ref.path("name").asText() + ", which the chart does not define: its rules cannot be checked");
                continue;
            }
            result.add(role, where, binding);
        }
        return result;
    }

    private boolean bindsOnly(JsonNode binding, String name, String serviceAccount, String releaseNamespace) {
        boolean ours = false;
        for (JsonNode subject : binding.path("subjects")) {
            if (subject.path("kind").asText().equals("ServiceAccount")
                    && subject.path("name").asText().equals(serviceAccount)
                    && subject.path("namespace").asText(releaseNamespace).equals(releaseNamespace)) {
                ours = true;
            } else {
                problems.add(name + " binds another subject: " + subject);
            }
        }
        return ours;
    }

    private void add(JsonNode role, String where, String binding) {
        for (JsonNode rule : role.path("rules")) {
            if (rule.has("resourceNames") || rule.has("nonResourceURLs")) {
                problems.add(binding + ": rule " + rule + " uses resourceNames or nonResourceURLs, not modelled here");
                continue;
            }
            for (JsonNode group : rule.path("apiGroups")) {
                for (JsonNode resource : rule.path("resources")) {
                    for (JsonNode verb : rule.path("verbs")) {
                        grants.add(new Grant(group.asText(), resource.asText(), verb.asText(), where));
                    }
                }
            }
        }
    }

    private static String namespaceOf(JsonNode doc, String releaseNamespace) {
        String namespace = doc.path("metadata").path("namespace").asText("");
        return namespace.isEmpty() ? releaseNamespace : namespace;
    }
}

package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.common.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClusterExternalSecretStatus {
    public String externalSecretName;
    public List<FailedNamespace> failedNamespaces;
    public List<String> provisionedNamespaces;
    public List<Condition> conditions = new ArrayList<>();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class FailedNamespace {
        public String namespace;
        public String reason;

        public FailedNamespace() {}

        public FailedNamespace(String namespace, String reason) {
            this.namespace = namespace;
            this.reason = reason;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FailedNamespace o
                    && Objects.equals(namespace, o.namespace)
                    && Objects.equals(reason, o.reason);
        }

        @Override
        public int hashCode() {
            return Objects.hash(namespace, reason);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClusterExternalSecretStatus o
                && Objects.equals(externalSecretName, o.externalSecretName)
                && Objects.equals(failedNamespaces, o.failedNamespaces)
                && Objects.equals(provisionedNamespaces, o.provisionedNamespaces)
                && Objects.equals(conditions, o.conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(externalSecretName, failedNamespaces, provisionedNamespaces, conditions);
    }
}

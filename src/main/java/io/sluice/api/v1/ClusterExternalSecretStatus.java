package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.common.Condition;
import java.util.ArrayList;
import java.util.List;

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

        public FailedNamespace() {
        }

        public FailedNamespace(String namespace, String reason) {
            this.namespace = namespace;
            this.reason = reason;
        }
    }
}

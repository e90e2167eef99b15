package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;

/** Which namespaces may use a ClusterSecretStore; the entries are ORed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClusterSecretStoreCondition {
    public LabelSelector namespaceSelector;
    public List<String> namespaces;
    public List<String> namespaceRegexes;
}

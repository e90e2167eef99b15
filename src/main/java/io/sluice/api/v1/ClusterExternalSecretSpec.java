package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.sluice.api.common.DurationPattern;
import java.util.List;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClusterExternalSecretSpec {
    @Required
    public ExternalSecretSpec externalSecretSpec;
    /** Name of the ExternalSecret created in each namespace; defaults to the ClusterExternalSecret's name. */
    public String externalSecretName;

    public ExternalSecretMetadata externalSecretMetadata;
    /** Deprecated by ESO in favour of {@link #namespaceSelectors}; still honoured. */
    public LabelSelector namespaceSelector;

    public List<LabelSelector> namespaceSelectors;
    /** Deprecated by ESO; still honoured. */
    public List<String> namespaces;

    @Pattern(DurationPattern.GO_DURATION)
    public String refreshTime;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class ExternalSecretMetadata {
        public Map<String, String> labels;
        public Map<String, String> annotations;
    }
}

package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/** {@code spec.target.template}: how the target Secret is rendered from the fetched values. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "!has(self.type) || self.type != 'bootstrap.kubernetes.io/token'",
        message = "template type bootstrap.kubernetes.io/token is not allowed")
@ValidationRule(
        value =
                "!has(self.type) || self.type != 'kubernetes.io/service-account-token' || !has(self.metadata) || !has(self.metadata.annotations) || !('kubernetes.io/service-account.name' in self.metadata.annotations)",
        message = "template type kubernetes.io/service-account-token with a service account annotation is not allowed")
public class ExternalSecretTemplate {
    public String type;

    @Pattern("^v2$")
    public String engineVersion;

    public TemplateMetadata metadata;
    public MergePolicy mergePolicy;
    public Map<String, String> data;
    public List<TemplateFrom> templateFrom;

    public enum MergePolicy {
        Replace,
        Merge
    }
}

package io.sluice.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.sluice.api.v1.GeneratorRef;

/** The source of a push: one Secret, a labelled set of Secrets, or a generator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "has(self.secret) != has(self.generatorRef)",
        message = "exactly one of secret or generatorRef must be set")
public class PushSecretSelector {
    public SecretSource secret;
    public GeneratorRef generatorRef;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @ValidationRule(
            value = "has(self.name) != has(self.selector)",
            message = "exactly one of name or selector must be set")
    public static class SecretSource {
        public String name;
        public LabelSelector selector;
    }
}

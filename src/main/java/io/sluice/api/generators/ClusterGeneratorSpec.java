package io.sluice.api.generators;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * {@code ClusterGenerator.spec}: the kind, and the one spec of that kind. ESO lists more kinds; Sluice's schema
 * accepts those it implements, so another kind is refused when applied rather than ignored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "self.kind != 'ECRAuthorizationToken' || has(self.generator.ecrAuthorizationTokenSpec)",
        message = "kind ECRAuthorizationToken needs generator.ecrAuthorizationTokenSpec")
@ValidationRule(
        value = "self.kind != 'STSSessionToken' || has(self.generator.stsSessionTokenSpec)",
        message = "kind STSSessionToken needs generator.stsSessionTokenSpec")
@ValidationRule(
        value = "self.kind != 'Password' || has(self.generator.passwordSpec)",
        message = "kind Password needs generator.passwordSpec")
public class ClusterGeneratorSpec {
    @Required
    public Kind kind;

    @Required
    public GeneratorSpec generator;

    public enum Kind {
        ECRAuthorizationToken,
        STSSessionToken,
        Password
    }

    /** Exactly one of the specs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @ValidationRule(
            value = "(has(self.ecrAuthorizationTokenSpec) ? 1 : 0) + (has(self.stsSessionTokenSpec) ? 1 : 0)"
                    + " + (has(self.passwordSpec) ? 1 : 0) == 1",
            message = "exactly one generator spec must be set")
    public static class GeneratorSpec {
        public EcrAuthorizationTokenSpec ecrAuthorizationTokenSpec;
        public StsSessionTokenSpec stsSessionTokenSpec;
        public PasswordSpec passwordSpec;
    }
}

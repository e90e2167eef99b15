package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.ValidationRule;

/** {@code spec.target}: the Secret that Sluice writes and how it owns it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value =
                "!has(self.deletionPolicy) || self.deletionPolicy != 'Delete' || !has(self.creationPolicy) || self.creationPolicy == 'Owner'",
        message = "deletionPolicy=Delete requires creationPolicy=Owner")
@ValidationRule(
        value =
                "!has(self.deletionPolicy) || self.deletionPolicy != 'Merge' || !has(self.creationPolicy) || self.creationPolicy != 'None'",
        message = "deletionPolicy=Merge cannot be combined with creationPolicy=None")
public class ExternalSecretTarget {
    public String name;
    public CreationPolicy creationPolicy;
    public DeletionPolicy deletionPolicy;
    public ExternalSecretTemplate template;
    public ManifestReference manifest;
    public Boolean immutable;

    public enum CreationPolicy {
        Owner,
        Orphan,
        Merge,
        None,
        CreateOrMerge
    }

    public enum DeletionPolicy {
        Delete,
        Merge,
        Retain
    }

    /** Generic (non-Secret) targets; accepted by the schema, reported as unsupported. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class ManifestReference {
        public String apiVersion;
        public String kind;
    }
}

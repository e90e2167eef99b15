package io.sluice.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PushSecretData {
    @Required
    public PushSecretMatch match;
    /** Provider-specific metadata (AWS: PushSecretMetadata with tags, description, ...). */
    @PreserveUnknownFields
    public JsonNode metadata;

    public ConversionStrategy conversionStrategy;

    public enum ConversionStrategy {
        None,
        ReverseUnicode
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PushSecretData o
                && Objects.equals(match, o.match)
                && Objects.equals(metadata, o.metadata)
                && Objects.equals(conversionStrategy, o.conversionStrategy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(match, metadata, conversionStrategy);
    }
}

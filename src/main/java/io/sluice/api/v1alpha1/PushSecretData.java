package io.sluice.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PushSecretData {
    @Required
    public PushSecretMatch match;
    /** Provider-specific metadata (AWS: PushSecretMetadata with tags, description, ...). */
    @PreserveUnknownFields
    public JsonNode metadata;
    public ConversionStrategy conversionStrategy;

    public enum ConversionStrategy { None, ReverseUnicode }
}

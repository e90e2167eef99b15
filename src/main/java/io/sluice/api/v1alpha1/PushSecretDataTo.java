package io.sluice.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.sluice.api.v1.ExternalSecretRewrite;
import java.util.List;

/** Bulk push of the keys matching a pattern. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PushSecretDataTo {
    public PushSecretStoreRef storeRef;
    public String remoteKey;
    public Match match;
    public List<ExternalSecretRewrite> rewrite;

    @PreserveUnknownFields
    public JsonNode metadata;

    public PushSecretData.ConversionStrategy conversionStrategy;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Match {
        public String regexp;
    }
}

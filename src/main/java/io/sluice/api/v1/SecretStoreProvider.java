package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code spec.provider}: exactly one provider block. Sluice implements {@code aws} and {@code fake};
 * any other ESO provider is kept as an opaque block so that the manifest applies, and is then reported
 * as unsupported.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@PreserveUnknownFields
public class SecretStoreProvider {
    public AwsProvider aws;
    public FakeProvider fake;

    @JsonIgnore
    private final Map<String, Object> otherProviders = new TreeMap<>();

    @JsonAnySetter
    public void setOtherProvider(String name, Object block) {
        otherProviders.put(name, block);
    }

    @JsonAnyGetter
    public Map<String, Object> getOtherProviders() {
        return otherProviders;
    }
}

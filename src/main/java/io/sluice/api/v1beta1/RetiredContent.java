package io.sluice.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The spec or status of a retired version: a structural schema that keeps every field, so that the API server
 * prunes nothing from objects still stored in that version before it converts them.
 */
@PreserveUnknownFields
public class RetiredContent {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    @JsonAnyGetter
    public Map<String, Object> fields() {
        return fields;
    }

    @JsonAnySetter
    public void set(String name, Object value) {
        fields.put(name, value);
    }
}

package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A ConfigMap or Secret whose items hold templates ({@code templateFrom[].configMap/secret}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateRef {
    public String name;
    public List<Item> items;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Item {
        public String key;
        public TemplateAs templateAs;
    }

    public enum TemplateAs {
        Values,
        KeysAndValues
    }
}

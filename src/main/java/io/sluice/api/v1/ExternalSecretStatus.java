package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.common.Condition;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExternalSecretStatus {
    public String refreshTime;
    public String syncedResourceVersion;
    public Binding binding;
    public List<Condition> conditions = new ArrayList<>();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Binding {
        public String name;

        public Binding() {
        }

        public Binding(String name) {
            this.name = name;
        }
    }
}

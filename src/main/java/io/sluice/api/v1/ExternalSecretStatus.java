package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.common.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExternalSecretStatus {
    public String refreshTime;
    public String syncedResourceVersion;
    public Binding binding;
    public List<Condition> conditions = new ArrayList<>();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Binding {
        public String name;

        public Binding() {}

        public Binding(String name) {
            this.name = name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Binding o && Objects.equals(name, o.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExternalSecretStatus o
                && Objects.equals(refreshTime, o.refreshTime)
                && Objects.equals(syncedResourceVersion, o.syncedResourceVersion)
                && Objects.equals(binding, o.binding)
                && Objects.equals(conditions, o.conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(refreshTime, syncedResourceVersion, binding, conditions);
    }
}

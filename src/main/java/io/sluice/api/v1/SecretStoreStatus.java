package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.common.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretStoreStatus {
    public List<Condition> conditions = new ArrayList<>();
    public Capabilities capabilities;

    public enum Capabilities {
        ReadOnly,
        WriteOnly,
        ReadWrite
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretStoreStatus o
                && Objects.equals(conditions, o.conditions)
                && Objects.equals(capabilities, o.capabilities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(conditions, capabilities);
    }
}

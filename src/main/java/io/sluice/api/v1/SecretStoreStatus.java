package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.common.Condition;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretStoreStatus {
    public List<Condition> conditions = new ArrayList<>();
    public Capabilities capabilities;

    public enum Capabilities { ReadOnly, WriteOnly, ReadWrite }
}

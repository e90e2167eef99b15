package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Per-entry override of the store ({@code data[].sourceRef} and {@code dataFrom[].sourceRef}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StoreSourceRef {
    public SecretStoreRef storeRef;
    public GeneratorRef generatorRef;
}

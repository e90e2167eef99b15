package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A reference to an ESO generator. Accepted by the schema; Sluice reports generators as unsupported. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GeneratorRef {
    public String apiVersion;
    public String kind;
    public String name;
}

package io.sluice.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A ServiceAccount whose token is minted with the TokenRequest API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceAccountSelector {
    public String name;
    public String namespace;
    public List<String> audiences;
}

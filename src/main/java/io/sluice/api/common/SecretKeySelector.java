package io.sluice.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A key in a Kubernetes Secret; {@code namespace} is honoured only for cluster-scoped stores. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretKeySelector {
    public String name;
    public String namespace;
    public String key;
}

package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;

/** Names a SecretStore (same namespace) or a ClusterSecretStore; an empty kind means SecretStore. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretStoreRef {
    public static final String SECRET_STORE = "SecretStore";
    public static final String CLUSTER_SECRET_STORE = "ClusterSecretStore";

    public String name;

    @Pattern("^(SecretStore|ClusterSecretStore)?$")
    public String kind;

    public SecretStoreRef() {}

    public SecretStoreRef(String name, String kind) {
        this.name = name;
        this.kind = kind;
    }

    @JsonIgnore
    public boolean isClusterStore() {
        return CLUSTER_SECRET_STORE.equals(kind);
    }
}

package io.sluice.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.kubernetes.api.model.LabelSelector;

/** A store to push to, by name or by label selector; kind defaults to SecretStore. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PushSecretStoreRef {
    public String name;
    public LabelSelector labelSelector;

    @Pattern("^(SecretStore|ClusterSecretStore)?$")
    public String kind;
}

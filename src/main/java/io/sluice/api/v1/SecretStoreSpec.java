package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.List;

/** Shared by SecretStore and ClusterSecretStore ({@code conditions} is meaningful for the latter only). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretStoreSpec {
    public String controller;

    @Required
    public SecretStoreProvider provider;

    public RetrySettings retrySettings;
    /** Revalidation period: whole seconds or a duration string; empty or 0 means the operator default. */
    public IntOrString refreshInterval;

    public List<ClusterSecretStoreCondition> conditions;
}

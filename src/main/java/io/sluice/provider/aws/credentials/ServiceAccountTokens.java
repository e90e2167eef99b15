package io.sluice.provider.aws.credentials;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.provider.ProviderConfigurationException;
import java.util.List;

/** Reads ServiceAccounts and mints their tokens with the TokenRequest API. */
public final class ServiceAccountTokens {
    /** The shortest lifetime the API server accepts; the token is used once, for AssumeRoleWithWebIdentity. */
    static final long TOKEN_SECONDS = 600;

    private final KubernetesClient kubernetes;

    public ServiceAccountTokens(KubernetesClient kubernetes) {
        this.kubernetes = kubernetes;
    }

    ServiceAccount get(String namespace, String name) {
        ServiceAccount account = KubernetesErrors.call(
                "read service account " + namespace + "/" + name,
                () -> kubernetes
                        .serviceAccounts()
                        .inNamespace(namespace)
                        .withName(name)
                        .get());
        if (account == null) {
            throw new ProviderConfigurationException("service account " + namespace + "/" + name + " not found");
        }
        return account;
    }

    /** A fresh token for the ServiceAccount with the given audiences. */
    public String mint(String namespace, String name, List<String> audiences) {
        TokenRequest request = new TokenRequestBuilder()
                .withNewSpec()
                .withAudiences(audiences)
                .withExpirationSeconds(TOKEN_SECONDS)
                .endSpec()
                .build();
        TokenRequest response = KubernetesErrors.call(
                "create a token for service account " + namespace + "/" + name,
                () -> kubernetes
                        .serviceAccounts()
                        .inNamespace(namespace)
                        .withName(name)
                        .tokenRequest(request));
        if (response == null
                || response.getStatus() == null
                || response.getStatus().getToken() == null) {
            throw new ProviderConfigurationException(
                    "the API server returned no token for service account " + namespace + "/" + name);
        }
        return response.getStatus().getToken();
    }
}

package io.sluice.provider.aws.credentials;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.kube.ApiErrors;
import io.sluice.provider.ProviderConfigurationException;
import io.sluice.provider.ProviderException;
import io.sluice.provider.RetryableProviderException;
import java.util.function.Supplier;

/** Kubernetes API failures met while resolving credentials, as typed provider errors. */
final class KubernetesErrors {
    private KubernetesErrors() {}

    static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (KubernetesClientException e) {
            throw classify(what, e);
        }
    }

    static ProviderException classify(String what, KubernetesClientException e) {
        int code = e.getCode();
        String message = "cannot " + what + ": " + ApiErrors.describe(e);
        if (code == 0 || code == 429 || code >= 500) {
            return new RetryableProviderException(message, null);
        }
        return new ProviderConfigurationException(message);
    }
}

package io.sluice.kube;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Asks the API server whether it would create a Secret, without creating it: a server-side dry run
 * ({@code dryRun=All}) runs validation and admission (webhooks, policies) and persists nothing. A dry-run create
 * under a name that is taken fails with AlreadyExists, so the probe goes under a generated name; everything the
 * API server checks about a Secret's content is independent of its name.
 *
 * <p>The fabric8 test server ignores {@code dryRun} and would really create the probe, so tests replace this
 * bean; {@code SecretCreateDryRunTest} checks the request it sends.
 */
@Singleton
public class SecretCreateDryRun {
    private final KubernetesClient client;

    public SecretCreateDryRun(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Why the API server would refuse the Secret, or empty when it would accept it. The reason names the HTTP
     * status and the offending fields, never the server's message (which may quote a value). Errors that say
     * nothing about the Secret (network, throttling, server errors) are thrown.
     */
    public Optional<String> refusal(Secret secret) {
        Secret probe = new SecretBuilder(secret)
                .editMetadata()
                .withName(null)
                .withGenerateName(secret.getMetadata().getName() + "-")
                .withResourceVersion(null)
                .withUid(null)
                .endMetadata()
                .build();
        try {
            client.secrets()
                    .inNamespace(secret.getMetadata().getNamespace())
                    .resource(probe)
                    .dryRun()
                    .create();
            return Optional.empty();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 400 || e.getCode() == 403 || e.getCode() == 422) {
                return Optional.of(describe(e));
            }
            throw e;
        }
    }

    static String describe(KubernetesClientException e) {
        StringBuilder sb = new StringBuilder("HTTP ").append(e.getCode());
        var status = e.getStatus();
        if (status != null && status.getReason() != null) {
            sb.append(' ').append(status.getReason());
        }
        if (status != null && status.getDetails() != null && status.getDetails().getCauses() != null) {
            String fields = status.getDetails().getCauses().stream()
                    .map(StatusCause::getField)
                    .filter(Objects::nonNull)
                    .distinct()
                    .collect(Collectors.joining(", "));
            if (!fields.isEmpty()) {
                sb.append(" (").append(fields).append(')');
            }
        }
        return sb.toString();
    }
}

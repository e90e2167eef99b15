package io.sluice.provider.aws;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A fabric8 mock API server (CRUD for Secrets and ServiceAccounts, plus a TokenRequest endpoint that
 * records what was asked and answers with a JWT-shaped token) and a client for it.
 */
final class KubernetesFixture implements AutoCloseable {
    /** One TokenRequest as received: who, for which audiences, and the token handed out. */
    record MintedToken(String namespace, String serviceAccount, List<String> audiences, String token) {}

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final List<MintedToken> minted = new CopyOnWriteArrayList<>();

    KubernetesFixture() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(
                new Context(), new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), false);
        server.init();
        client = server.createClient();
    }

    KubernetesClient client() {
        return client;
    }

    void secret(String namespace, String name, Map<String, String> data) {
        Map<String, String> encoded = data.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        e -> Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8))));
        client.secrets()
                .inNamespace(namespace)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(namespace)
                        .endMetadata()
                        .withData(encoded)
                        .build())
                .createOr(r -> r.update());
    }

    /** A ServiceAccount with the given annotations whose tokens can be requested. */
    void serviceAccount(String namespace, String name, Map<String, String> annotations) {
        client.serviceAccounts()
                .inNamespace(namespace)
                .resource(new ServiceAccountBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(namespace)
                        .withAnnotations(annotations)
                        .endMetadata()
                        .build())
                .createOr(r -> r.update());
        server.expect()
                .post()
                .withPath("/api/v1/namespaces/" + namespace + "/serviceaccounts/" + name + "/token")
                .andReply(201, request -> {
                    TokenRequest tokenRequest =
                            Serialization.unmarshal(request.getBody().readUtf8(), TokenRequest.class);
                    List<String> audiences = tokenRequest.getSpec().getAudiences();
                    String token = jwt(namespace, name, audiences, minted.size() + 1);
                    minted.add(new MintedToken(namespace, name, audiences, token));
                    tokenRequest.setStatus(new TokenRequestStatus(
                            Instant.now().plusSeconds(600).toString(), token));
                    return tokenRequest;
                })
                .always();
    }

    List<MintedToken> minted() {
        return List.copyOf(minted);
    }

    private static String jwt(String namespace, String name, List<String> audiences, int serial) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = "{\"sub\":\"system:serviceaccount:" + namespace + ":" + name + "\",\"aud\":"
                + audiences.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(",", "[", "]"))
                + ",\"jti\":\"" + serial + "\"}";
        return header + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}

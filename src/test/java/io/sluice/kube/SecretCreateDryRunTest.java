package io.sluice.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The request the dry run sends, and how the answer is read. The fabric8 CRUD test server ignores
 * {@code dryRun=All} (it would create the probe), so the test server in expectation mode answers as the API server
 * would.
 */
@Tag("slow")
class SecretCreateDryRunTest {
    private static final String PATH = "/api/v1/namespaces/ns/secrets?dryRun=All";

    private KubernetesMockServer server;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        server = new KubernetesMockServer(false);
        server.init();
        client = server.createClient();
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    @Test
    void theProbeIsADryRunUnderAGeneratedNameWithTheSameContent() throws InterruptedException {
        Secret wanted = secret();
        server.expect().post().withPath(PATH).andReturn(201, wanted).once();

        assertEquals(Optional.empty(), new SecretCreateDryRun(client).refusal(wanted));

        RecordedRequest request = server.takeRequest();
        assertEquals(PATH, request.getPath());
        Secret probe = Serialization.unmarshal(request.getUtf8Body(), Secret.class);
        assertNull(probe.getMetadata().getName(), "a dry-run create under the taken name fails with AlreadyExists");
        assertEquals("app-", probe.getMetadata().getGenerateName());
        assertNull(probe.getMetadata().getResourceVersion());
        assertNull(probe.getMetadata().getUid());
        assertEquals(wanted.getType(), probe.getType());
        assertEquals(wanted.getData(), probe.getData());
        assertEquals(wanted.getMetadata().getLabels(), probe.getMetadata().getLabels());
    }

    @Test
    void aRefusalNamesTheStatusAndTheFieldsButNeverTheServersMessage() {
        server.expect()
                .post()
                .withPath(PATH)
                .andReturn(
                        422,
                        new StatusBuilder()
                                .withCode(422)
                                .withReason("Invalid")
                                .withMessage("Secret \"app\" is invalid: data[tls.key]: Invalid value: \"s3cr3t\"")
                                .withNewDetails()
                                .addNewCause()
                                .withField("data[tls.key]")
                                .withMessage("Invalid value: \"s3cr3t\"")
                                .endCause()
                                .endDetails()
                                .build())
                .once();

        Optional<String> refusal = new SecretCreateDryRun(client).refusal(secret());

        assertEquals(Optional.of("HTTP 422 Invalid (data[tls.key])"), refusal);
    }

    @Test
    void anErrorThatSaysNothingAboutTheSecretIsThrown() {
        server.expect()
                .post()
                .withPath(PATH)
                .andReturn(401, new StatusBuilder().withCode(401).build())
                .once();
        KubernetesClientException e =
                assertThrows(KubernetesClientException.class, () -> new SecretCreateDryRun(client).refusal(secret()));
        assertEquals(401, e.getCode());
    }

    private static Secret secret() {
        return new SecretBuilder()
                .withNewMetadata()
                .withNamespace("ns")
                .withName("app")
                .withUid("u")
                .withResourceVersion("3")
                .addToLabels("team", "a")
                .endMetadata()
                .withType("kubernetes.io/tls")
                .addToData("tls.crt", "Yw==")
                .addToData("tls.key", "aw==")
                .build();
    }
}

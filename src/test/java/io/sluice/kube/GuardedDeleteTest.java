package io.sluice.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.utils.ResponseProvider;
import io.sluice.api.v1.ExternalSecret;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The delete request carries the uid (and resourceVersion) preconditions. The fabric8 CRUD test server ignores a
 * delete's body, so here the test server in expectation mode plays the API server's precondition check: 200 when
 * the preconditions match the object stored under the name, 409 Conflict otherwise.
 */
@Tag("slow")
class GuardedDeleteTest {
    private static final String PATH = "/api/v1/namespaces/ns/secrets/app";

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
    void theDeleteCarriesTheUidPreconditionAndTheServerRefusesAnotherObject() {
        PreconditionCheck apiServer = new PreconditionCheck("uid-current", "7");
        server.expect().delete().withPath(PATH).andReply(apiServer).always();

        assertTrue(GuardedDelete.delete(client, secret("uid-current", "7"), false));
        DeleteOptions sent = apiServer.received.get(0);
        assertEquals("uid-current", sent.getPreconditions().getUid());
        assertEquals(null, sent.getPreconditions().getResourceVersion(), "uid only unless asked");

        KubernetesClientException e = assertThrows(
                KubernetesClientException.class,
                () -> GuardedDelete.delete(client, secret("uid-of-a-secret-deleted-meanwhile", "7"), false));
        assertEquals(409, e.getCode());
    }

    @Test
    void unchangedOnlyAlsoRequiresTheResourceVersionThatWasRead() {
        PreconditionCheck apiServer = new PreconditionCheck("uid-current", "8");
        server.expect().delete().withPath(PATH).andReply(apiServer).always();

        KubernetesClientException e = assertThrows(
                KubernetesClientException.class, () -> GuardedDelete.delete(client, secret("uid-current", "7"), true));
        assertEquals(409, e.getCode());
        DeleteOptions sent = apiServer.received.get(0);
        assertEquals("7", sent.getPreconditions().getResourceVersion());
        assertTrue(GuardedDelete.delete(client, secret("uid-current", "8"), true));
    }

    @Test
    void anObjectAlreadyGoneCountsAsNotDeleted() {
        server.expect()
                .delete()
                .withPath(PATH)
                .andReturn(404, new StatusBuilder().withCode(404).build())
                .once();
        assertFalse(GuardedDelete.delete(client, secret("uid-current", "7"), false));
    }

    @Test
    void thePathFollowsTheKindsApiGroup() {
        ExternalSecret es = new ExternalSecret();
        es.setMetadata(secret("u", "1").getMetadata());
        assertEquals("/apis/external-secrets.io/v1/namespaces/ns/externalsecrets/app", GuardedDelete.path(es));
        assertEquals(PATH, GuardedDelete.path(secret("u", "1")));
    }

    private static Secret secret(String uid, String resourceVersion) {
        return new SecretBuilder()
                .withNewMetadata()
                .withNamespace("ns")
                .withName("app")
                .withUid(uid)
                .withResourceVersion(resourceVersion)
                .endMetadata()
                .build();
    }

    /** The API server's rule: every precondition given must equal the stored object's field. */
    private static final class PreconditionCheck implements ResponseProvider<Object> {
        private final String storedUid;
        private final String storedVersion;
        final List<DeleteOptions> received = new CopyOnWriteArrayList<>();
        private int lastCode;

        PreconditionCheck(String storedUid, String storedVersion) {
            this.storedUid = storedUid;
            this.storedVersion = storedVersion;
        }

        @Override
        public int getStatusCode(RecordedRequest request) {
            // the body can be read once; the status code is asked for first
            DeleteOptions options = Serialization.unmarshal(request.getUtf8Body(), DeleteOptions.class);
            received.add(options);
            var p = options == null ? null : options.getPreconditions();
            boolean holds = p != null
                    && p.getUid() != null
                    && Objects.equals(p.getUid(), storedUid)
                    && (p.getResourceVersion() == null || p.getResourceVersion().equals(storedVersion));
            lastCode = holds ? 200 : 409;
            return lastCode;
        }

        @Override
        public Object getBody(RecordedRequest request) {
            return new StatusBuilder()
                    .withCode(lastCode)
                    .withStatus(lastCode == 200 ? "Success" : "Failure")
                    .withReason(lastCode == 200 ? null : "Conflict")
                    .build();
        }

        @Override
        public Headers getHeaders() {
            return new Headers.Builder().build();
        }

        @Override
        public void setHeaders(Headers headers) {}
    }
}

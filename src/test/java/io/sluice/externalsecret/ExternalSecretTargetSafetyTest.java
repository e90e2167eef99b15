package io.sluice.externalsecret;

import static io.sluice.testing.Fixtures.entry;
import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.fakeStore;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretTarget;
import io.sluice.api.v1.ExternalSecretTarget.CreationPolicy;
import io.sluice.api.v1.ExternalSecretTemplate;
import io.sluice.testing.TestServerSecretCreateDryRun;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A sync never destroys a Secret: a type change is checked before anything is deleted, a Secret that this
 * ExternalSecret does not control is never deleted to be changed, and a failed re-create puts the old one back.
 * The test server accepts any Secret type and ignores dry runs; see {@link TestServerSecretCreateDryRun}.
 */
@QuarkusTest
@Tag("slow")
@WithKubernetesTestServer(crud = true)
class ExternalSecretTargetSafetyTest {
    private static final String TLS = "kubernetes.io/tls";

    @Inject
    KubernetesClient client;

    @Inject
    TestServerSecretCreateDryRun dryRun;

    @KubernetesTestServer
    KubernetesServer server;

    private TestNamespace t;

    @BeforeEach
    void namespace() {
        t = new TestNamespace(client);
        client.resource(fakeStore(t.ns, "fake", entry("token", "v1"))).create();
    }

    @AfterEach
    void cleanUp() {
        t.deleteAllExternalSecrets();
    }

    @Test
    void aTypeChangeTheApiServerWouldRefuseLeavesTheSecretAsItWas() {
        client.resource(owner(es("app"), "app")).create();
        t.awaitData("app", Map.of("token", "v1"));
        Secret before = t.secret("app");

        edit(e -> withTemplate(e, TLS, null));

        Condition ready = t.awaitReady("app", "False", TLS);
        assertEquals("could not update secret: type kubernetes.io/tls requires the key tls.crt", ready.message);
        assertSameSecret(before, t.secret("app"));
    }

    @Test
    void aSecretThisExternalSecretDoesNotControlNeverChangesItsType() {
        String name = "sh.helm.release.v1.app.v1";
        Secret release = client.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withNamespace(t.ns)
                        .withName(name)
                        .addToLabels("owner", "helm")
                        .addToLabels("status", "deployed")
                        .endMetadata()
                        .withType("helm.sh/release.v1")
                        .addToData("release", base64("H4sIAAAAAAAC/release-payload"))
                        .build())
                .create();

        client.resource(owner(es("app"), name)).create();

        Condition ready = t.awaitReady("app", "False", "controls");
        assertEquals(
                "could not update secret: its type is helm.sh/release.v1, the ExternalSecret asks for Opaque, and "
                        + "the type of a Secret cannot change in place; Sluice replaces only a Secret this ExternalSecret "
                        + "controls, and this one it does not",
                ready.message);
        assertSameSecret(release, t.secret(name));
    }

    @Test
    void aTypeChangeTheDryRunRefusesDeletesNothing() {
        client.resource(owner(es("app"), "app")).create();
        t.awaitData("app", Map.of("token", "v1"));
        Secret before = t.secret("app");
        int asked = dryRun.asked();
        dryRun.refuse(t.ns, "app");

        edit(e -> withTemplate(e, TLS, Map.of("tls.crt", "{{ .token }}", "tls.key", "{{ .token }}")));

        Condition ready = t.awaitReady("app", "False", "would refuse");
        assertEquals(
                "could not replace secret app to change its type: the API server would refuse the new one ("
                        + TestServerSecretCreateDryRun.REFUSAL + "); the existing secret is kept",
                ready.message);
        assertTrue(dryRun.asked() > asked);
        assertSameSecret(before, t.secret("app"));
    }

    @Test
    void aTypeChangeOfAControlledSecretReplacesIt() {
        client.resource(owner(es("app"), "app")).create();
        t.awaitData("app", Map.of("token", "v1"));
        String uid = t.secret("app").getMetadata().getUid();

        edit(e -> withTemplate(e, TLS, Map.of("tls.crt", "{{ .token }}", "tls.key", "{{ .token }}")));

        Secret replaced = await().atMost(TestNamespace.WAIT)
                .until(() -> t.secret("app"), s -> s != null && TLS.equals(s.getType()));
        assertEquals(Map.of("tls.crt", "v1", "tls.key", "v1"), t.data("app"));
        assertNotEquals(uid, replaced.getMetadata().getUid());
        assertTrue(SecretPlanner.isControlledBy(replaced, t.es("app")));
    }

    @Test
    void whenTheCreateFailsAfterTheDeleteTheOldSecretIsRestored() {
        client.resource(owner(es("app"), "app")).create();
        t.awaitData("app", Map.of("token", "v1"));
        Secret before = t.secret("app");
        // the first create is refused after the delete went through (a webhook that the dry run did not see);
        // later attempts stop at the dry run, so the restored Secret stays
        dryRun.refuseAfter(t.ns, "app", 1);
        server.expect()
                .post()
                .withPath("/api/v1/namespaces/" + t.ns + "/secrets")
                .andReturn(
                        422,
                        new StatusBuilder()
                                .withCode(422)
                                .withReason("Invalid")
                                .withMessage("Secret \"app\" is invalid: data[tls.crt]: Invalid value: \"v1\"")
                                .build())
                .once();

        edit(e -> withTemplate(e, TLS, Map.of("tls.crt", "{{ .token }}", "tls.key", "{{ .token }}")));

        t.awaitReady("app", "False", "would refuse");
        var restoredEvent = client.v1().events().inNamespace(t.ns).list().getItems().stream()
                .filter(e -> e.getMessage() != null && e.getMessage().contains("restored"))
                .findFirst();
        assertTrue(restoredEvent.isPresent(), "the failed replacement is reported");
        assertEquals(
                "could not replace secret app to change its type (HTTP 422 Invalid); the old secret was restored",
                restoredEvent.get().getMessage());
        Secret restored = t.secret("app");
        assertNotNull(restored, "the old Secret is back");
        assertEquals(before.getType(), restored.getType());
        assertEquals(before.getData(), restored.getData());
        assertEquals(before.getMetadata().getLabels(), restored.getMetadata().getLabels());
        assertEquals(
                before.getMetadata().getAnnotations(), restored.getMetadata().getAnnotations());
        assertEquals(
                before.getMetadata().getOwnerReferences(),
                restored.getMetadata().getOwnerReferences());
        assertFalse(
                client.v1().events().inNamespace(t.ns).list().getItems().stream()
                        .anyMatch(e -> e.getMessage() != null && e.getMessage().contains("Invalid value")),
                "the API server's message (which quotes the value) is not repeated");
    }

    /** Edits the ExternalSecret, again if the reconciler wrote its status in between. */
    private void edit(java.util.function.UnaryOperator<ExternalSecret> change) {
        t.awaitReady("app", "True");
        await().atMost(TestNamespace.WAIT)
                .ignoreExceptionsMatching(e -> e instanceof KubernetesClientException k && k.getCode() == 409)
                .until(() -> t.editEs("app", change) != null);
    }

    /** Byte for byte: the same object (uid), type, data, labels and annotations. */
    private static void assertSameSecret(Secret before, Secret after) {
        assertNotNull(after, "the Secret must survive");
        assertEquals(before.getMetadata().getUid(), after.getMetadata().getUid());
        assertEquals(
                before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion());
        assertEquals(before.getType(), after.getType());
        assertEquals(before.getData(), after.getData());
        assertEquals(before.getMetadata().getLabels(), after.getMetadata().getLabels());
        assertEquals(before.getMetadata().getAnnotations(), after.getMetadata().getAnnotations());
    }

    private ExternalSecret es(String name) {
        return withData(externalSecret(t.ns, name, "fake", "1h"), "token", "token", null);
    }

    private static ExternalSecret owner(ExternalSecret es, String targetName) {
        es.getSpec().target = new ExternalSecretTarget();
        es.getSpec().target.name = targetName;
        es.getSpec().target.creationPolicy = CreationPolicy.Owner;
        return es;
    }

    private static ExternalSecret withTemplate(ExternalSecret es, String type, Map<String, String> data) {
        es.getSpec().target.template = new ExternalSecretTemplate();
        es.getSpec().target.template.type = type;
        es.getSpec().target.template.data = data;
        return es;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}

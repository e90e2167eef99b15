package io.sluice.redaction;

import static io.sluice.testing.Fixtures.entry;
import static io.sluice.testing.Fixtures.externalSecret;
import static io.sluice.testing.Fixtures.fakeStore;
import static io.sluice.testing.Fixtures.withData;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.sluice.api.common.Condition;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretDataFrom;
import io.sluice.api.v1.ExternalSecretFind;
import io.sluice.api.v1.ExternalSecretTarget;
import io.sluice.api.v1.ExternalSecretTemplate;
import io.sluice.api.v1.FindName;
import io.sluice.api.v1.RemoteRef;
import io.sluice.api.v1.TemplateFrom;
import io.sluice.api.v1.TemplateMetadata;
import io.sluice.api.v1.TemplateRef;
import io.sluice.api.v1alpha1.PushSecret;
import io.sluice.api.v1alpha1.PushSecretData;
import io.sluice.api.v1alpha1.PushSecretMatch;
import io.sluice.api.v1alpha1.PushSecretRemoteRef;
import io.sluice.api.v1alpha1.PushSecretSelector;
import io.sluice.api.v1alpha1.PushSecretSpec;
import io.sluice.api.v1alpha1.PushSecretStoreRef;
import io.sluice.status.Conditions;
import io.sluice.testing.LogCapture;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Values reach Sluice through every path a tenant can steer (data, extract, find, templates, templateFrom
 * ConfigMaps and Secrets, push, the API server's answers); each path is made to fail while it holds a marker,
 * and the marker must appear in no status, no Event and no log line. The marker holds a space and a '!', so it
 * is neither a valid label value nor a valid key: a real API server would refuse it and quote it back.
 */
@QuarkusTest
@Tag("slow")
@WithKubernetesTestServer(crud = true)
class SecretValuesNeverLeakTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    KubernetesClient client;

    @KubernetesTestServer
    KubernetesServer server;

    private final String ns = "leak-" + UUID.randomUUID().toString().substring(0, 8);
    private final String marker = "LEAK " + UUID.randomUUID().toString().substring(0, 8) + " !";

    @Test
    void noPathCopiesAValueIntoStatusEventsOrLogs() {
        client.resource(fakeStore(ns, "fake", entry("plain", marker), entry("json", "{\"a\":\"" + marker + "\"}")))
                .create();
        // a Secret the tenant may not read: templateFrom.secret plus a refused label must not reveal it
        client.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withNamespace(ns)
                        .withName("victim")
                        .endMetadata()
                        .withStringData(Map.of("token", marker))
                        .build())
                .create();
        client.resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withNamespace(ns)
                        .withName("tpl")
                        .endMetadata()
                        .withData(Map.of("labels", "leak: \"{{ .plain }}\""))
                        .build())
                .create();

        try (LogCapture logs = LogCapture.start()) {
            create(dataProperty("data"));
            create(extract("extract"));
            create(find("find"));
            create(templateLabel("template-label"));
            create(templateFromConfigMapLabels("configmap-labels"));
            create(templateFromSecretLabel("secret-label"));
            create(renderedAnnotationKey("rendered-key"));
            client.resource(new SecretBuilder()
                            .withNewMetadata()
                            .withNamespace(ns)
                            .withName("push-source")
                            .endMetadata()
                            .withStringData(Map.of("token", marker))
                            .build())
                    .create();
            client.resource(push("push")).create();

            assertTrue(message("data").contains("property a.b"), message("data"));
            assertTrue(message("extract").contains("plain"), message("extract"));
            assertTrue(message("find").contains("decod"), message("find"));
            assertEquals(
                    "could not update secret: the API server would refuse it: the value of label leak: "
                            + "a label value must be at most 63 characters, empty or beginning and ending with a letter or digit, "
                            + "with only letters, digits, '-', '_' and '.'",
                    message("template-label"));
            assertTrue(
                    message("configmap-labels")
                            .contains("the value of label rendered by a template (its text is " + "not shown)"),
                    message("configmap-labels"));
            assertTrue(
                    message("secret-label").contains("the value of label token: a label value must"),
                    message("secret-label"));
            assertTrue(
                    message("rendered-key")
                            .contains("annotation key rendered by a template (its text is not "
                                    + "shown): an annotation key must be a qualified name"),
                    message("rendered-key"));
            Condition pushed =
                    await().atMost(WAIT).until(() -> pushReady("push"), c -> c != null && "False".equals(c.status));
            assertTrue(pushed.message.contains("b64dec"), pushed.message);

            for (String refused : List.of("template-label", "configmap-labels", "secret-label", "rendered-key")) {
                // the False condition above was written by the reconcile that would have written the Secret
                assertNull(client.secrets().inNamespace(ns).withName(refused).get(), refused);
            }
            assertNothingLeaked(
                    logs,
                    List.of(
                            "data",
                            "extract",
                            "find",
                            "template-label",
                            "configmap-labels",
                            "secret-label",
                            "rendered-key"));
            assertFalse(pushed.message.contains(marker), pushed.message);
        }
    }

    @Test
    void theApiServersRefusalIsReportedWithoutTheValueItQuotes() {
        client.resource(fakeStore(ns, "fake", entry("plain", "fine"))).create();
        server.expect()
                .post()
                .withPath("/api/v1/namespaces/" + ns + "/secrets")
                .andReturn(422, invalidLabel("app"))
                .always();
        try (LogCapture logs = LogCapture.start()) {
            create(withData(externalSecret(ns, "app", "fake", "1h"), "k", "plain", null));

            assertEquals(
                    "could not update secret: HTTP 422 Invalid: Secret app: metadata.labels (FieldValueInvalid)",
                    message("app"));
            assertNothingLeaked(logs, List.of("app"));
        }
    }

    /** kube-apiserver's answer to a label value it refuses; the value is in the message and in the cause. */
    private Status invalidLabel(String name) {
        String rule = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', "
                + "and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', "
                + "regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
        return Serialization.unmarshal("""
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                 "message":"Secret \\"%1$s\\" is invalid: metadata.labels: Invalid value: \\"%2$s\\": %3$s",
                 "reason":"Invalid",
                 "details":{"name":"%1$s","kind":"Secret","causes":[
                   {"reason":"FieldValueInvalid","message":"Invalid value: \\"%2$s\\": %3$s","field":"metadata.labels"}]},
                 "code":422}
                """.formatted(name, marker, rule), Status.class);
    }

    private void assertNothingLeaked(LogCapture logs, List<String> names) {
        for (String name : names) {
            assertTrue(
                    logs.lines().stream().anyMatch(l -> l.contains("sync failed") && l.contains(name)),
                    "the capture sees the failure log line of " + name);
            assertFalse(message(name).contains(marker), message(name));
        }
        var events = client.v1().events().inNamespace(ns).list().getItems();
        assertTrue(events.size() >= names.size(), "every failure is reported as an event");
        events.forEach(e -> assertFalse(e.getMessage().contains(marker), e.getMessage()));
        logs.lines().forEach(line -> assertFalse(line.contains(marker), line));
        client.resources(ExternalSecret.class)
                .inNamespace(ns)
                .list()
                .getItems()
                .forEach(es -> assertFalse(
                        Serialization.asJson(es.getStatus()).contains(marker),
                        es.getMetadata().getName()));
    }

    private void create(ExternalSecret es) {
        client.resource(es).create();
    }

    private String message(String name) {
        return await().atMost(WAIT)
                .until(
                        () -> {
                            ExternalSecret es = client.resources(ExternalSecret.class)
                                    .inNamespace(ns)
                                    .withName(name)
                                    .get();
                            return es == null || es.getStatus() == null
                                    ? null
                                    : Conditions.find(es.getStatus().conditions, "Ready");
                        },
                        c -> c != null && "False".equals(c.status))
                .message;
    }

    private Condition pushReady(String name) {
        PushSecret ps = client.resources(PushSecret.class)
                .inNamespace(ns)
                .withName(name)
                .get();
        return ps == null || ps.getStatus() == null ? null : Conditions.find(ps.getStatus().conditions, "Ready");
    }

    private ExternalSecret dataProperty(String name) {
        return withData(externalSecret(ns, name, "fake", "1h"), "k", "plain", "a.b");
    }

    private ExternalSecret extract(String name) {
        ExternalSecret es = externalSecret(ns, name, "fake", "1h");
        ExternalSecretDataFrom from = new ExternalSecretDataFrom();
        from.extract = new RemoteRef();
        from.extract.key = "plain";
        es.getSpec().dataFrom = new ArrayList<>(List.of(from));
        return es;
    }

    private ExternalSecret find(String name) {
        ExternalSecret es = externalSecret(ns, name, "fake", "1h");
        ExternalSecretDataFrom from = new ExternalSecretDataFrom();
        from.find = new ExternalSecretFind();
        from.find.name = new FindName();
        from.find.name.regexp = "^plain$";
        from.find.decodingStrategy = RemoteRef.DecodingStrategy.Base64;
        es.getSpec().dataFrom = new ArrayList<>(List.of(from));
        return es;
    }

    private ExternalSecret templated(String name) {
        ExternalSecret es = withData(externalSecret(ns, name, "fake", "1h"), "plain", "plain", null);
        es.getSpec().target = new ExternalSecretTarget();
        es.getSpec().target.template = new ExternalSecretTemplate();
        es.getSpec().target.template.data = Map.of("out", "fixed");
        return es;
    }

    private ExternalSecret templateLabel(String name) {
        ExternalSecret es = templated(name);
        es.getSpec().target.template.metadata = new TemplateMetadata();
        es.getSpec().target.template.metadata.labels = Map.of("leak", "{{ .plain }}");
        return es;
    }

    private ExternalSecret templateFromConfigMapLabels(String name) {
        ExternalSecret es = templated(name);
        TemplateFrom from = new TemplateFrom();
        from.configMap = ref("tpl", "labels", TemplateRef.TemplateAs.KeysAndValues);
        from.target = TemplateFrom.Target.Labels;
        es.getSpec().target.template.templateFrom = List.of(from);
        return es;
    }

    private ExternalSecret templateFromSecretLabel(String name) {
        ExternalSecret es = templated(name);
        TemplateFrom from = new TemplateFrom();
        from.secret = ref("victim", "token", TemplateRef.TemplateAs.Values);
        from.target = TemplateFrom.Target.Labels;
        es.getSpec().target.template.templateFrom = List.of(from);
        return es;
    }

    private ExternalSecret renderedAnnotationKey(String name) {
        ExternalSecret es = templated(name);
        TemplateFrom from = new TemplateFrom();
        from.literal = "\"{{ .plain }}\": x";
        from.target = TemplateFrom.Target.Annotations;
        es.getSpec().target.template.templateFrom = List.of(from);
        return es;
    }

    private static TemplateRef ref(String name, String key, TemplateRef.TemplateAs as) {
        TemplateRef ref = new TemplateRef();
        ref.name = name;
        TemplateRef.Item item = new TemplateRef.Item();
        item.key = key;
        item.templateAs = as;
        ref.items = List.of(item);
        return ref;
    }

    private PushSecret push(String name) {
        PushSecret ps = new PushSecret();
        ps.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName(name).build());
        PushSecretSpec spec = new PushSecretSpec();
        spec.refreshInterval = "1h";
        PushSecretStoreRef store = new PushSecretStoreRef();
        store.name = "fake";
        spec.secretStoreRefs = new ArrayList<>(List.of(store));
        spec.selector = new PushSecretSelector();
        spec.selector.secret = new PushSecretSelector.SecretSource();
        spec.selector.secret.name = "push-source";
        spec.template = new ExternalSecretTemplate();
        spec.template.data = Map.of("token", "{{ .token | b64dec }}");
        PushSecretData data = new PushSecretData();
        data.match = new PushSecretMatch();
        data.match.secretKey = "token";
        data.match.remoteRef = new PushSecretRemoteRef();
        data.match.remoteRef.remoteKey = "pushed";
        spec.data = new ArrayList<>(List.of(data));
        ps.setSpec(spec);
        return ps;
    }
}

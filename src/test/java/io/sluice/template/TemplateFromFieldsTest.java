package io.sluice.template;

import static io.sluice.template.Render.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.api.v1.ExternalSecretTemplate;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * templateFrom fields as ESO reads them, from a manifest through the client's own deserializer: the target in any
 * case (ESO's applyToTarget lower-cases it), a literal decoded by valuesDecodingStrategy, and the
 * service-account-token rule applied to what templateFrom renders.
 */
class TemplateFromFieldsTest {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private final SecretTemplateRenderer renderer = new SecretTemplateRenderer();

    private static ExternalSecretTemplate template(String templateYaml) {
        String manifest = """
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata: {name: es, namespace: ns}
                spec:
                  secretStoreRef: {name: aws}
                  data: [{secretKey: a, remoteRef: {key: a}}]
                  target:
                    template:
                """ + templateYaml.indent(6);
        return SERIALIZATION.unmarshal(manifest, ExternalSecret.class).getSpec().target.template;
    }

    private RenderedSecret render(String templateYaml, String... keysAndValues) {
        return renderer.render("ns/es", template(templateYaml), values(keysAndValues), TemplateSources.NONE);
    }

    /** ESO's applyToTarget and mapScopeApply switch on strings.ToLower(target). */
    static Stream<Arguments> targetsInAnyCase() {
        return Stream.of(
                Arguments.of("Data", "data"),
                Arguments.of("data", "data"),
                Arguments.of("DATA", "data"),
                Arguments.of("Annotations", "annotations"),
                Arguments.of("annotations", "annotations"),
                Arguments.of("Labels", "labels"),
                Arguments.of("labels", "labels"),
                Arguments.of("lAbElS", "labels"));
    }

    @ParameterizedTest(name = "target: {0} renders into {1}")
    @MethodSource("targetsInAnyCase")
    void targetIsCaseInsensitive(String target, String where) {
        RenderedSecret secret = render("""
                templateFrom:
                - target: %s
                  literal: "team: {{ .a }}"
                """.formatted(target), "a", "payments");
        Map<String, String> found = switch (where) {
            case "data" ->
                secret.data().isEmpty()
                        ? Map.of()
                        : Map.of("team", new String(secret.data().get("team"), StandardCharsets.UTF_8));
            case "labels" -> secret.labels();
            default -> secret.annotations();
        };
        assertEquals(Map.of("team", "payments"), found);
    }

    @Test
    void anotherTargetIsRefusedWhenTheManifestIsRead() {
        assertThrows(RuntimeException.class, () -> template("""
                templateFrom:
                - target: spec.foo
                  literal: "a: b"
                """));
    }

    /** ESO TestExecute rows with valuesDecodingStrategy Base64: a literal {@code service-a: SGVsbG8=} gives Hello. */
    static Stream<Arguments> literalDecodingRows() {
        return Stream.of(
                Arguments.of("plain literal", "service-a: SGVsbG8=", "Base64", "Hello"),
                Arguments.of("literal rendering a fetched value", "service-a: \"{{ .a }}\"", "Base64", "Hello"),
                Arguments.of("URL alphabet", "service-a: SGVsbG8_", "Base64URL", "Hello?"),
                Arguments.of("Auto keeps what it cannot decode", "service-a: not-base64!", "Auto", "not-base64!"),
                Arguments.of("None keeps the text", "service-a: SGVsbG8=", "None", "SGVsbG8="));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("literalDecodingRows")
    void literalValuesAreDecoded(String row, String literal, String strategy, String expected) {
        RenderedSecret secret = render("""
                templateFrom:
                - literal: '%s'
                  valuesDecodingStrategy: %s
                """.formatted(literal, strategy), "a", "SGVsbG8=");
        assertEquals(expected, new String(secret.data().get("service-a"), StandardCharsets.UTF_8), row);
    }

    @Test
    @DisplayName("When a literal's value is not base64 under Base64, then the render fails and nothing is rendered")
    void invalidLiteralValueFails() {
        TemplateException e = assertThrows(TemplateException.class, () -> render("""
                templateFrom:
                - literal: 'service-a: "Hello, not base64"'
                  valuesDecodingStrategy: Base64
                """));
        assertEquals(TemplateErrorReason.TemplateOutputError, e.reasonCode());
        assertFalse(e.getMessage().contains("Hello"), e.getMessage());
    }

    /** ESO's validator: type service-account-token with the service account annotation is refused. */
    static Stream<Arguments> serviceAccountAnnotationSources() {
        return Stream.of(
                Arguments.of("templateFrom literal, target Annotations", """
                        type: kubernetes.io/service-account-token
                        templateFrom:
                        - target: Annotations
                          literal: "kubernetes.io/service-account.name: admin"
                        """),
                Arguments.of("templateFrom literal, target annotations (lower case)", """
                        type: kubernetes.io/service-account-token
                        templateFrom:
                        - target: annotations
                          literal: "kubernetes.io/service-account.name: {{ .a }}"
                        """),
                Arguments.of("key rendered from a fetched value", """
                        type: kubernetes.io/service-account-token
                        templateFrom:
                        - target: Annotations
                          literal: "{{ .key }}: admin"
                        """),
                Arguments.of("metadata.annotations (the CRD rule's case, checked at render too)", """
                        type: kubernetes.io/service-account-token
                        metadata:
                          annotations: {kubernetes.io/service-account.name: admin}
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceAccountAnnotationSources")
    void serviceAccountTokenNeverGetsTheServiceAccountAnnotation(String row, String templateYaml) {
        TemplateException e = assertThrows(
                TemplateException.class,
                () -> render(templateYaml, "a", "admin", "key", "kubernetes.io/service-account.name"));
        assertEquals(TemplateErrorReason.TemplateOutputError, e.reasonCode(), row);
        assertTrue(e.getMessage().contains("must not set the service account annotation"), e.getMessage());
    }

    @Test
    @DisplayName(
            "Positive controls: the same annotation on an Opaque Secret, and other annotations on a token Secret, render")
    void theRuleIsNarrow() {
        RenderedSecret opaque = render("""
                templateFrom:
                - target: Annotations
                  literal: "kubernetes.io/service-account.name: admin"
                """);
        assertEquals(Map.of("kubernetes.io/service-account.name", "admin"), opaque.annotations());
        RenderedSecret token = render("""
                type: kubernetes.io/service-account-token
                templateFrom:
                - target: Annotations
                  literal: "team: payments"
                """);
        assertEquals(Map.of("team", "payments"), token.annotations());
    }
}

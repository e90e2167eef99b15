package io.sluice.template.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.sluice.template.SecretTemplateRenderer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
    private static final String EXPECTED_DOCKER_CONFIG = "{\"auths\":{\"registry.example.com\":{\"username\":\"robot\","
            + "\"password\":\"hunter2\",\"auth\":\"cm9ib3Q6aHVudGVyMg==\"}}}";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new RenderCommand(new SecretTemplateRenderer()).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void rendersTheDockerConfigExampleInGoAndInQute() throws Exception {
        for (String manifest : new String[] {"docker-config.externalsecret.yaml", "docker-config-qute.externalsecret.yaml"}) {
            out.reset();
            assertEquals(0, run("examples/render/" + manifest, "examples/render/docker-config.values.yaml"), err.toString());
            JsonNode secret = new YAMLMapper().readTree(out.toString(StandardCharsets.UTF_8));
            assertEquals("Secret", secret.path("kind").asText());
            assertEquals("registry-pull-secret", secret.path("metadata").path("name").asText());
            assertEquals("kubernetes.io/dockerconfigjson", secret.path("type").asText());
            assertEquals("platform", secret.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText());
            assertEquals(EXPECTED_DOCKER_CONFIG, new String(Base64.getDecoder().decode(
                    secret.path("data").path(".dockerconfigjson").asText()), StandardCharsets.UTF_8), manifest);
        }
    }

    @Test
    void templateErrorsPrintTheReasonAndExitWithOne(@TempDir Path dir) throws Exception {
        Path values = Files.writeString(dir.resolve("values.yaml"), "registry: r\nusername: u\npassword: TOPSECRET-42\n");
        assertEquals(1, run("examples/render/docker-config.externalsecret.yaml", values.toString()));
        String error = err.toString(StandardCharsets.UTF_8);
        assertTrue(error.startsWith("error: TemplateKeyNotFound: metadata.labels[app.kubernetes.io/part-of]: unknown key"),
                error);
        assertTrue(!error.contains("TOPSECRET-42") && out.size() == 0, error);
    }

    @Test
    void withoutTemplateTheValuesAndTheExternalSecretsMetadataAreCopied(@TempDir Path dir) throws Exception {
        Path manifest = Files.writeString(dir.resolve("es.yaml"), """
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata: {name: plain, labels: {team: a}}
                spec: {secretStoreRef: {name: s}, data: [{secretKey: k, remoteRef: {key: r}}]}
                """);
        Path values = Files.writeString(dir.resolve("values.json"), "{\"k\": \"v\", \"n\": 5, \"obj\": {\"a\": 1}}");
        assertEquals(0, run(manifest.toString(), values.toString()), err.toString());
        JsonNode secret = new YAMLMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("Opaque", secret.path("type").asText());
        assertEquals("a", secret.path("metadata").path("labels").path("team").asText());
        assertEquals("{\"a\":1}", new String(Base64.getDecoder().decode(secret.path("data").path("obj").asText())));
        assertEquals("5", new String(Base64.getDecoder().decode(secret.path("data").path("n").asText())));
    }

    @Test
    void aBrokenValuesFileIsReportedByPositionNeverByItsText(@TempDir Path dir) throws Exception {
        Path values = Files.writeString(dir.resolve("values.yaml"),
                "registry: r\nusername: u\npassword: \"TOPSECRET-42\nunterminated: [TOPSECRET-43\n");

        assertEquals(2, run("examples/render/docker-config.externalsecret.yaml", values.toString()));

        String error = err.toString(StandardCharsets.UTF_8);
        assertTrue(error.startsWith("error: " + values + " (line "), error);
        assertTrue(error.contains("not valid YAML or JSON"), error);
        assertTrue(!error.contains("TOPSECRET") && out.size() == 0, error);
    }

    @Test
    void aBrokenTemplateFromSecretFileIsReportedByPositionNeverByItsText(@TempDir Path dir) throws Exception {
        Path manifest = Files.writeString(dir.resolve("es.yaml"), """
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata: {name: app}
                spec:
                  secretStoreRef: {name: s}
                  target:
                    template:
                      templateFrom:
                      - secret: {name: other, items: [{key: k}]}
                """);
        Path values = Files.writeString(dir.resolve("values.yaml"), "a: b\n");
        Path other = Files.writeString(dir.resolve("other.yaml"), "k: TOPSECRET-44: x\n");

        assertEquals(2, run(manifest.toString(), values.toString(), "--secret", "other=" + other));

        String error = err.toString(StandardCharsets.UTF_8);
        assertTrue(error.startsWith("error: cannot read " + other + " (line "), error);
        assertTrue(!error.contains("TOPSECRET"), error);
    }

    @Test
    void aLabelTheApiServerWouldRefuseIsATemplateErrorNamingTheKeyNotTheValue(@TempDir Path dir) throws Exception {
        Path manifest = Files.writeString(dir.resolve("es.yaml"), """
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata: {name: app}
                spec:
                  secretStoreRef: {name: s}
                  target:
                    template:
                      metadata:
                        labels: {leak: "{{ .password }}"}
                      data: {k: v}
                """);
        Path values = Files.writeString(dir.resolve("values.yaml"), "password: \"TOPSECRET 45!\"\n");

        assertEquals(1, run(manifest.toString(), values.toString()));

        String error = err.toString(StandardCharsets.UTF_8);
        assertTrue(error.startsWith("error: TemplateOutputError: the API server would refuse the Secret: the value of "
                + "label leak: a label value must be at most 63 characters"), error);
        assertTrue(!error.contains("TOPSECRET") && out.size() == 0, error);
    }

    @Test
    void badUsageExitsWithTwo() {
        assertEquals(2, run("only-one-file.yaml"));
        assertTrue(err.toString().contains("usage: render"));
        assertEquals(2, run("missing.yaml", "missing-values.yaml"));
    }
}

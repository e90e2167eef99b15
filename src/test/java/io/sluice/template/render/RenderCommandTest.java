package io.sluice.template.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.sluice.template.SecretTemplateRenderer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class RenderCommandTest {
    private static final String EXPECTED_DOCKER_CONFIG = "{\"auths\":{\"registry.example.com\":{\"username\":\"robot\","
            + "\"password\":\"hunter2\",\"auth\":\"cm9ib3Q6aHVudGVyMg==\"}}}";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new RenderCommand(new SecretTemplateRenderer())
                .run(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void rendersTheDockerConfigExampleInGoAndInQute() throws Exception {
        for (String manifest :
                new String[] {"docker-config.externalsecret.yaml", "docker-config-qute.externalsecret.yaml"}) {
            out.reset();
            assertEquals(
                    0, run("examples/render/" + manifest, "examples/render/docker-config.values.yaml"), err.toString());
            JsonNode secret = new YAMLMapper().readTree(out.toString(StandardCharsets.UTF_8));
            assertEquals("Secret", secret.path("kind").asText());
            assertEquals(
                    "registry-pull-secret", secret.path("metadata").path("name").asText());
            assertEquals("kubernetes.io/dockerconfigjson", secret.path("type").asText());
            assertEquals(
                    "platform",
                    secret.path("metadata")
                            .path("labels")
                            .path("app.kubernetes.io/part-of")
                            .asText());
            assertEquals(
                    EXPECTED_DOCKER_CONFIG,
                    new String(
                            Base64.getDecoder()
                                    .decode(secret.path("data")
                                            .path(".dockerconfigjson")
                                            .asText()),
                            StandardCharsets.UTF_8),
                    manifest);
        }
    }

    @Test
    void templateErrorsPrintTheReasonAndExitWithOne(@TempDir Path dir) throws Exception {
        Path values =
                Files.writeString(dir.resolve("values.yaml"), "registry: r\nusername: u\npassword: TOPSECRET-42\n");
        assertEquals(1, run("examples/render/docker-config.externalsecret.yaml", values.toString()));
        String error = err.toString(StandardCharsets.UTF_8);
        assertTrue(
                error.startsWith("error: TemplateKeyNotFound: metadata.labels[app.kubernetes.io/part-of]: unknown key"),
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
        assertEquals(
                "{\"a\":1}",
                new String(Base64.getDecoder()
                        .decode(secret.path("data").path("obj").asText())));
        assertEquals(
                "5",
                new String(
                        Base64.getDecoder().decode(secret.path("data").path("n").asText())));
    }

    @Test
    void aBrokenValuesFileIsReportedByPositionNeverByItsText(@TempDir Path dir) throws Exception {
        Path values = Files.writeString(
                dir.resolve("values.yaml"),
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
        assertTrue(
                error.startsWith("error: TemplateOutputError: the API server would refuse the Secret: the value of "
                        + "label leak: a label value must be at most 63 characters"),
                error);
        assertTrue(!error.contains("TOPSECRET") && out.size() == 0, error);
    }

    /**
     * Rendered annotation values (and keys) that a YAML reader would take for a number, a date, a boolean or null
     * are quoted, so the printed Secret reads back with the types the API server holds: strings. Read back with
     * SnakeYAML (YAML 1.1, as kubectl's go-yaml) and with Jackson's YAML reader.
     */
    @Test
    void stringsThatLookLikeOtherTypesReadBackAsStrings(@TempDir Path dir) throws Exception {
        List<String> tricky = List.of(
                "1700000000",
                "2024-01-01T00:00:00Z",
                "2024-01-01",
                "2024-1-1 10:00:00 +02:00",
                "true",
                "True",
                "FALSE",
                "yes",
                "No",
                "on",
                "OFF",
                "y",
                "N",
                "null",
                "Null",
                "~",
                "",
                "0x1F",
                "0o17",
                "017",
                "0b101",
                "1e3",
                "1E-3",
                "1.5",
                ".5",
                "-1",
                "+1",
                "1_000",
                "1:30",
                "190:20:30.15",
                ".inf",
                "-.Inf",
                ".NaN",
                "<<",
                "=",
                "plain",
                "v1.2.3",
                "1.2.3",
                "a: b",
                "- x",
                "#c");
        StringBuilder annotations = new StringBuilder();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < tricky.size(); i++) {
            annotations
                    .append("          a")
                    .append(i)
                    .append(": \"{{ .v")
                    .append(i)
                    .append(" }}\"\n");
            values.put("v" + i, tricky.get(i));
        }
        annotations.append("          \"123\": key-a\n          \"on\": key-b\n");
        Path manifest = Files.writeString(dir.resolve("es.yaml"), """
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata: {name: app}
                spec:
                  secretStoreRef: {name: s}
                  target:
                    template:
                      metadata:
                        annotations:
                """ + annotations + """
                      data: {k: v}
                """);
        Path valuesFile = Files.writeString(dir.resolve("values.json"), new ObjectMapper().writeValueAsString(values));

        assertEquals(0, run(manifest.toString(), valuesFile.toString()), err.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        Map<String, Object> snake = new Yaml().load(printed);
        @SuppressWarnings("unchecked")
        Map<Object, Object> read =
                (Map<Object, Object>) ((Map<String, Object>) snake.get("metadata")).get("annotations");
        JsonNode jackson = new YAMLMapper().readTree(printed).path("metadata").path("annotations");
        for (int i = 0; i < tricky.size(); i++) {
            Object value = read.get("a" + i);
            assertEquals(tricky.get(i), value, "SnakeYAML reads " + tricky.get(i) + " back as " + value);
            assertTrue(
                    jackson.path("a" + i).isTextual(),
                    "Jackson reads " + tricky.get(i) + " back as "
                            + jackson.path("a" + i).getNodeType());
        }
        assertEquals("key-a", read.get("123"), "a key that looks like a number stays a string key");
        assertEquals("key-b", read.get("on"), "a key that looks like a boolean stays a string key");
        assertTrue(
                printed.contains("a0: \"1700000000\"") && printed.contains("a35: plain"),
                "quoted where needed, plain otherwise:\n" + printed);
    }

    @Test
    void badUsageExitsWithTwo() {
        assertEquals(2, run("only-one-file.yaml"));
        assertTrue(err.toString().contains("usage: render"));
        assertEquals(2, run("missing.yaml", "missing-values.yaml"));
    }
}

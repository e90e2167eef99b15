package io.sluice.chart;

import static io.sluice.chart.ChartFiles.CHART;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The committed chart, checked without a helm binary (the GitHub workflow also runs helm lint and installs it). */
@Tag("slow")
class HelmChartFilesTest {

    @Test
    void everyFileParses() throws Exception {
        List<Path> files = ChartFiles.files(CHART);
        assertTrue(files.size() > 10, "chart files: " + files);
        for (Path file : files) {
            String name = file.getFileName().toString();
            String text = ChartFiles.read(file);
            try {
                if (name.endsWith(".json")) {
                    ChartFiles.JSON.readTree(text);
                } else if (file.startsWith(CHART.resolve("templates"))) {
                    assertNull(ChartFiles.balanceProblem(text), file + ": " + ChartFiles.balanceProblem(text));
                    if (name.endsWith(".yaml")) {
                        for (JsonNode doc : ChartFiles.yamlDocuments(ChartFiles.neutralised(text))) {
                            assertTrue(
                                    doc.hasNonNull("apiVersion")
                                            && doc.hasNonNull("kind")
                                            && doc.path("metadata").hasNonNull("name"),
                                    file + ": not a manifest: " + doc);
                        }
                    }
                } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                    assertFalse(ChartFiles.yamlDocuments(text).isEmpty(), file + " is empty");
                }
            } catch (Exception | AssertionError e) {
                fail(file + ": " + e.getMessage(), e);
            }
        }
    }

    @Test
    void chartMetadataAndCrds() throws Exception {
        JsonNode chart = ChartFiles.yamlDocuments(ChartFiles.read(CHART.resolve("Chart.yaml")))
                .get(0);
        assertEquals("v2", chart.path("apiVersion").asText());
        assertEquals("sluice", chart.path("name").asText());
        assertFalse(chart.path("version").asText().isEmpty());
        assertFalse(chart.path("appVersion").asText().isEmpty(), "the image tag defaults to appVersion");

        List<String> kinds = new ArrayList<>();
        for (Path crd : ChartFiles.files(CHART.resolve("crds"))) {
            JsonNode doc = ChartFiles.yamlDocuments(ChartFiles.read(crd)).get(0);
            assertEquals("CustomResourceDefinition", doc.path("kind").asText(), crd.toString());
            kinds.add(doc.path("spec").path("names").path("kind").asText());
        }
        assertTrue(
                kinds.containsAll(List.of(
                        "ExternalSecret", "SecretStore", "ClusterSecretStore", "ClusterExternalSecret", "PushSecret")),
                kinds.toString());
    }

    @Test
    void valuesMatchTheSchema() throws Exception {
        JsonNode values = values();
        List<Error> errors = schema().validate(values);
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void theSchemaRejectsWrongValues() throws Exception {
        ObjectNode wrong = (ObjectNode) values();
        ((ObjectNode) wrong.get("log")).put("format", "xml");
        wrong.putArray("scopedNamespaces").add("Not_A_Namespace");
        wrong.put("concurrent", 0);

        List<Error> errors = schema().validate(wrong);

        assertEquals(3, errors.size(), errors.toString());
    }

    @Test
    void secureByDefault() throws Exception {
        JsonNode values = values();
        JsonNode container = values.path("securityContext");
        assertTrue(container.path("readOnlyRootFilesystem").asBoolean());
        assertFalse(container.path("allowPrivilegeEscalation").asBoolean(true));
        assertTrue(container.path("runAsNonRoot").asBoolean());
        assertEquals("ALL", container.path("capabilities").path("drop").get(0).asText());
        assertTrue(values.path("podSecurityContext").path("runAsNonRoot").asBoolean());
        assertTrue(values.path("leaderElect").asBoolean());
        assertEquals(0, values.path("scopedNamespaces").size(), "cluster-wide by default");
    }

    @Test
    void everyValueATemplateUsesIsDefined() throws Exception {
        JsonNode values = values();
        List<String> missing = new ArrayList<>();
        for (Path template : ChartFiles.files(CHART.resolve("templates"))) {
            for (String path : ChartFiles.valuePaths(ChartFiles.read(template))) {
                JsonNode node = values;
                for (String part : path.split("\\.")) {
                    node = node.path(part);
                }
                if (node.isMissingNode()) {
                    missing.add(template.getFileName() + ": .Values." + path);
                }
            }
        }
        assertTrue(missing.isEmpty(), missing.toString());
    }

    @Test
    void theDeploymentIsWiredToTheValues() throws Exception {
        String deployment = ChartFiles.read(CHART.resolve("templates/deployment.yaml"));
        for (String used : List.of(
                ".Values.replicaCount",
                ".Values.image.repository",
                ".Values.securityContext",
                ".Values.podSecurityContext",
                ".Values.resources",
                ".Values.leaderElect",
                ".Values.concurrent",
                ".Values.controllerClass",
                ".Values.log.format",
                ".Values.log.level",
                ".Values.aws.secretsManagerEndpoint",
                "sluice.extraEnv",
                "sluice.podExtras",
                "sluice.watchedNamespaces")) {
            assertTrue(deployment.contains(used), "deployment.yaml uses " + used);
        }
        JsonNode doc =
                ChartFiles.yamlDocuments(ChartFiles.neutralised(deployment)).get(0);
        JsonNode container = doc.path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
        assertEquals(
                "TEMPLATED",
                container.path("readinessProbe").path("httpGet").path("path").asText());
        assertTrue(deployment.contains("path: {{ .Values.app.readinessProbe.httpGet.path }}"));
        JsonNode probes = values().path("app");
        assertEquals(
                "/q/health/ready",
                probes.path("readinessProbe").path("httpGet").path("path").asText());
        assertEquals(
                "/q/health/live",
                probes.path("livenessProbe").path("httpGet").path("path").asText());
        String helpers = ChartFiles.read(CHART.resolve("templates/_helpers.tpl"));
        for (String field :
                List.of("nodeSelector", "tolerations", "affinity", "priorityClassName", "imagePullSecrets")) {
            assertTrue(helpers.contains(".Values." + field), "_helpers.tpl renders " + field);
        }
    }

    @Test
    void theDashboardQueriesOnlyMetricsSluiceExports() throws Exception {
        Set<String> exported = Set.of(
                "externalsecret_sync_calls_total",
                "externalsecret_sync_calls_error",
                "externalsecret_status_condition",
                "externalsecret_reconcile_duration",
                "externalsecret_provider_api_calls_count",
                "externalsecret_last_successful_sync_timestamp_seconds",
                "secretstore_status_condition",
                "clustersecretstore_status_condition",
                "pushsecret_status_condition",
                "clusterexternalsecret_status_condition");
        JsonNode dashboard = ChartFiles.JSON.readTree(Files.readString(CHART.resolve("dashboards/sluice.json")));
        List<String> expressions = dashboard.findValuesAsText("expr");
        assertFalse(expressions.isEmpty());
        Pattern metric = Pattern.compile(
                "\\b((?:externalsecret|secretstore|clustersecretstore|pushsecret|clusterexternalsecret)_[a-z_]+)");
        for (String expr : expressions) {
            Matcher m = metric.matcher(expr);
            while (m.find()) {
                assertTrue(exported.contains(m.group(1)), "unknown metric " + m.group(1) + " in " + expr);
            }
        }
        String configMap = ChartFiles.read(CHART.resolve("templates/grafana-dashboard.yaml"));
        assertTrue(configMap.contains(".Files.Get \"dashboards/sluice.json\""));
        assertTrue(values().path("grafanaDashboard").path("labels").has("grafana_dashboard"));
    }

    private static JsonNode values() throws Exception {
        return ChartFiles.yamlDocuments(ChartFiles.read(CHART.resolve("values.yaml")))
                .get(0);
    }

    private static Schema schema() throws Exception {
        JsonNode schema = ChartFiles.JSON.readTree(Files.readString(CHART.resolve("values.schema.json")));
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
    }
}

package io.sluice.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Runs after {@code package}: the committed chart (helm/sluice) must be exactly what the build generates
 * (target/helm/kubernetes/sluice) plus src/main/helm/overlay and the dashboards, up to the order of lines
 * in generated templates (the generator reorders them between builds). Fix a failure with
 * {@code scripts/update-chart}.
 */
class HelmChartDriftIT {

    @Test
    void theCommittedChartIsTheGeneratedOne() {
        Path generated = Path.of("target", "helm", "kubernetes", "sluice");
        assertTrue(Files.isDirectory(generated), "run after package: " + generated);
        Map<String, String> expected = new TreeMap<>();
        put(expected, generated, "");
        String generatedValues = expected.get("values.yaml");
        put(expected, Path.of("src", "main", "helm", "overlay"), "");
        put(expected, Path.of("src", "main", "helm", "dashboards"), "dashboards/");
        Map<String, String> committed = new TreeMap<>();
        put(committed, ChartFiles.CHART, "");

        assertEquals(expected.keySet(), committed.keySet(), "chart files (run scripts/update-chart)");
        List<String> drifted = new ArrayList<>();
        expected.forEach((file, text) -> {
            if (!file.equals("values.yaml") && !canonical(file, text).equals(canonical(file, committed.get(file)))) {
                drifted.add(file);
            }
        });
        assertTrue(
                drifted.isEmpty(), "helm/sluice differs from the build in " + drifted + ": run scripts/update-chart");
        assertGeneratedValuesKept(generatedValues, committed.get("values.yaml"));
    }

    /**
     * The committed values.yaml is the overlay's (quarkus-helm drops empty maps such as nodeSelector: {} and
     * all comments); every value the build generates must still be in it, unchanged.
     */
    private static void assertGeneratedValuesKept(String generated, String committed) {
        try {
            JsonNode gen = ChartFiles.yamlDocuments(generated).get(0);
            JsonNode com = ChartFiles.yamlDocuments(committed).get(0);
            List<String> lost = new ArrayList<>();
            compare("", gen, com, lost);
            assertTrue(lost.isEmpty(), "src/main/helm/overlay/values.yaml lacks generated values " + lost);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void compare(String path, JsonNode generated, JsonNode committed, List<String> lost) {
        if (generated.isObject()) {
            generated
                    .fields()
                    .forEachRemaining(
                            e -> compare(path + "." + e.getKey(), e.getValue(), committed.path(e.getKey()), lost));
        } else if (!generated.equals(committed)) {
            lost.add(path + "=" + generated);
        }
    }

    /**
     * The generator orders resources, labels and env entries differently from one build to the next, so the
     * generated templates are compared as sorted lines: any added, removed or changed line is a drift.
     */
    private static String canonical(String file, String text) {
        if (text == null || !file.startsWith("templates/") || !file.endsWith(".yaml")) {
            return String.valueOf(text);
        }
        return text.lines()
                .map(String::stripTrailing)
                .filter(l -> !l.isBlank())
                .sorted()
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static void put(Map<String, String> files, Path root, String prefix) {
        for (Path file : ChartFiles.files(root)) {
            files.put(prefix + root.relativize(file).toString().replace('\\', '/'), ChartFiles.read(file));
        }
    }
}

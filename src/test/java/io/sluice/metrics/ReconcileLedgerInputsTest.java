package io.sluice.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ledger's record of what a reconcile saw changes with the spec and metadata, not with the version alone. */
class ReconcileLedgerInputsTest {

    @Test
    void theSameSpecAndMetadataAtAnotherResourceVersionAreTheSameInputs() {
        assertEquals(
                ReconcileLedger.inputsOf(resource(1L, "1", Map.of("a", "1"), null)),
                ReconcileLedger.inputsOf(resource(1L, "2", Map.of("a", "1"), null)));
    }

    @Test
    void aNewGenerationLabelsAnnotationsOrDeletionAreNewInputs() {
        ReconcileLedger.Inputs seen = ReconcileLedger.inputsOf(resource(1L, "1", Map.of("a", "1"), null));

        assertNotEquals(seen, ReconcileLedger.inputsOf(resource(2L, "1", Map.of("a", "1"), null)));
        assertNotEquals(seen, ReconcileLedger.inputsOf(resource(1L, "1", Map.of("a", "2"), null)));
        assertNotEquals(seen, ReconcileLedger.inputsOf(resource(1L, "1", Map.of("a", "1"), "2026-11-28T00:00:00Z")));
        ConfigMap labelled = resource(1L, "1", Map.of("a", "1"), null);
        labelled.getMetadata().setLabels(Map.of("team", "shop"));
        assertNotEquals(seen, ReconcileLedger.inputsOf(labelled));
    }

    private static ConfigMap resource(
            Long generation, String version, Map<String, String> annotations, String deleted) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName("r")
                .withGeneration(generation)
                .withResourceVersion(version)
                .withAnnotations(annotations)
                .withDeletionTimestamp(deleted)
                .endMetadata()
                .build();
    }
}

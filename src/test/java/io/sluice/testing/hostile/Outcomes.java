package io.sluice.testing.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts how a property's examples ended. A property whose generators only ever produce refused input (or
 * only valid input) proves little, so each property asserts that it saw both, and prints the split.
 */
public final class Outcomes {
    private int accepted;
    private final Map<String, Integer> refusedByReason = new TreeMap<>();

    public synchronized void accepted() {
        accepted++;
    }

    public synchronized void refused(String reason) {
        refusedByReason.merge(reason, 1, Integer::sum);
    }

    public synchronized void assertBothSeen(String property) {
        System.out.println("[measure] " + property + ": " + accepted + " accepted, refused " + refusedByReason);
        assertTrue(accepted > 0, property + ": no example was accepted");
        assertTrue(!refusedByReason.isEmpty(), property + ": no example was refused");
    }
}

package io.sluice.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A reconcile budget small enough to be spent within seconds by a rival writer (the ping-pong tests). */
public class SmallReconcileBudget implements QuarkusTestProfile {
    public static final int BUDGET = 8;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("sluice.kubernetes.max-reconciles-per-minute", String.valueOf(BUDGET));
    }
}

package io.sluice.testing.aws;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.sluice.testing.aws.emulator.AwsEmulator;
import java.util.Map;

/**
 * Starts the in-JVM Secrets Manager/STS emulator for @QuarkusTest tests and points Sluice's AWS endpoints
 * at it. One emulator serves the whole test run.
 */
public class EmulatorResource implements QuarkusTestResourceLifecycleManager {
    private static volatile AwsEmulator emulator;

    public static AwsEmulator emulator() {
        return emulator;
    }

    @Override
    public Map<String, String> start() {
        if (emulator == null) {
            emulator = AwsEmulator.start();
        }
        String endpoint = emulator.endpoint().toString();
        return Map.of(
                "sluice.aws.secrets-manager-endpoint",
                endpoint,
                "sluice.aws.ssm-endpoint",
                endpoint,
                "sluice.aws.sts-endpoint",
                endpoint,
                "sluice.aws.ecr-endpoint",
                endpoint);
    }

    @Override
    public void stop() {
        // shared by every test class of the run; the JVM ends it
    }
}

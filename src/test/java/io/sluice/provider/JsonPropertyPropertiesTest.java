package io.sluice.provider;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;

import io.sluice.testing.hostile.HostileInput;
import io.sluice.testing.hostile.Outcomes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** PushSecret's property writes into any remote value: a new JSON value or a configuration error, nothing else. */
class JsonPropertyPropertiesTest {
    @Test
    void settingAndRemovingAPropertyInAnyValueEndsInJsonOrAConfigurationError() {
        Outcomes outcomes = new Outcomes();
        qt().withExamples(300)
                .forAll(HostileInput.payloads(), HostileInput.properties())
                .checkAssert((current, property) -> assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                    try {
                        byte[] set = JsonProperty.set(current, property, "v".getBytes(StandardCharsets.UTF_8), "app/x");
                        JsonProperty.remove(set, property, "app/x");
                        outcomes.accepted();
                    } catch (ProviderConfigurationException refused) {
                        outcomes.refused(refused.getMessage().contains("valid path") ? "path" : "value");
                    }
                }));
        outcomes.assertBothSeen("JsonPropertyPropertiesTest");
    }
}

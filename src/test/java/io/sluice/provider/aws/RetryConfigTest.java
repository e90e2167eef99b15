package io.sluice.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.api.v1.RetrySettings;
import io.sluice.config.SluiceConfig.Aws.RetryMode;
import io.sluice.provider.ProviderConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.AdaptiveRetryStrategy;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

class RetryConfigTest {

    private static RetrySettings settings(Integer maxRetries, String interval) {
        RetrySettings s = new RetrySettings();
        s.maxRetries = maxRetries;
        s.retryInterval = interval;
        return s;
    }

    @Test
    void withoutSettingsTheSdkStandardStrategyApplies() {
        assertEquals(RetryConfig.SDK_DEFAULT, RetryConfig.of(null));
        assertEquals(3, RetryConfig.of(null).strategy().maxAttempts());
    }

    @Test
    void maxRetriesCountsRetriesNotAttempts() {
        RetryConfig config = RetryConfig.of(settings(5, "250ms"));
        assertEquals(6, config.maxAttempts());
        assertEquals(Duration.ofMillis(250), config.baseDelay());
        assertEquals(6, config.strategy().maxAttempts());
        assertEquals(1, RetryConfig.of(settings(0, null)).strategy().maxAttempts());
    }

    @Test
    void anEmptyBlockMeansThreeRetries() {
        RetryConfig config = RetryConfig.of(settings(null, null));
        assertEquals(4, config.maxAttempts());
        assertNull(config.baseDelay());
    }

    @Test
    void theModeChoosesTheSdkAdaptiveOrStandardStrategyAndKeepsTheStoreSettings() {
        RetryStrategy adaptive = sdkStrategy(RetryConfig.of(settings(2, "1s"), RetryMode.ADAPTIVE));
        assertInstanceOf(AdaptiveRetryStrategy.class, adaptive);
        assertEquals(3, adaptive.maxAttempts());
        RetryStrategy standard = sdkStrategy(RetryConfig.of(settings(2, "1s"), RetryMode.STANDARD));
        assertInstanceOf(StandardRetryStrategy.class, standard);
        assertEquals(3, standard.maxAttempts());
        assertInstanceOf(AdaptiveRetryStrategy.class, sdkStrategy(RetryConfig.of(null)), "adaptive is the default");
        assertNotEquals(
                RetryConfig.of(null, RetryMode.ADAPTIVE),
                RetryConfig.of(null, RetryMode.STANDARD),
                "clients of different modes are not shared");
    }

    private static RetryStrategy sdkStrategy(RetryConfig config) {
        return assertInstanceOf(AttemptRecordingRetryStrategy.class, config.strategy())
                .delegate();
    }

    @Test
    void invalidSettingsAreConfigurationErrors() {
        assertThrows(ProviderConfigurationException.class, () -> RetryConfig.of(settings(null, "soon")));
        assertThrows(ProviderConfigurationException.class, () -> RetryConfig.of(settings(-1, null)));
    }
}

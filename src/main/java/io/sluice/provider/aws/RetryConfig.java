package io.sluice.provider.aws;

import io.sluice.api.v1.RetrySettings;
import io.sluice.provider.ProviderConfigurationException;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * How a store's SDK clients retry: the SDK standard strategy (capped exponential backoff with full jitter,
 * retry quota), with {@code spec.retrySettings} overriding the attempt count and the base delay.
 * A null field means the SDK default.
 */
record RetryConfig(Integer maxAttempts, Duration baseDelay) {
    static final RetryConfig SDK_DEFAULT = new RetryConfig(null, null);
    static final int DEFAULT_MAX_RETRIES = 3;
    static final Duration MAX_DELAY = Duration.ofSeconds(20);

    static RetryConfig of(RetrySettings settings) {
        if (settings == null) {
            return SDK_DEFAULT;
        }
        if (settings.maxRetries != null && settings.maxRetries < 0) {
            throw new ProviderConfigurationException("spec.retrySettings.maxRetries must not be negative");
        }
        int retries = settings.maxRetries == null ? DEFAULT_MAX_RETRIES : settings.maxRetries;
        return new RetryConfig(retries + 1, settings.retryInterval == null ? null : interval(settings.retryInterval));
    }

    private static Duration interval(String text) {
        try {
            return GoDuration.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ProviderConfigurationException("spec.retrySettings.retryInterval " + text
                    + " is not a duration such as 500ms or 2s");
        }
    }

    RetryStrategy strategy() {
        var builder = AwsRetryStrategy.standardRetryStrategy().toBuilder();
        if (maxAttempts != null) {
            builder.maxAttempts(maxAttempts);
        }
        if (baseDelay != null) {
            Duration cap = baseDelay.compareTo(MAX_DELAY) > 0 ? baseDelay : MAX_DELAY;
            BackoffStrategy backoff = baseDelay.isZero()
                    ? BackoffStrategy.retryImmediately()
                    : BackoffStrategy.exponentialDelay(baseDelay, cap);
            builder.backoffStrategy(backoff).throttlingBackoffStrategy(backoff);
        }
        return builder.build();
    }
}

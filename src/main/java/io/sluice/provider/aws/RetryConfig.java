package io.sluice.provider.aws;

import io.sluice.api.v1.RetrySettings;
import io.sluice.config.SluiceConfig.Aws.RetryMode;
import io.sluice.kube.Durations;
import io.sluice.provider.ProviderConfigurationException;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * How a store's SDK clients retry: the SDK's adaptive or standard strategy (capped exponential backoff with full
 * jitter, retry quota; adaptive adds a client-side rate limiter that throttling slows down), with
 * {@code spec.retrySettings} overriding the attempt count and the base delay. A null field means the SDK default.
 */
record RetryConfig(RetryMode mode, Integer maxAttempts, Duration baseDelay) {
    static final RetryConfig SDK_DEFAULT = new RetryConfig(RetryMode.ADAPTIVE, null, null);
    static final int DEFAULT_MAX_RETRIES = 3;
    static final Duration MAX_DELAY = Duration.ofSeconds(20);

    RetryConfig {
        Objects.requireNonNull(mode, "mode");
    }

    static RetryConfig of(RetrySettings settings) {
        return of(settings, RetryMode.ADAPTIVE);
    }

    static RetryConfig of(RetrySettings settings, RetryMode mode) {
        if (settings == null) {
            return new RetryConfig(mode, null, null);
        }
        if (settings.maxRetries != null && settings.maxRetries < 0) {
            throw new ProviderConfigurationException("spec.retrySettings.maxRetries must not be negative");
        }
        int retries = settings.maxRetries == null ? DEFAULT_MAX_RETRIES : settings.maxRetries;
        return new RetryConfig(
                mode, retries + 1, settings.retryInterval == null ? null : interval(settings.retryInterval));
    }

    private static Duration interval(String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ProviderConfigurationException(
                    "spec.retrySettings.retryInterval " + text + " is not a duration such as 500ms or 2s");
        }
    }

    /**
     * A new strategy. Under {@link RetryMode#ADAPTIVE} its rate limiter lives in the instance: one SDK client, so
     * every store sharing that client, slows down together.
     */
    RetryStrategy strategy() {
        RetryStrategy.Builder<?, ?> builder = mode == RetryMode.ADAPTIVE
                ? AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                : AwsRetryStrategy.standardRetryStrategy().toBuilder();
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
        return new AttemptRecordingRetryStrategy(builder.build());
    }
}

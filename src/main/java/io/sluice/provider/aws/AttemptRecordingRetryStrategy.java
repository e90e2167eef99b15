package io.sluice.provider.aws;

import java.util.Optional;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * Remembers why the latest attempt of an SDK call failed, so that a call which runs out of time while retrying
 * reports what its attempts met (throttling, say) rather than only "timed out": the SDK's timeout exception
 * carries no trace of them. Synchronous clients retry on the calling thread, hence a thread-local.
 */
final class AttemptRecordingRetryStrategy implements RetryStrategy {
    private static final ThreadLocal<Throwable> LAST_FAILURE = new ThreadLocal<>();

    private final RetryStrategy delegate;

    AttemptRecordingRetryStrategy(RetryStrategy delegate) {
        this.delegate = delegate;
    }

    /** The SDK strategy that decides. */
    RetryStrategy delegate() {
        return delegate;
    }

    /** The failure of the latest attempt of the call that just ended on this thread, forgotten once read. */
    static Optional<Throwable> takeLastFailure() {
        Throwable last = LAST_FAILURE.get();
        LAST_FAILURE.remove();
        return Optional.ofNullable(last);
    }

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
        LAST_FAILURE.remove();
        return delegate.acquireInitialToken(request);
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
        LAST_FAILURE.set(request.failure());
        return delegate.refreshRetryToken(request);
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
        LAST_FAILURE.remove();
        return delegate.recordSuccess(request);
    }

    @Override
    public int maxAttempts() {
        return delegate.maxAttempts();
    }

    /** Configured in full by {@link RetryConfig}: the client must use it as it is, not rebuild it. */
    @Override
    public boolean useClientDefaults() {
        return false;
    }

    @Override
    public Builder<?, ?> toBuilder() {
        return delegate.toBuilder();
    }
}

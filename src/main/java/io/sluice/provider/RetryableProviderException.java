package io.sluice.provider;

/** A transient failure (throttling, timeout, 5xx, network): try again later with backoff. */
public final class RetryableProviderException extends ProviderException {
    public RetryableProviderException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String kind() {
        return "Retryable";
    }
}

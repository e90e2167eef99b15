package io.sluice.provider;

/**
 * Base of the typed provider errors. Messages name the remote key, the store and the provider's error
 * code; they never carry a secret value.
 */
public abstract sealed class ProviderException extends RuntimeException
        permits SecretNotFoundException, RetryableProviderException, ProviderConfigurationException {

    protected ProviderException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** Short machine-friendly kind used in status reasons and metric labels. */
    public abstract String kind();
}

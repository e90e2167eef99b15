package io.sluice.store;

/** A store's credentials Secrets could not be watched; the message names the store and the API error, no value. */
public class CredentialWatchFailedException extends RuntimeException {
    public CredentialWatchFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

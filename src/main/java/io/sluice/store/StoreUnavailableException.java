package io.sluice.store;

/** A store cannot be used by a consumer: missing, not ready, unsupported, or not allowed from its namespace. */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message) {
        super(message, null, false, false);
    }
}

package io.sluice.store;

/**
 * The store exists but has not been validated yet (it was just created, or Sluice just started). Not a
 * failure: its validation will trigger the consumers again.
 */
public class StoreNotValidatedYetException extends StoreUnavailableException {
    public StoreNotValidatedYetException(String message) {
        super(message);
    }
}

package io.sluice.store;

import java.time.Duration;

/**
 * The store exists but has not been validated yet (it was just created, or Sluice just started). Not a
 * failure: its validation will trigger the consumers again.
 */
public class StoreNotValidatedYetException extends StoreUnavailableException {
    /**
     * When a consumer waiting on such a store looks again. ExternalSecrets are also triggered by the store's
     * validation; PushSecrets are not, so this is how soon they notice it.
     */
    public static final Duration RECHECK_AFTER = Duration.ofSeconds(2);

    public StoreNotValidatedYetException(String message) {
        super(message);
    }
}

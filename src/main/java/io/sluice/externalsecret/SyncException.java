package io.sluice.externalsecret;

/**
 * A sync that cannot complete, with the condition reason and a message that is safe to show (never a
 * secret value). The existing target Secret is left exactly as it was.
 */
public class SyncException extends RuntimeException {
    private final String reason;
    private final String eventReason;

    public SyncException(String reason, String message) {
        this(reason, "UpdateFailed", message, null);
    }

    public SyncException(String reason, String eventReason, String message, Throwable cause) {
        super(message, cause, false, false);
        this.reason = reason;
        this.eventReason = eventReason;
    }

    /** The Ready condition reason, e.g. SecretSyncedError or SecretMissing. */
    public String reason() {
        return reason;
    }

    /** The reason of the Warning event. */
    public String eventReason() {
        return eventReason;
    }
}

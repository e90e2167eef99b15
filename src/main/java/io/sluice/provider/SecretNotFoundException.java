package io.sluice.provider;

/** The provider says the remote secret does not exist (or is scheduled for deletion). Drives deletionPolicy. */
public final class SecretNotFoundException extends ProviderException {
    public SecretNotFoundException(String message) {
        super(message, null);
    }

    public SecretNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String kind() {
        return "NotFound";
    }
}

package io.sluice.provider;

/**
 * The provider refused the credentials themselves (expired or revoked session, unknown or deactivated key, bad
 * signature, role assumption denied), as opposed to refusing what they may do. A client built anew (credentials
 * read again, a new session) may succeed where this one failed, so it is worth one rebuild before reporting.
 */
public final class CredentialsRejectedException extends ProviderConfigurationException {
    public CredentialsRejectedException(String message) {
        super(message);
    }
}

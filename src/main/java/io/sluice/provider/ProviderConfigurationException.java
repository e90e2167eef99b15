package io.sluice.provider;

/**
 * The store or the request is wrong (access denied, bad region, missing credentials, unsupported
 * feature): retrying without a change will not help.
 */
public sealed class ProviderConfigurationException extends ProviderException permits CredentialsRejectedException {
    public ProviderConfigurationException(String message) {
        super(message, null);
    }

    public ProviderConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String kind() {
        return "Configuration";
    }
}

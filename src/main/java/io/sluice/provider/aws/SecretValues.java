package io.sluice.provider.aws;

import io.sluice.provider.RemoteSecret;
import software.amazon.awssdk.core.SdkBytes;

/** A Secrets Manager value as raw bytes: SecretString in UTF-8, else SecretBinary. */
final class SecretValues {
    private SecretValues() {}

    static RemoteSecret of(String secretString, SdkBytes secretBinary) {
        if (secretString != null) {
            return RemoteSecret.ofString(secretString);
        }
        return new RemoteSecret(secretBinary == null ? new byte[0] : secretBinary.asByteArray());
    }
}

package io.sluice.testing.aws;

import java.net.URI;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/**
 * A LocalStack started by the developer (it needs Docker, which CI machines here lack), enabled by
 * {@code -Dcontract.localstack.endpoint=http://localhost:4566}. LocalStack's Secrets Manager is built on
 * moto, so moto's quirks are assumed (not verified here). Reset deletes every secret through the SDK, which
 * works on every LocalStack edition and version.
 */
public final class LocalStackServer extends SdkBackedServer {

    public static final String ENDPOINT_PROPERTY = "contract.localstack.endpoint";

    LocalStackServer(URI endpoint) {
        super("localstack", endpoint);
    }

    @Override
    public Set<ServerQuirk> quirks() {
        return Set.of(ServerQuirk.BATCH_GET_OMITS_MISSING_IDS, ServerQuirk.ACCEPTS_ANY_CREDENTIALS);
    }

    @Override
    public void reset() {
        List<String> arns = secretsManager().listSecretsPaginator(b -> b.includePlannedDeletion(true)).stream()
                .flatMap(page -> page.secretList().stream())
                .map(SecretListEntry::arn)
                .toList();
        arns.forEach(arn -> secretsManager().deleteSecret(b -> b.secretId(arn).forceDeleteWithoutRecovery(true)));
    }
}

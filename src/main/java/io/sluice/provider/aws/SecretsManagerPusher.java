package io.sluice.provider.aws;

import io.sluice.api.v1.AwsProvider;
import io.sluice.provider.JsonProperty;
import io.sluice.provider.ProviderConfigurationException;
import io.sluice.provider.PushRequest;
import io.sluice.provider.PushTarget;
import io.sluice.provider.RemoteDeletion;
import io.sluice.provider.SecretNotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * PushSecret's writes to Secrets Manager, within the IAM policy of docs/aws.md: DescribeSecret, GetSecretValue,
 * CreateSecret, PutSecretValue, TagResource and DeleteSecret (conditioned on the managed-by tag). Never
 * DeleteResourcePolicy, PutResourcePolicy or UntagResource.
 *
 * <ul>
 * <li>A missing secret is created with the tag {@code managed-by=external-secrets} plus the metadata tags.</li>
 * <li>An existing secret is written only if it carries that tag, and only when the value differs (no new
 * version per refresh); tags from the metadata that are missing or differ are added with TagResource.</li>
 * <li>A secret without the tag is never written or deleted.</li>
 * </ul>
 */
final class SecretsManagerPusher {
    private final Supplier<SecretsManagerClient> client;
    private final String prefix;
    private final AwsProvider.SecretsManagerOptions deletion;

    SecretsManagerPusher(
            Supplier<SecretsManagerClient> client, String prefix, AwsProvider.SecretsManagerOptions deletion) {
        this.client = client;
        this.prefix = prefix == null ? "" : prefix;
        this.deletion = deletion;
    }

    boolean push(PushRequest request) {
        PushMetadata metadata = PushMetadata.parse(request.metadata());
        String secretId = prefix + request.remoteKey();
        DescribeSecretResponse described = describe(secretId);
        if (described == null) {
            byte[] value = request.property() == null
                    ? request.value()
                    : JsonProperty.set(null, request.property(), request.value(), secretId);
            create(secretId, value, metadata);
            return true;
        }
        requireUsable(described, secretId, "overwritten");
        boolean wrote = tagIfNeeded(described, metadata, secretId);
        Current current = hasVersions(described) ? currentValue(secretId) : null;
        byte[] currentBytes = current == null ? null : current.value();
        if (request.property() == null) {
            if (current != null && Arrays.equals(currentBytes, request.value())) {
                return wrote;
            }
            put(secretId, request.value(), metadata.binary());
            return true;
        }
        byte[] next = JsonProperty.set(currentBytes, request.property(), request.value(), secretId);
        if (current != null && JsonProperty.sameJson(currentBytes, next)) {
            return wrote;
        }
        // a JSON document other readers use as SecretString stays one
        put(secretId, next, current == null ? metadata.binary() : !current.string());
        return true;
    }

    RemoteDeletion delete(PushTarget target) {
        String secretId = prefix + target.remoteKey();
        DescribeSecretResponse described = describe(secretId);
        if (described == null || described.deletedDate() != null) {
            return RemoteDeletion.ABSENT;
        }
        if (!isManaged(described)) {
            return RemoteDeletion.KEPT_UNMANAGED;
        }
        if (target.property() != null && hasVersions(described)) {
            Current current = currentValue(secretId);
            byte[] remaining = JsonProperty.remove(current.value(), target.property(), secretId);
            if (remaining != null) {
                if (!JsonProperty.sameJson(current.value(), remaining)) {
                    put(secretId, remaining, !current.string());
                }
                return RemoteDeletion.DELETED;
            }
        }
        try {
            client.get().deleteSecret(b -> {
                b.secretId(described.arn());
                if (deletion != null && Boolean.TRUE.equals(deletion.forceDeleteWithoutRecovery)) {
                    b.forceDeleteWithoutRecovery(true);
                } else if (deletion != null && deletion.recoveryWindowInDays != null) {
                    b.recoveryWindowInDays(deletion.recoveryWindowInDays);
                }
            });
        } catch (SdkException e) {
            throw AwsErrors.classify("DeleteSecret", secretId, e);
        }
        return RemoteDeletion.DELETED;
    }

    boolean exists(PushTarget target) {
        DescribeSecretResponse described = describe(prefix + target.remoteKey());
        return described != null && described.deletedDate() == null;
    }

    private DescribeSecretResponse describe(String secretId) {
        try {
            return client.get().describeSecret(b -> b.secretId(secretId));
        } catch (SdkException e) {
            if (AwsErrors.classify("DescribeSecret", secretId, e) instanceof SecretNotFoundException) {
                return null;
            }
            throw AwsErrors.classify("DescribeSecret", secretId, e);
        }
    }

    private void requireUsable(DescribeSecretResponse described, String secretId, String action) {
        if (described.deletedDate() != null) {
            throw new ProviderConfigurationException("secret " + secretId + " is scheduled for deletion: restore it "
                    + "(RestoreSecret) or wait for its recovery window to end");
        }
        if (!isManaged(described)) {
            throw new ProviderConfigurationException("secret " + secretId + " exists but is not managed by "
                    + "external-secrets (no tag " + PushMetadata.MANAGED_BY_TAG + "=" + PushMetadata.MANAGED_BY_VALUE
                    + "): it is not " + action);
        }
    }

    private static boolean isManaged(DescribeSecretResponse described) {
        return described.hasTags()
                && described.tags().stream()
                        .anyMatch(t -> PushMetadata.MANAGED_BY_TAG.equals(t.key())
                                && PushMetadata.MANAGED_BY_VALUE.equals(t.value()));
    }

    private static boolean hasVersions(DescribeSecretResponse described) {
        return described.hasVersionIdsToStages()
                && !described.versionIdsToStages().isEmpty();
    }

    /** The AWSCURRENT value and whether it is stored as SecretString. */
    private record Current(byte[] value, boolean string) {}

    private Current currentValue(String secretId) {
        try {
            var response = client.get().getSecretValue(b -> b.secretId(secretId));
            return new Current(AwsSecretsManagerClient.valueOf(response).value(), response.secretString() != null);
        } catch (SdkException e) {
            throw AwsErrors.classify("GetSecretValue", secretId, e);
        }
    }

    private void create(String secretId, byte[] value, PushMetadata metadata) {
        try {
            client.get().createSecret(b -> {
                b.name(secretId)
                        .description(
                                metadata.description() == null
                                        ? PushMetadata.DEFAULT_DESCRIPTION
                                        : metadata.description())
                        .tags(tags(metadata.creationTags()))
                        .clientRequestToken(UUID.randomUUID().toString());
                if (metadata.kmsKeyId() != null) {
                    b.kmsKeyId(metadata.kmsKeyId());
                }
                if (metadata.binary()) {
                    b.secretBinary(SdkBytes.fromByteArray(value));
                } else {
                    b.secretString(new String(value, StandardCharsets.UTF_8));
                }
            });
        } catch (SdkException e) {
            throw AwsErrors.classify("CreateSecret", secretId, e);
        }
    }

    private void put(String secretId, byte[] value, boolean binary) {
        try {
            client.get().putSecretValue(b -> {
                b.secretId(secretId).clientRequestToken(UUID.randomUUID().toString());
                if (binary) {
                    b.secretBinary(SdkBytes.fromByteArray(value));
                } else {
                    b.secretString(new String(value, StandardCharsets.UTF_8));
                }
            });
        } catch (SdkException e) {
            throw AwsErrors.classify("PutSecretValue", secretId, e);
        }
    }

    /** Adds the metadata tags that are missing or differ; never removes a tag (no UntagResource). */
    private boolean tagIfNeeded(DescribeSecretResponse described, PushMetadata metadata, String secretId) {
        Map<String, String> present = new HashMap<>();
        if (described.hasTags()) {
            described.tags().forEach(t -> present.put(t.key(), t.value()));
        }
        Map<String, String> missing = new LinkedHashMap<>();
        metadata.tags().forEach((k, v) -> {
            if (!v.equals(present.get(k))) {
                missing.put(k, v);
            }
        });
        if (missing.isEmpty()) {
            return false;
        }
        try {
            client.get().tagResource(b -> b.secretId(described.arn()).tags(tags(missing)));
        } catch (SdkException e) {
            throw AwsErrors.classify("TagResource", secretId, e);
        }
        return true;
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
    }
}

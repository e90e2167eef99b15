package io.sluice.provider.aws;

import io.sluice.provider.JsonProperty;
import io.sluice.provider.ProviderConfigurationException;
import io.sluice.provider.PushRequest;
import io.sluice.provider.PushTarget;
import io.sluice.provider.RemoteDeletion;
import io.sluice.provider.SecretNotFoundException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * PushSecret's writes to Parameter Store, within the IAM policy of docs/aws.md: GetParameter, ListTagsForResource,
 * PutParameter, AddTagsToResource and DeleteParameter.
 * <ul>
 * <li>A missing parameter is created (PutParameter without Overwrite) tagged {@code managed-by=external-secrets} plus
 * the metadata tags, with the metadata's type, KMS key, tier and policies.</li>
 * <li>An existing parameter is overwritten only if it carries that tag, and only when its (decrypted) value differs,
 * so a refresh does not add a version; metadata tags that are missing or differ are added with AddTagsToResource.
 * Tags are never removed (ESO removes those not in the metadata; Sluice leaves other writers' tags alone).</li>
 * <li>A parameter without the tag is never written or deleted.</li>
 * </ul>
 */
final class ParameterStorePusher {
    private final Supplier<SsmClient> client;
    private final ParameterReader reader;
    private final String prefix;

    ParameterStorePusher(Supplier<SsmClient> client, ParameterReader reader, String prefix) {
        this.client = client;
        this.reader = reader;
        this.prefix = prefix == null ? "" : prefix;
    }

    boolean push(PushRequest request) {
        ParameterPushMetadata metadata = ParameterPushMetadata.parse(request.metadata());
        String name = prefix + request.remoteKey();
        Parameter current = current(name);
        if (current == null) {
            byte[] value = request.property() == null
                    ? request.value()
                    : JsonProperty.set(null, request.property(), request.value(), name);
            put(name, text(value, name), metadata, metadata.type(), false);
            return true;
        }
        Map<String, String> tags = reader.tags(name);
        requireManaged(tags, name, "overwritten");
        byte[] currentBytes = current.value().getBytes(StandardCharsets.UTF_8);
        byte[] next = request.property() == null
                ? request.value()
                : JsonProperty.set(currentBytes, request.property(), request.value(), name);
        boolean same = request.property() == null
                ? Arrays.equals(currentBytes, next)
                : JsonProperty.sameJson(currentBytes, next);
        boolean wrote = false;
        if (!same) {
            put(name, text(next, name), metadata, metadata.type(), true);
            wrote = true;
        }
        return tagIfNeeded(name, tags, metadata.tags()) || wrote;
    }

    RemoteDeletion delete(PushTarget target) {
        String name = prefix + target.remoteKey();
        Parameter current = current(name);
        if (current == null) {
            return RemoteDeletion.ABSENT;
        }
        if (!isManaged(reader.tags(name))) {
            return RemoteDeletion.KEPT_UNMANAGED;
        }
        if (target.property() != null) {
            byte[] currentBytes = current.value().getBytes(StandardCharsets.UTF_8);
            byte[] remaining = JsonProperty.remove(currentBytes, target.property(), name);
            if (remaining != null) {
                if (!JsonProperty.sameJson(currentBytes, remaining)) {
                    put(name, text(remaining, name), null, current.typeAsString(), true);
                }
                return RemoteDeletion.DELETED;
            }
        }
        try {
            client.get().deleteParameter(b -> b.name(name));
        } catch (SdkException e) {
            if (AwsErrors.classify("DeleteParameter", name, e) instanceof SecretNotFoundException) {
                return RemoteDeletion.ABSENT;
            }
            throw AwsErrors.classify("DeleteParameter", name, e);
        }
        return RemoteDeletion.DELETED;
    }

    boolean exists(PushTarget target) {
        return current(prefix + target.remoteKey()) != null;
    }

    /** The latest version, decrypted; null when there is no such parameter. */
    private Parameter current(String name) {
        try {
            return client.get()
                    .getParameter(b -> b.name(name).withDecryption(true))
                    .parameter();
        } catch (SdkException e) {
            if (AwsErrors.classify("GetParameter", name, e) instanceof SecretNotFoundException) {
                return null;
            }
            throw AwsErrors.classify("GetParameter", name, e);
        }
    }

    private static void requireManaged(Map<String, String> tags, String name, String action) {
        if (!isManaged(tags)) {
            throw new ProviderConfigurationException("parameter " + name + " exists but is not managed by "
                    + "external-secrets (no tag " + PushMetadata.MANAGED_BY_TAG + "=" + PushMetadata.MANAGED_BY_VALUE
                    + "): it is not " + action);
        }
    }

    private static boolean isManaged(Map<String, String> tags) {
        return PushMetadata.MANAGED_BY_VALUE.equals(tags.get(PushMetadata.MANAGED_BY_TAG));
    }

    /**
     * PutParameter. A new parameter carries the tags (AWS refuses tags together with Overwrite); an overwrite of a
     * property removal keeps the parameter's own type ({@code metadata} null).
     */
    private void put(String name, String value, ParameterPushMetadata metadata, String type, boolean overwrite) {
        PutParameterRequest.Builder request =
                PutParameterRequest.builder().name(name).value(value).type(type).overwrite(overwrite);
        if (metadata != null) {
            request.description(metadata.description()).tier(metadata.tier());
            if (metadata.kmsKeyId() != null) {
                request.keyId(metadata.kmsKeyId());
            }
            if (metadata.policies() != null) {
                request.policies(metadata.policies());
            }
            if (!overwrite) {
                request.tags(tags(metadata.creationTags()));
            }
        }
        try {
            client.get().putParameter(request.build());
        } catch (SdkException e) {
            throw AwsErrors.classify("PutParameter", name, e);
        }
    }

    /** Adds the metadata tags that are missing or differ; never removes one. */
    private boolean tagIfNeeded(String name, Map<String, String> present, Map<String, String> wanted) {
        Map<String, String> missing = new LinkedHashMap<>();
        wanted.forEach((k, v) -> {
            if (!v.equals(present.get(k))) {
                missing.put(k, v);
            }
        });
        if (missing.isEmpty()) {
            return false;
        }
        try {
            client.get()
                    .addTagsToResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER)
                            .resourceId(name)
                            .tags(tags(missing)));
        } catch (SdkException e) {
            throw AwsErrors.classify("AddTagsToResource", name, e);
        }
        return true;
    }

    /** Parameters hold text: a value that is not UTF-8 is refused rather than mangled. */
    private static String text(byte[] value, String name) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProviderConfigurationException("the value pushed to parameter " + name + " is not UTF-8 text:"
                    + " Parameter Store holds text only");
        }
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
    }
}

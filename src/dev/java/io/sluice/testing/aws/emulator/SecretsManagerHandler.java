package io.sluice.testing.aws.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Secrets Manager over the JSON 1.1 protocol: {@code X-Amz-Target: secretsmanager.<Operation>}, a JSON body,
 * JSON answers, errors as {@code {"__type": code, "message": text}}. Maps JSON to {@link SecretsManagerState}.
 */
final class SecretsManagerHandler extends JsonProtocol {

    private static final String TARGET_PREFIX = "secretsmanager.";

    private final Function<Optional<String>, SecretsManagerState> stateForRegion;

    SecretsManagerHandler(Function<Optional<String>, SecretsManagerState> stateForRegion) {
        this.stateForRegion = stateForRegion;
    }

    @Override
    public Optional<String> operationOf(IncomingRequest request) {
        String target = request.target();
        return target != null && target.startsWith(TARGET_PREFIX)
                ? Optional.of(target.substring(TARGET_PREFIX.length()))
                : Optional.empty();
    }

    @Override
    public HttpReply handle(String operation, IncomingRequest request) {
        JsonNode in = parse(request.body());
        SecretsManagerState state = stateForRegion.apply(request.region());
        synchronized (state) {
            ObjectNode out = switch (operation) {
                case "CreateSecret" -> createSecret(state, in);
                case "GetSecretValue" -> getSecretValue(state, in);
                case "PutSecretValue" -> putSecretValue(state, in);
                case "UpdateSecret" -> updateSecret(state, in);
                case "DescribeSecret" -> describe(state.find(text(in, "SecretId")), true);
                case "ListSecrets" -> ListingOperations.listSecrets(state, in, this::describe);
                case "BatchGetSecretValue" -> ListingOperations.batchGet(state, in, this::secretValue);
                case "ListSecretVersionIds" -> ListingOperations.listVersionIds(state, in);
                case "TagResource" -> tagResource(state, in);
                case "UntagResource" -> untagResource(state, in);
                case "DeleteSecret" -> deleteSecret(state, in);
                case "RestoreSecret" -> identity(state.restore(text(in, "SecretId")));
                case "GetResourcePolicy" -> identity(state.find(text(in, "SecretId")));
                default -> throw AwsError.badRequest("UnknownOperationException", "Unknown operation " + operation);
            };
            return reply(200, out);
        }
    }

    private ObjectNode createSecret(SecretsManagerState state, JsonNode in) {
        SecretRecord secret = state.create(
                text(in, "Name"),
                text(in, "Description"),
                text(in, "KmsKeyId"),
                tags(in.path("Tags")),
                text(in, "ClientRequestToken"),
                text(in, "SecretString"),
                binary(in));
        ObjectNode out = identity(secret);
        secret.versionByStage(SecretRecord.CURRENT).ifPresent(v -> out.put("VersionId", v.id()));
        return out;
    }

    private ObjectNode getSecretValue(SecretsManagerState state, JsonNode in) {
        SecretRecord secret = state.findLive(text(in, "SecretId"));
        return secretValue(secret, state.read(secret, text(in, "VersionId"), text(in, "VersionStage")));
    }

    private ObjectNode putSecretValue(SecretsManagerState state, JsonNode in) {
        SecretRecord secret = state.findLive(text(in, "SecretId"));
        SecretVersion version = state.putValue(
                secret,
                text(in, "ClientRequestToken"),
                text(in, "SecretString"),
                binary(in),
                strings(in.path("VersionStages")));
        ObjectNode out = identity(secret);
        out.put("VersionId", version.id());
        out.set("VersionStages", stringArray(version.stages()));
        return out;
    }

    private ObjectNode updateSecret(SecretsManagerState state, JsonNode in) {
        SecretRecord secret = state.findLive(text(in, "SecretId"));
        if (in.has("Description")) {
            secret.description(text(in, "Description"));
        }
        if (in.has("KmsKeyId")) {
            secret.kmsKeyId(text(in, "KmsKeyId"));
        }
        ObjectNode out = identity(secret);
        if (in.has("SecretString") || in.has("SecretBinary")) {
            SecretVersion version = state.putValue(
                    secret, text(in, "ClientRequestToken"), text(in, "SecretString"), binary(in), List.of());
            out.put("VersionId", version.id());
        }
        return out;
    }

    private ObjectNode tagResource(SecretsManagerState state, JsonNode in) {
        state.tag(state.findLive(text(in, "SecretId")), tags(in.path("Tags")));
        return JSON.createObjectNode();
    }

    private ObjectNode untagResource(SecretsManagerState state, JsonNode in) {
        state.untag(state.findLive(text(in, "SecretId")), strings(in.path("TagKeys")));
        return JSON.createObjectNode();
    }

    private ObjectNode deleteSecret(SecretsManagerState state, JsonNode in) {
        Integer window = in.hasNonNull("RecoveryWindowInDays")
                ? in.get("RecoveryWindowInDays").asInt()
                : null;
        SecretsManagerState.Deletion deletion = state.delete(
                text(in, "SecretId"),
                window,
                in.path("ForceDeleteWithoutRecovery").asBoolean(false));
        ObjectNode out = JSON.createObjectNode();
        out.put("ARN", deletion.arn());
        out.put("Name", deletion.name());
        out.put("DeletionDate", epochSeconds(deletion.deletionDate()));
        return out;
    }

    /** DescribeSecret's answer, also one entry of ListSecrets (which names the version map differently). */
    ObjectNode describe(SecretRecord secret, boolean forDescribe) {
        ObjectNode out = identity(secret);
        if (secret.description() != null) {
            out.put("Description", secret.description());
        }
        if (secret.kmsKeyId() != null) {
            out.put("KmsKeyId", secret.kmsKeyId());
        }
        out.put("RotationEnabled", false);
        out.put("CreatedDate", epochSeconds(secret.created()));
        out.put("LastChangedDate", epochSeconds(secret.lastChanged()));
        secret.lastAccessed().ifPresent(when -> out.put("LastAccessedDate", epochSeconds(when)));
        secret.deletedDate().ifPresent(when -> out.put("DeletedDate", epochSeconds(when)));
        if (!secret.tags().isEmpty()) {
            ArrayNode tags = out.putArray("Tags");
            secret.tags()
                    .forEach((key, value) -> tags.addObject().put("Key", key).put("Value", value));
        }
        ObjectNode versions = out.putObject(forDescribe ? "VersionIdsToStages" : "SecretVersionsToStages");
        secret.versionIdsToStages().forEach((id, stages) -> versions.set(id, stringArray(stages)));
        return out;
    }

    ObjectNode secretValue(SecretRecord secret, SecretVersion version) {
        ObjectNode out = identity(secret);
        out.put("VersionId", version.id());
        if (version.string() != null) {
            out.put("SecretString", version.string());
        } else {
            out.put("SecretBinary", Base64.getEncoder().encodeToString(version.binary()));
        }
        out.set("VersionStages", stringArray(version.stages()));
        out.put("CreatedDate", epochSeconds(version.created()));
        return out;
    }

    private static ObjectNode identity(SecretRecord secret) {
        ObjectNode out = JSON.createObjectNode();
        out.put("ARN", secret.arn());
        out.put("Name", secret.name());
        return out;
    }

    @Override
    public AwsError accessDenied(String operation, String principal) {
        return AwsError.badRequest(
                "AccessDeniedException",
                "User: " + principal + " is not authorized to perform: secretsmanager:" + operation
                        + " because no identity-based policy allows it");
    }

    static String text(JsonNode in, String field) {
        JsonNode node = in.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    static ArrayNode stringArray(Iterable<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    static double epochSeconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    private static byte[] binary(JsonNode in) {
        String encoded = text(in, "SecretBinary");
        return encoded == null ? null : Base64.getDecoder().decode(encoded);
    }

    private static Map<String, String> tags(JsonNode array) {
        Map<String, String> tags = new LinkedHashMap<>();
        array.forEach(
                tag -> tags.put(tag.path("Key").asText(), tag.path("Value").asText()));
        return tags;
    }
}

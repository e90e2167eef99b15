package io.sluice.testing.aws.emulator;

import static io.sluice.testing.aws.emulator.SecretsManagerHandler.epochSeconds;
import static io.sluice.testing.aws.emulator.SecretsManagerHandler.stringArray;
import static io.sluice.testing.aws.emulator.SecretsManagerHandler.strings;
import static io.sluice.testing.aws.emulator.SecretsManagerHandler.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** The Secrets Manager operations that return pages: ListSecrets, BatchGetSecretValue, ListSecretVersionIds. */
final class ListingOperations {

    private static final int MAX_BATCH = 20;

    private ListingOperations() {}

    static ObjectNode listSecrets(
            SecretsManagerState state, JsonNode in, BiFunction<SecretRecord, Boolean, ObjectNode> describe) {
        List<SecretRecord> secrets = state.list(
                filters(in), in.path("IncludePlannedDeletion").asBoolean(false), "desc".equals(text(in, "SortOrder")));
        PageToken.Page<SecretRecord> page = PageToken.page(secrets, maxResults(in, 100), text(in, "NextToken"));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("SecretList");
        page.items().forEach(secret -> list.add(describe.apply(secret, false)));
        putNextToken(out, page);
        return out;
    }

    static ObjectNode batchGet(
            SecretsManagerState state, JsonNode in, BiFunction<SecretRecord, SecretVersion, ObjectNode> secretValue) {
        List<String> ids = strings(in.path("SecretIdList"));
        List<SecretFilter> filters = filters(in);
        if (ids.isEmpty() == filters.isEmpty()) {
            throw AwsError.badRequest(
                    "InvalidParameterException", "Either 'SecretIdList' or 'Filters' must be provided, but not both.");
        }
        if (in.has("MaxResults") && filters.isEmpty()) {
            throw AwsError.badRequest(
                    "InvalidParameterException",
                    "'Filters' not specified. 'Filters' must also be specified when 'MaxResults' is provided.");
        }
        if (ids.size() > MAX_BATCH) {
            throw AwsError.badRequest(
                    "InvalidParameterException", "SecretIdList can hold at most " + MAX_BATCH + " ids.");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode values = out.putArray("SecretValues");
        ArrayNode errors = out.putArray("Errors");
        if (!ids.isEmpty()) {
            for (String id : ids) {
                try {
                    SecretRecord secret = state.findLive(id);
                    values.add(secretValue.apply(secret, state.read(secret, null, null)));
                } catch (AwsError error) {
                    errors.addObject()
                            .put("SecretId", id)
                            .put("ErrorCode", error.code())
                            .put("Message", error.getMessage());
                }
            }
            return out;
        }
        List<SecretRecord> matching = state.list(filters, false, false).stream()
                .filter(secret -> secret.versionByStage(SecretRecord.CURRENT).isPresent())
                .toList();
        PageToken.Page<SecretRecord> page = PageToken.page(matching, maxResults(in, MAX_BATCH), text(in, "NextToken"));
        page.items().forEach(secret -> values.add(secretValue.apply(secret, state.read(secret, null, null))));
        putNextToken(out, page);
        return out;
    }

    static ObjectNode listVersionIds(SecretsManagerState state, JsonNode in) {
        SecretRecord secret = state.find(text(in, "SecretId"));
        boolean includeDeprecated = in.path("IncludeDeprecated").asBoolean(false);
        List<SecretVersion> versions = secret.versions().stream()
                .filter(v -> includeDeprecated || !v.stages().isEmpty())
                .toList();
        PageToken.Page<SecretVersion> page = PageToken.page(versions, maxResults(in, 100), text(in, "NextToken"));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("Versions");
        for (SecretVersion version : page.items()) {
            ObjectNode entry = list.addObject();
            entry.put("VersionId", version.id());
            entry.set("VersionStages", stringArray(version.stages()));
            entry.put("CreatedDate", epochSeconds(version.created()));
        }
        out.put("ARN", secret.arn());
        out.put("Name", secret.name());
        putNextToken(out, page);
        return out;
    }

    private static List<SecretFilter> filters(JsonNode in) {
        List<SecretFilter> filters = new ArrayList<>();
        in.path("Filters").forEach(f -> filters.add(new SecretFilter(text(f, "Key"), strings(f.path("Values")))));
        return filters;
    }

    private static int maxResults(JsonNode in, int limit) {
        if (!in.hasNonNull("MaxResults")) {
            return limit;
        }
        int max = in.get("MaxResults").asInt();
        if (max < 1 || max > limit) {
            throw AwsError.badRequest("InvalidParameterException", "MaxResults must be between 1 and " + limit + ".");
        }
        return max;
    }

    private static void putNextToken(ObjectNode out, PageToken.Page<?> page) {
        if (page.nextToken() != null) {
            out.put("NextToken", page.nextToken());
        }
    }
}

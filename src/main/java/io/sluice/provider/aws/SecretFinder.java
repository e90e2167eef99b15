package io.sluice.provider.aws;

import io.sluice.provider.FindQuery;
import io.sluice.provider.ProviderConfigurationException;
import io.sluice.provider.RemoteSecret;
import io.sluice.regexp.TenantRegexp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.APIErrorType;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;

/**
 * {@code dataFrom.find}. A name pattern without a path lists the secrets (ListSecrets, tag filters on the
 * server and checked again on the returned tags), then reads the matches by id, 20 per BatchGetSecretValue.
 * A path or tags alone read everything matching the filters with paged BatchGetSecretValue calls. Results are
 * keyed by secret name; the store prefix is not applied (ESO's double prefix is not reproduced).
 */
final class SecretFinder {
    private final SecretsManagerClient client;
    private final AwsSettings settings;

    SecretFinder(SecretsManagerClient client, AwsSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    Map<String, RemoteSecret> find(FindQuery query) {
        TenantRegexp name = query.namePattern().orElse(null);
        boolean hasPath = query.path() != null && !query.path().isBlank();
        if (name == null && !hasPath && query.tags().isEmpty()) {
            throw new ProviderConfigurationException("dataFrom.find needs name.regexp, tags or path");
        }
        if (name != null && !hasPath) {
            return readByIds(listMatching(name, query.tags()));
        }
        List<Filter> filters = tagFilters(query.tags());
        if (hasPath) {
            filters.add(Filter.builder()
                    .key(FilterNameStringType.NAME)
                    .values(query.path())
                    .build());
        }
        return readByFilters(filters, name == null ? n -> true : name::find);
    }

    private static List<Filter> tagFilters(Map<String, String> tags) {
        List<Filter> filters = new ArrayList<>();
        tags.forEach((key, value) -> {
            filters.add(Filter.builder()
                    .key(FilterNameStringType.TAG_KEY)
                    .values(key)
                    .build());
            filters.add(Filter.builder()
                    .key(FilterNameStringType.TAG_VALUE)
                    .values(value)
                    .build());
        });
        return filters;
    }

    /** ARNs of the listed secrets whose name matches and whose tags include all wanted tags. */
    private List<String> listMatching(TenantRegexp name, Map<String, String> tags) {
        ListSecretsRequest.Builder request = ListSecretsRequest.builder().maxResults(settings.listPageSize());
        if (!tags.isEmpty()) {
            request.filters(tagFilters(tags));
        }
        List<String> ids = new ArrayList<>();
        try {
            for (ListSecretsResponse page : client.listSecretsPaginator(request.build())) {
                for (SecretListEntry entry : page.secretList()) {
                    if (name.find(entry.name()) && hasTags(entry, tags)) {
                        ids.add(entry.arn() != null ? entry.arn() : entry.name());
                    }
                }
            }
        } catch (SdkException e) {
            throw AwsErrors.classify("ListSecrets", null, e);
        }
        return ids;
    }

    private static boolean hasTags(SecretListEntry entry, Map<String, String> wanted) {
        if (wanted.isEmpty()) {
            return true;
        }
        Map<String, String> actual = new LinkedHashMap<>();
        if (entry.hasTags()) {
            entry.tags().forEach(t -> actual.put(t.key(), t.value()));
        }
        return wanted.entrySet().stream().allMatch(w -> w.getValue().equals(actual.get(w.getKey())));
    }

    private Map<String, RemoteSecret> readByIds(List<String> ids) {
        Map<String, RemoteSecret> values = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += settings.batchSize()) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + settings.batchSize()));
            BatchGetSecretValueResponse response = batchGet(
                    BatchGetSecretValueRequest.builder().secretIdList(chunk).build());
            collect(response, n -> true, values);
        }
        return values;
    }

    private Map<String, RemoteSecret> readByFilters(List<Filter> filters, Predicate<String> nameMatches) {
        Map<String, RemoteSecret> values = new LinkedHashMap<>();
        String nextToken = null;
        do {
            BatchGetSecretValueResponse response = batchGet(BatchGetSecretValueRequest.builder()
                    .filters(filters)
                    .maxResults(settings.batchSize())
                    .nextToken(nextToken)
                    .build());
            collect(response, nameMatches, values);
            nextToken = response.nextToken();
        } while (nextToken != null && !nextToken.isEmpty());
        return values;
    }

    private BatchGetSecretValueResponse batchGet(BatchGetSecretValueRequest request) {
        try {
            return client.batchGetSecretValue(request);
        } catch (SdkException e) {
            throw AwsErrors.classify("BatchGetSecretValue", null, e);
        }
    }

    /** Adds the returned values; a secret deleted since it was listed is skipped, any other error fails. */
    private static void collect(
            BatchGetSecretValueResponse response, Predicate<String> nameMatches, Map<String, RemoteSecret> values) {
        if (response.hasErrors()) {
            for (APIErrorType error : response.errors()) {
                if (!AwsErrors.isNotFound(error.errorCode(), error.message())) {
                    throw AwsErrors.fromErrorEntry(
                            "BatchGetSecretValue", error.secretId(), error.errorCode(), error.message());
                }
            }
        }
        for (SecretValueEntry entry : response.secretValues()) {
            if (nameMatches.test(entry.name())) {
                values.put(entry.name(), SecretValues.of(entry.secretString(), entry.secretBinary()));
            }
        }
    }
}

package io.sluice.provider.aws;

import io.sluice.provider.FetchOutcome;
import io.sluice.provider.FindQuery;
import io.sluice.provider.ProviderConfigurationException;
import io.sluice.provider.RemoteSecret;
import io.sluice.regexp.TenantRegexp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DescribeParametersRequest;
import software.amazon.awssdk.services.ssm.model.DescribeParametersResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;

/**
 * {@code dataFrom.find} on Parameter Store, as ESO does it:
 * <ul>
 * <li>without tags: GetParametersByPath under {@code path} (default {@code /}, every parameter), recursive and
 * decrypted, keeping the names {@code name.regexp} matches. If the path read is denied, DescribeParameters (which
 * IAM grants on {@code *} only) lists the names instead.</li>
 * <li>with tags: DescribeParameters filtered on each tag ({@code tag:<key>} Equals) and on the path (Recursive),
 * then the matching names are read {@value ParameterReader#BATCH} per GetParameters (ESO reads them one by one).
 * Sluice also applies {@code name.regexp} here, which ESO ignores when tags are set.</li>
 * </ul>
 * Results are keyed by the full parameter name; the store prefix is not applied, as for Secrets Manager.
 */
final class ParameterFinder {
    private static final String ACCESS_DENIED = "AccessDeniedException";
    /** AWS's largest page for each listing. */
    private static final int PATH_PAGE = 10;

    private static final int DESCRIBE_PAGE = 50;

    private final Supplier<SsmClient> client;
    private final ParameterReader reader;

    ParameterFinder(Supplier<SsmClient> client, ParameterReader reader) {
        this.client = client;
        this.reader = reader;
    }

    Map<String, RemoteSecret> find(FindQuery query) {
        TenantRegexp name = query.namePattern().orElse(null);
        boolean hasPath = query.path() != null && !query.path().isBlank();
        if (name == null && !hasPath && query.tags().isEmpty()) {
            throw new ProviderConfigurationException("dataFrom.find needs name.regexp, tags or path");
        }
        String path = hasPath ? query.path() : "/";
        if (!query.tags().isEmpty()) {
            return readAll(describe(filters(query.tags(), hasPath ? path : null), name));
        }
        try {
            return byPath(path, name);
        } catch (SdkException e) {
            if (!isAccessDenied(e)) {
                throw AwsErrors.classify("GetParametersByPath", path, e);
            }
            return readAll(describe(filters(Map.of(), hasPath ? path : null), name));
        }
    }

    private Map<String, RemoteSecret> byPath(String path, TenantRegexp name) {
        Map<String, RemoteSecret> values = new LinkedHashMap<>();
        GetParametersByPathRequest request = GetParametersByPathRequest.builder()
                .path(path)
                .recursive(true)
                .withDecryption(true)
                .maxResults(PATH_PAGE)
                .build();
        for (GetParametersByPathResponse page : client.get().getParametersByPathPaginator(request)) {
            for (Parameter parameter : page.parameters()) {
                if (name == null || name.find(parameter.name())) {
                    values.put(parameter.name(), RemoteSecret.ofString(parameter.value()));
                }
            }
        }
        return values;
    }

    private static boolean isAccessDenied(SdkException e) {
        return e instanceof AwsServiceException service
                && service.awsErrorDetails() != null
                && ACCESS_DENIED.equals(service.awsErrorDetails().errorCode());
    }

    private static List<ParameterStringFilter> filters(Map<String, String> tags, String path) {
        List<ParameterStringFilter> filters = new ArrayList<>();
        tags.forEach((key, value) -> filters.add(ParameterStringFilter.builder()
                .key("tag:" + key)
                .option("Equals")
                .values(value)
                .build()));
        if (path != null) {
            filters.add(ParameterStringFilter.builder()
                    .key("Path")
                    .option("Recursive")
                    .values(path)
                    .build());
        }
        return filters;
    }

    private List<String> describe(List<ParameterStringFilter> filters, TenantRegexp name) {
        List<String> names = new ArrayList<>();
        DescribeParametersRequest request = DescribeParametersRequest.builder()
                .parameterFilters(filters)
                .maxResults(DESCRIBE_PAGE)
                .build();
        try {
            for (DescribeParametersResponse page : client.get().describeParametersPaginator(request)) {
                for (ParameterMetadata parameter : page.parameters()) {
                    if (name == null || name.find(parameter.name())) {
                        names.add(parameter.name());
                    }
                }
            }
        } catch (SdkException e) {
            throw AwsErrors.classify("DescribeParameters", null, e);
        }
        return names;
    }

    /** The listed parameters' values; one deleted since it was listed is skipped. */
    private Map<String, RemoteSecret> readAll(List<String> names) {
        Map<String, RemoteSecret> values = new LinkedHashMap<>();
        List<ParameterSelector> selectors =
                names.stream().map(n -> new ParameterSelector(n, null)).toList();
        for (Map.Entry<ParameterSelector, FetchOutcome> read :
                reader.values(selectors).entrySet()) {
            if (read.getValue().failure() == null) {
                values.put(read.getKey().name(), read.getValue().value());
            }
        }
        return values;
    }
}

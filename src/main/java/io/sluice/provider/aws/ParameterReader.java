package io.sluice.provider.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.provider.FetchOutcome;
import io.sluice.provider.ProviderConfigurationException;
import io.sluice.provider.RemoteSecret;
import io.sluice.provider.SecretNotFoundException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;

/**
 * Parameter values and tags. Values are always read decrypted (SecureString), one parameter by GetParameter, several
 * by GetParameters (at most {@value #BATCH} names per call, AWS's limit). Names are full names, prefix included.
 */
final class ParameterReader {
    static final int BATCH = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<SsmClient> client;

    ParameterReader(Supplier<SsmClient> client) {
        this.client = client;
    }

    RemoteSecret value(ParameterSelector selector) {
        try {
            Parameter parameter = client.get()
                    .getParameter(b -> b.name(selector.selector()).withDecryption(true))
                    .parameter();
            return RemoteSecret.ofString(parameter.value());
        } catch (SdkException e) {
            throw AwsErrors.classify("GetParameter", selector.selector(), e);
        }
    }

    /**
     * The values of all selectors, {@value #BATCH} per GetParameters. One call never holds two versions of the same
     * name, so each returned parameter answers exactly one selector. A selector AWS lists as invalid is read again on
     * its own when it names a version, so that a missing version is told from a missing parameter.
     */
    Map<ParameterSelector, FetchOutcome> values(List<ParameterSelector> selectors) {
        Map<ParameterSelector, FetchOutcome> outcomes = new LinkedHashMap<>();
        for (List<ParameterSelector> chunk : chunks(selectors)) {
            GetParametersResponse response = getParameters(chunk);
            Map<String, Parameter> byName = new LinkedHashMap<>();
            response.parameters().forEach(p -> byName.put(p.name(), p));
            for (ParameterSelector selector : chunk) {
                Parameter found = byName.get(selector.name());
                if (found != null) {
                    outcomes.put(selector, FetchOutcome.of(RemoteSecret.ofString(found.value())));
                } else if (selector.version() != null) {
                    outcomes.put(selector, single(selector));
                } else {
                    outcomes.put(
                            selector,
                            FetchOutcome.failed(new SecretNotFoundException(
                                    "GetParameters " + selector.name() + " failed: ParameterNotFound")));
                }
            }
        }
        return outcomes;
    }

    private FetchOutcome single(ParameterSelector selector) {
        try {
            return FetchOutcome.of(value(selector));
        } catch (SecretNotFoundException e) {
            return FetchOutcome.failed(e);
        }
    }

    private GetParametersResponse getParameters(List<ParameterSelector> chunk) {
        List<String> names = chunk.stream().map(ParameterSelector::selector).toList();
        try {
            return client.get().getParameters(b -> b.names(names).withDecryption(true));
        } catch (SdkException e) {
            throw AwsErrors.classify("GetParameters", String.join(",", names), e);
        }
    }

    /** Chunks of at most {@value #BATCH} selectors with distinct names, in order. */
    static List<List<ParameterSelector>> chunks(List<ParameterSelector> selectors) {
        List<List<ParameterSelector>> chunks = new ArrayList<>();
        List<ParameterSelector> pending = new ArrayList<>(new LinkedHashSet<>(selectors));
        while (!pending.isEmpty()) {
            List<ParameterSelector> chunk = new ArrayList<>();
            Set<String> names = new HashSet<>();
            List<ParameterSelector> later = new ArrayList<>();
            for (ParameterSelector selector : pending) {
                if (chunk.size() < BATCH && names.add(selector.name())) {
                    chunk.add(selector);
                } else {
                    later.add(selector);
                }
            }
            chunks.add(chunk);
            pending = later;
        }
        return chunks;
    }

    /** The parameter's tags as a JSON object, keys sorted; {@code {}} without tags. */
    RemoteSecret tagsJson(String name) {
        Map<String, String> tags = new TreeMap<>(tags(name));
        try {
            return RemoteSecret.ofString(JSON.writeValueAsString(tags));
        } catch (JsonProcessingException e) {
            throw new ProviderConfigurationException("cannot encode the tags of " + name + " as JSON");
        }
    }

    Map<String, String> tags(String name) {
        try {
            Map<String, String> tags = new LinkedHashMap<>();
            client.get()
                    .listTagsForResource(b ->
                            b.resourceType(ResourceTypeForTagging.PARAMETER).resourceId(name))
                    .tagList()
                    .forEach(t -> tags.put(t.key(), t.value()));
            return tags;
        } catch (SdkException e) {
            throw AwsErrors.classify("ListTagsForResource", name, e);
        }
    }
}

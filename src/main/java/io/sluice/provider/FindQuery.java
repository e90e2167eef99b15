package io.sluice.provider;

import io.sluice.api.v1.ExternalSecretFind;
import io.sluice.regexp.InvalidRegexpException;
import io.sluice.regexp.TenantRegexp;
import java.util.Map;
import java.util.Optional;

/** {@code dataFrom[].find} reduced to what a provider needs: a name pattern, tags and a path prefix. */
public record FindQuery(String nameRegexp, Map<String, String> tags, String path) {
    public FindQuery {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public static FindQuery of(ExternalSecretFind find) {
        return new FindQuery(find.name == null ? null : find.name.regexp, find.tags, find.path);
    }

    /**
     * The query's {@code name.regexp} compiled with Go's syntax; empty when there is none (an empty pattern
     * selects every name). An invalid pattern is a configuration error naming the field.
     */
    public Optional<TenantRegexp> namePattern() {
        if (nameRegexp == null || nameRegexp.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TenantRegexp.compile("dataFrom.find.name.regexp", nameRegexp));
        } catch (InvalidRegexpException e) {
            throw new ProviderConfigurationException(e.getMessage());
        }
    }
}

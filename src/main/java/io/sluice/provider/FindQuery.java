package io.sluice.provider;

import io.sluice.api.v1.ExternalSecretFind;
import java.util.Map;

/** {@code dataFrom[].find} reduced to what a provider needs: a name pattern, tags and a path prefix. */
public record FindQuery(String nameRegexp, Map<String, String> tags, String path) {
    public FindQuery {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public static FindQuery of(ExternalSecretFind find) {
        return new FindQuery(find.name == null ? null : find.name.regexp, find.tags, find.path);
    }
}

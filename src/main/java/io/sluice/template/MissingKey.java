package io.sluice.template;

import java.util.Collection;

/** A {@code data:} lookup for a key that was not fetched. Names the keys only, never values. */
final class MissingKey extends RuntimeException {
    private final String key;

    MissingKey(String key, Collection<?> available) {
        super("key \"" + key + "\" not found; the fetched keys are " + available, null, false, false);
        this.key = key;
    }

    String key() {
        return key;
    }
}

package io.sluice.template;

import java.util.Map;

/**
 * Loads the ConfigMaps and Secrets that {@code templateFrom} names, in the ExternalSecret's
 * namespace. Return null when the object does not exist.
 */
public interface TemplateSources {
    Map<String, String> configMap(String name);

    Map<String, byte[]> secret(String name);

    /** For templates without templateFrom: every lookup fails. */
    TemplateSources NONE = new TemplateSources() {
        @Override
        public Map<String, String> configMap(String name) {
            return null;
        }

        @Override
        public Map<String, byte[]> secret(String name) {
            return null;
        }
    };
}

package io.sluice.template;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Secret a template produced.
 *
 * @param type the template's type, null when the template sets none
 * @param labels rendered {@code metadata.labels} and templateFrom entries with target Labels
 * @param annotations rendered {@code metadata.annotations} and templateFrom entries with target Annotations
 * @param data the complete Secret data: rendered keys, plus the fetched keys when mergePolicy is
 *     Merge or when the template renders no data at all (ESO's fallback)
 * @param merged true when mergePolicy Merge copied the fetched keys into {@code data}
 */
public record RenderedSecret(
        String type,
        Map<String, String> labels,
        Map<String, String> annotations,
        Map<String, byte[]> data,
        boolean merged) {

    public RenderedSecret {
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
        data = Collections.unmodifiableMap(new TreeMap<>(data));
    }

    /** Never shows data values. */
    @Override
    public String toString() {
        return "RenderedSecret[type=" + type + ", labels=" + labels + ", annotations=" + annotations + ", dataKeys="
                + data.keySet() + ", merged=" + merged + "]";
    }
}

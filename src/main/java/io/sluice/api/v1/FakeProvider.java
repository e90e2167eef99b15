package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code spec.provider.fake}: static data served from the store itself (demos and tests). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FakeProvider {
    public List<Entry> data;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Entry {
        public String key;
        public String value;
        public String version;

        public Entry() {}

        public Entry(String key, String value, String version) {
            this.key = key;
            this.value = value;
            this.version = version;
        }
    }
}

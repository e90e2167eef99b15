package io.sluice.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code spec.syncWindows}: allow or deny periodic refreshes during cron windows. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SyncWindows {
    public Kind kind;
    public List<Window> windows;

    public enum Kind {
        allow,
        deny
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Window {
        public String schedule;
        public String duration;
    }
}

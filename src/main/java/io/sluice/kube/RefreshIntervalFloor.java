package io.sluice.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.sluice.config.SluiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Raises a positive interval below {@code sluice.min-refresh-interval} to it, and says so once: a Normal Event
 * {@value #REASON} on the resource the first time a value is raised, not at every reconcile. A resource whose
 * interval is raised is remembered (a bounded number of them) until its interval no longer needs raising.
 */
@ApplicationScoped
public class RefreshIntervalFloor {
    public static final String REASON = "RefreshIntervalRaised";
    private static final Logger LOG = Logger.getLogger(RefreshIntervalFloor.class);
    /** Beyond this many raised resources the oldest is forgotten: at worst it gets its Event a second time. */
    private static final int MAX_REMEMBERED = 10_000;

    private final Duration minimum;
    private final EventRecorder events;
    private final Map<String, Duration> announced = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Duration> eldest) {
            return size() > MAX_REMEMBERED;
        }
    });

    public RefreshIntervalFloor(SluiceConfig config, EventRecorder events) {
        this.minimum = config.minRefreshInterval();
        this.events = events;
    }

    /**
     * @param field the setting the interval comes from, for the Event ({@code spec.refreshInterval})
     * @return {@code interval}, or the minimum when it is positive and shorter; zero ("once") stays zero
     */
    public Duration apply(HasMetadata resource, String field, Duration interval) {
        Duration effective = Durations.atLeast(minimum, interval);
        var meta = resource.getMetadata();
        String key = resource.getKind() + "/" + meta.getNamespace() + "/" + meta.getName() + "/" + meta.getUid() + "/"
                + field;
        if (effective.equals(interval)) {
            announced.remove(key);
            return interval;
        }
        if (!interval.equals(announced.put(key, interval))) {
            String message = field + " is below sluice.min-refresh-interval: raised to " + Durations.format(minimum);
            events.normal(resource, REASON, message);
            LOG.infof(
                    "%s %s%s: %s",
                    resource.getKind(),
                    meta.getNamespace() == null ? "" : meta.getNamespace() + "/",
                    meta.getName(),
                    message);
        }
        return effective;
    }
}

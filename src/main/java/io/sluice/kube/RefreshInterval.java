package io.sluice.kube;

import io.fabric8.kubernetes.api.model.IntOrString;
import java.time.Duration;

/**
 * The one reading of a resource's refresh interval ({@code spec.refreshInterval}, a ClusterExternalSecret's
 * {@code spec.refreshTime}): absent or blank gives the default, anything else is a Go duration. Every kind treats
 * a value that does not parse the same way, the ExternalSecret's: the resource is not acted on and its Ready
 * condition says {@code invalid <field>: <why>} ({@link Invalid#getMessage()}).
 */
public final class RefreshInterval {
    /**
     * When a resource with an invalid interval is looked at again if nothing changes: fixing the value is a change
     * of the resource, which reconciles it at once.
     */
    public static final Duration RETRY_WHEN_INVALID = Duration.ofDays(1);

    private RefreshInterval() {}

    /** @throws Invalid when {@code text} is not a duration */
    public static Duration parse(String field, String text, Duration whenAbsent) {
        if (text == null || text.isBlank()) {
            return whenAbsent;
        }
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Invalid(field, e.getMessage());
        }
    }

    /**
     * A store's interval: whole seconds or a duration; absent or zero gives the default (ESO's rule for stores).
     *
     * @throws Invalid when it is negative or not a duration
     */
    public static Duration parseStore(String field, IntOrString value, Duration whenAbsentOrZero) {
        if (value == null) {
            return whenAbsentOrZero;
        }
        Duration d;
        if (value.getIntVal() != null) {
            if (value.getIntVal() < 0) {
                throw new Invalid(field, "negative: " + value.getIntVal());
            }
            d = Duration.ofSeconds(value.getIntVal());
        } else {
            d = parse(field, value.getStrVal(), Duration.ZERO);
        }
        return d.isZero() ? whenAbsentOrZero : d;
    }

    /** A refresh interval that is not a duration; the message names the field and is safe for a condition. */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String field, String why) {
            super("invalid " + field + ": " + why, null);
        }
    }
}

package io.sluice.status;

import io.sluice.api.common.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one place where status conditions change. A condition keeps its lastTransitionTime unless its status
 * flips, so an unchanged outcome yields an identical list and no status write.
 */
public final class Conditions {
    public static final String READY = "Ready";
    public static final String TRUE = "True";
    public static final String FALSE = "False";

    private Conditions() {}

    /** Returns a new list where the condition of {@code next.type} is replaced by {@code next}. */
    public static List<Condition> with(
            List<Condition> current, String type, boolean status, String reason, String message, Clock clock) {
        List<Condition> result = new ArrayList<>();
        Condition previous = null;
        for (Condition c : current == null ? List.<Condition>of() : current) {
            if (Objects.equals(type, c.type)) {
                previous = c;
            } else {
                result.add(c);
            }
        }
        String statusText = status ? TRUE : FALSE;
        String transition =
                previous != null && statusText.equals(previous.status) && previous.lastTransitionTime != null
                        ? previous.lastTransitionTime
                        : now(clock);
        result.add(new Condition(type, statusText, reason, message, transition));
        result.sort((a, b) -> a.type.compareTo(b.type));
        return result;
    }

    public static Condition find(List<Condition> conditions, String type) {
        if (conditions == null) {
            return null;
        }
        return conditions.stream()
                .filter(c -> Objects.equals(type, c.type))
                .findFirst()
                .orElse(null);
    }

    public static boolean isTrue(List<Condition> conditions, String type) {
        Condition c = find(conditions, type);
        return c != null && TRUE.equals(c.status);
    }

    /** RFC 3339 with second precision, as Kubernetes writes times. */
    public static String now(Clock clock) {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}

package io.sluice.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** A status condition, shaped like ESO's (type, status, reason, message, lastTransitionTime). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Condition {
    public String type;
    public String status;
    public String reason;
    public String message;
    public String lastTransitionTime;

    public Condition() {}

    public Condition(String type, String status, String reason, String message, String lastTransitionTime) {
        this.type = type;
        this.status = status;
        this.reason = reason;
        this.message = message;
        this.lastTransitionTime = lastTransitionTime;
    }

    /** True when everything but the transition time is the same. */
    public boolean sameStateAs(Condition other) {
        return other != null
                && Objects.equals(type, other.type)
                && Objects.equals(status, other.status)
                && Objects.equals(reason, other.reason)
                && Objects.equals(message, other.message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Condition c && sameStateAs(c) && Objects.equals(lastTransitionTime, c.lastTransitionTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, status, reason, message, lastTransitionTime);
    }
}

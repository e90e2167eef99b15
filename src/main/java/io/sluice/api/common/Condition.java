package io.sluice.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A status condition, shaped like ESO's (type, status, reason, message, lastTransitionTime). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Condition {
    public String type;
    public String status;
    public String reason;
    public String message;
    public String lastTransitionTime;

    public Condition() {
    }

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
                && java.util.Objects.equals(type, other.type)
                && java.util.Objects.equals(status, other.status)
                && java.util.Objects.equals(reason, other.reason)
                && java.util.Objects.equals(message, other.message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Condition c && sameStateAs(c)
                && java.util.Objects.equals(lastTransitionTime, c.lastTransitionTime);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(type, status, reason, message, lastTransitionTime);
    }
}

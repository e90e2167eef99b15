package io.sluice.provider;

import java.util.Objects;

/** One key's share of a batched read: its value, or the provider error for that key alone. */
public record FetchOutcome(RemoteSecret value, ProviderException failure) {
    public FetchOutcome {
        if ((value == null) == (failure == null)) {
            throw new IllegalArgumentException("exactly one of value and failure");
        }
    }

    public static FetchOutcome of(RemoteSecret value) {
        return new FetchOutcome(Objects.requireNonNull(value, "value"), null);
    }

    public static FetchOutcome failed(ProviderException failure) {
        return new FetchOutcome(null, Objects.requireNonNull(failure, "failure"));
    }

    /** The value, or the failure thrown. */
    public RemoteSecret get() {
        if (failure != null) {
            throw failure;
        }
        return value;
    }
}

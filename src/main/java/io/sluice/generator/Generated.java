package io.sluice.generator;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What one generator run produced: its keys and values, and when the values stop working (a token's expiry; empty
 * for values that do not expire). {@link #toString()} shows the keys only.
 */
public record Generated(Map<String, byte[]> data, Optional<Instant> expiresAt) {
    public Generated {
        data = Map.copyOf(data);
    }

    @Override
    public String toString() {
        return "Generated[keys=" + data.keySet() + ", expiresAt="
                + expiresAt.map(Instant::toString).orElse("never") + "]";
    }
}

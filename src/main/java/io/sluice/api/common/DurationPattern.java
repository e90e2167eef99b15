package io.sluice.api.common;

/**
 * The OpenAPI {@code pattern} of every duration field in the CRDs: Go's {@code time.ParseDuration} syntax, which
 * ESO parses these fields with ({@code 1h0m0s}, {@code 1h30m}, {@code 15s}, {@code 1.5h}, {@code 300ms}, {@code 0}),
 * without its sign: a negative interval is refused by the API server instead of at the next reconcile. A value
 * beyond Go's range still matches and is refused when parsed.
 */
public final class DurationPattern {
    public static final String GO_DURATION =
            "^\\+?(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)$";

    private DurationPattern() {}
}

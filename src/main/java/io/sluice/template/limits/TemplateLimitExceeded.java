package io.sluice.template.limits;

/**
 * A template hit one of the {@link TemplateLimits}. The message names the bound and the construct
 * that hit it, never template text or a value.
 */
public class TemplateLimitExceeded extends RuntimeException {
    public TemplateLimitExceeded(String message) {
        super(message, null, false, false);
    }

    /** {@code construct} would produce more than {@code limit} characters. */
    public static TemplateLimitExceeded resultTooLarge(String construct, long projected, long limit) {
        return new TemplateLimitExceeded(construct + " would produce " + String.format("%,d", projected)
                + " characters, more than the " + TemplateLimits.describe(limit) + " limit");
    }

    /** Fails when {@code construct} would produce more than {@link TemplateLimits#MAX_VALUE_CHARS}. */
    public static void checkResultSize(String construct, long projected) {
        if (projected > TemplateLimits.MAX_VALUE_CHARS) {
            throw resultTooLarge(construct, projected, TemplateLimits.MAX_VALUE_CHARS);
        }
    }
}

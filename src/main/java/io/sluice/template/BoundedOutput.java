package io.sluice.template;

import io.sluice.template.limits.TemplateLimitExceeded;
import io.sluice.template.limits.TemplateLimits;
import java.util.function.Consumer;

/** Collects a render's output and stops it once it passes its limit: a Secret's size, or a key's length. */
final class BoundedOutput implements Consumer<String> {
    /** How much one render may write, and what to say when it writes more. */
    record Limit(long maxChars, String exceeded) {}

    static final Limit SECRET = new Limit(
            TemplateLimits.MAX_OUTPUT_BYTES,
            "the rendered output is larger than the " + TemplateLimits.describe(TemplateLimits.MAX_OUTPUT_BYTES)
                    + " Secret size limit");

    private final StringBuilder text = new StringBuilder();
    private final Limit limit;

    BoundedOutput(Limit limit) {
        this.limit = limit;
    }

    @Override
    public void accept(String chunk) {
        if ((long) text.length() + chunk.length() > limit.maxChars()) {
            throw new TemplateLimitExceeded(limit.exceeded());
        }
        text.append(chunk);
    }

    String text() {
        return text.toString();
    }

    /** The Secret limit again once binary values are spliced in: their placeholders are shorter than they are. */
    static byte[] check(byte[] rendered) {
        if (rendered.length > TemplateLimits.MAX_OUTPUT_BYTES) {
            throw new TemplateLimitExceeded(SECRET.exceeded());
        }
        return rendered;
    }
}

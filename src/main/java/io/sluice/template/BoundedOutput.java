package io.sluice.template;

import io.sluice.template.limits.TemplateLimitExceeded;
import io.sluice.template.limits.TemplateLimits;
import java.util.function.Consumer;

/** Collects a render's output and stops it once it passes the Secret size limit. */
final class BoundedOutput implements Consumer<String> {
    private final StringBuilder text = new StringBuilder();

    @Override
    public void accept(String chunk) {
        if ((long) text.length() + chunk.length() > TemplateLimits.MAX_OUTPUT_BYTES) {
            throw tooLarge();
        }
        text.append(chunk);
    }

    String text() {
        return text.toString();
    }

    static byte[] check(byte[] rendered) {
        if (rendered.length > TemplateLimits.MAX_OUTPUT_BYTES) {
            throw tooLarge();
        }
        return rendered;
    }

    private static TemplateLimitExceeded tooLarge() {
        return new TemplateLimitExceeded("the rendered output is larger than the "
                + TemplateLimits.describe(TemplateLimits.MAX_OUTPUT_BYTES) + " Secret size limit");
    }
}

package io.sluice.template.functions;

import io.sluice.template.limits.TemplateLimitExceeded;
import io.sluice.template.limits.TemplateLimits;
import java.util.List;

/** The part of Go's fmt.Sprintf that templates use: %s, %v, %d, %q and %%. */
final class GoFormat {
    private GoFormat() {}

    static String sprintf(String format, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char verb = format.charAt(++i);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (next >= args.size()) {
                throw new FunctionFailure("printf", "the format has more verbs than arguments");
            }
            Object arg = args.get(next++);
            if (out.length() > TemplateLimits.MAX_VALUE_CHARS) {
                throw TemplateLimitExceeded.resultTooLarge(
                        "function printf", out.length(), TemplateLimits.MAX_VALUE_CHARS);
            }
            switch (verb) {
                case 's', 'v', 'd' -> out.append(Args.text(arg));
                case 'q' -> out.append(GoQuote.quote(Args.text(arg)));
                default -> throw new FunctionFailure("printf", "unsupported verb %" + verb + " (use %s, %v, %d or %q)");
            }
        }
        return out.toString();
    }

    static long count(String text, char c) {
        long found = 0;
        for (int i = 0; i < text.length(); i++) {
            found += text.charAt(i) == c ? 1 : 0;
        }
        return found;
    }
}

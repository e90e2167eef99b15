package io.sluice.template.functions;

import io.sluice.template.limits.TemplateLimitExceeded;

/**
 * sprig's wrap and wrapWith (goutils' Wrap and WrapCustom): break a text at spaces into lines of at most WIDTH
 * characters. {@code wrap} puts a newline between lines and lets a word longer than WIDTH run over; {@code wrapWith}
 * puts SEPARATOR between lines and cuts long words. A space at the start of a line is dropped.
 */
final class TextWrap {
    private TextWrap() {}

    static void register(FunctionLibrary.Builder library) {
        library.two(
                "wrap",
                "wrap WIDTH TEXT",
                (width, text) -> wrap("wrap", Args.text(text), Args.integer("wrap", width), "\n", false));
        library.three(
                "wrapWith",
                "wrapWith WIDTH SEPARATOR TEXT",
                (width, separator, text) ->
                        wrap("wrapWith", Args.text(text), Args.integer("wrapWith", width), Args.text(separator), true));
    }

    static String wrap(String function, String text, int width, String separator, boolean cutLongWords) {
        if (text.isEmpty()) {
            return "";
        }
        String newline = separator.isEmpty() ? "\n" : separator;
        int lineWidth = Math.max(width, 1);
        // at most one separator per character: checked before anything is built
        TemplateLimitExceeded.checkResultSize(
                "function " + function, text.length() + (long) (text.length() / lineWidth + 1) * newline.length());
        StringBuilder out = new StringBuilder(text.length());
        int offset = 0;
        while (text.length() - offset > lineWidth) {
            if (text.charAt(offset) == ' ') {
                offset++;
                continue;
            }
            int spaceAt = text.substring(offset, offset + lineWidth + 1).lastIndexOf(' ');
            if (spaceAt >= 0) {
                out.append(text, offset, offset + spaceAt).append(newline);
                offset += spaceAt + 1;
            } else if (cutLongWords) {
                out.append(text, offset, offset + lineWidth).append(newline);
                offset += lineWidth;
            } else {
                int next = text.indexOf(' ', offset + lineWidth);
                if (next < 0) {
                    out.append(text, offset, text.length());
                    offset = text.length();
                } else {
                    out.append(text, offset, next).append(newline);
                    offset = next + 1;
                }
            }
        }
        return out.append(text, offset, text.length()).toString();
    }
}

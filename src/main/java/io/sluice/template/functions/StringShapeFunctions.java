package io.sluice.template.functions;

/**
 * sprig's trunc, substr, abbrev, abbrevboth, nospace, trimAll, untitle, swapcase, initials and
 * plural. Positions count characters; Go counts bytes, which only differs for non-ASCII text cut
 * in the middle of a character (Go would then write invalid UTF-8).
 */
final class StringShapeFunctions {
    private static final String MARKER = "...";

    private StringShapeFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.two("trunc", "trunc LENGTH VALUE", (n, v) -> trunc(Args.integer("trunc", n), Args.text(v)));
        library.three(
                "substr",
                "substr START END VALUE",
                (start, end, v) -> substr(Args.integer("substr", start), Args.integer("substr", end), Args.text(v)));
        library.two("abbrev", "abbrev WIDTH VALUE", (width, v) -> {
            int w = Args.integer("abbrev", width);
            return w < 4 ? Args.text(v) : abbreviate(Args.text(v), 0, w);
        });
        library.three("abbrevboth", "abbrevboth LEFT RIGHT VALUE", (left, right, v) -> {
            int l = Args.integer("abbrevboth", left);
            int r = Args.integer("abbrevboth", right);
            return r < 4 || (l > 0 && r < 7) ? Args.text(v) : abbreviate(Args.text(v), l, r);
        });
        library.one("nospace", "nospace VALUE", v -> Args.text(v).replaceAll("[\\s\\u0085\\u00a0]", ""));
        library.two("trimAll", "trimAll CHARACTERS VALUE", (cut, v) -> trimAll(Args.text(cut), Args.text(v)));
        library.two("trimall", "trimall CHARACTERS VALUE", (cut, v) -> trimAll(Args.text(cut), Args.text(v)));
        library.one("untitle", "untitle VALUE", v -> eachWord(Args.text(v), true));
        library.one("initials", "initials VALUE", v -> eachWord(Args.text(v), false));
        library.one("swapcase", "swapcase VALUE", v -> swapcase(Args.text(v)));
        library.three(
                "plural",
                "plural ONE MANY COUNT",
                (one, many, count) -> Numbers.toInt64(count) == 1 ? Args.text(one) : Args.text(many));
    }

    static String trunc(int n, String text) {
        if (n < 0 && text.length() + n > 0) {
            return text.substring(text.length() + n);
        }
        if (n >= 0 && text.length() > n) {
            return text.substring(0, n);
        }
        return text;
    }

    private static String substr(int start, int end, String text) {
        try {
            if (start < 0) {
                return text.substring(0, end);
            }
            if (end < 0 || end > text.length()) {
                return text.substring(start);
            }
            return text.substring(start, end);
        } catch (IndexOutOfBoundsException e) {
            throw new FunctionFailure("substr", "slice bounds out of range");
        }
    }

    /** goutils.AbbreviateFull. */
    private static String abbreviate(String text, int offset, int width) {
        if (text.length() <= width) {
            return text;
        }
        int at = Math.min(Math.max(offset, 0), text.length());
        if (text.length() - at < width - 3) {
            at = text.length() - (width - 3);
        }
        if (at <= 4) {
            return text.substring(0, width - 3) + MARKER;
        }
        if (at + width - 3 < text.length()) {
            return MARKER + abbreviate(text.substring(at), 0, width - 3);
        }
        return MARKER + text.substring(text.length() - (width - 3));
    }

    /** strings.Trim: removes leading and trailing characters found in {@code cut}. */
    private static String trimAll(String cut, String text) {
        int start = 0;
        int end = text.length();
        while (start < end && cut.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && cut.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end);
    }

    /** untitle lower-cases the first letter of each whitespace-separated word; initials keeps only it. */
    private static String eachWord(String text, boolean untitle) {
        StringBuilder out = new StringBuilder();
        boolean atStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c);
            if (untitle) {
                out.append(atStart && !space ? Character.toLowerCase(c) : c);
            } else if (atStart && !space) {
                out.append(c);
            }
            atStart = space;
        }
        return out.toString();
    }

    private static String swapcase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .forEach(c -> out.appendCodePoint(
                        Character.isUpperCase(c) || Character.isTitleCase(c)
                                ? Character.toLowerCase(c)
                                : Character.isLowerCase(c) ? Character.toUpperCase(c) : c));
        return out.toString();
    }
}

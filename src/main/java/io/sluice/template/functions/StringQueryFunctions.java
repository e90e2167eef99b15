package io.sluice.template.functions;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** contains, hasPrefix, hasSuffix, len (Go's builtin: bytes of a string), split and splitn (dicts "_0", "_1", ...). */
final class StringQueryFunctions {
    private StringQueryFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.two("contains", "contains PART VALUE", (part, v) -> Args.text(v).contains(Args.text(part)));
        library.two(
                "hasPrefix",
                "hasPrefix PREFIX VALUE",
                (prefix, v) -> Args.text(v).startsWith(Args.text(prefix)));
        library.two(
                "hasSuffix",
                "hasSuffix SUFFIX VALUE",
                (suffix, v) -> Args.text(v).endsWith(Args.text(suffix)));
        library.one("len", "len VALUE", StringQueryFunctions::length);
        library.two("split", "split SEPARATOR VALUE", (sep, v) -> pieces(Args.text(v), Args.text(sep), -1));
        library.three(
                "splitn",
                "splitn SEPARATOR COUNT VALUE",
                (sep, n, v) -> pieces(Args.text(v), Args.text(sep), Args.integer("splitn", n)));
    }

    private static Object length(Object value) {
        return switch (value) {
            case Collection<?> items -> (long) items.size();
            case Map<?, ?> map -> (long) map.size();
            case String s -> (long) GoStrings.byteLength(s);
            case Bytes b -> (long) b.length();
            case null -> throw new FunctionFailure("len", "len of nil");
            default -> throw new FunctionFailure("len", "len of a " + GoKinds.of(value));
        };
    }

    /** Go's strings.SplitN into sprig's dict: n < 0 splits everywhere, n == 0 gives an empty dict. */
    private static Map<String, Object> pieces(String text, String separator, int n) {
        Map<String, Object> out = new TreeMap<>(GoStrings::compare);
        if (n == 0) {
            return out;
        }
        String[] parts;
        if (separator.isEmpty()) {
            parts = text.codePoints().mapToObj(Character::toString).toArray(String[]::new);
            if (n > 0 && parts.length > n) {
                String[] limited = Arrays.copyOf(parts, n);
                limited[n - 1] = text.substring(text.offsetByCodePoints(0, n - 1));
                parts = limited;
            }
        } else {
            parts = text.split(Pattern.quote(separator), n < 0 ? -1 : n);
        }
        Lists.checkCount("split", parts.length);
        for (int i = 0; i < parts.length; i++) {
            out.put("_" + i, parts[i]);
        }
        return out;
    }
}

package io.sluice.template.functions;

import io.sluice.template.limits.TemplateLimitExceeded;
import io.sluice.template.limits.TemplateLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Case, trim, replace, quote, indent, repeat, printf and split, with sprig's argument order. The
 * functions whose output can be many times their input compute the size first and refuse anything
 * beyond {@link TemplateLimits#MAX_VALUE_CHARS} before allocating it.
 */
final class StringFunctions {
    private StringFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.add(new FunctionSpec("hello", 0, 0, "hello", args -> "Hello!"));
        library.one("upper", "upper VALUE", v -> Args.text(v).toUpperCase(Locale.ROOT));
        library.one("lower", "lower VALUE", v -> Args.text(v).toLowerCase(Locale.ROOT));
        library.one("title", "title VALUE", v -> title(Args.text(v)));
        library.one("camelcase", "camelcase VALUE", v -> camelcase(Args.text(v)));
        library.one("snakecase", "snakecase VALUE", v -> joinWords(Args.text(v), "_"));
        library.one("kebabcase", "kebabcase VALUE", v -> joinWords(Args.text(v), "-"));
        library.one("trim", "trim VALUE", v -> Args.text(v).strip());
        library.two("trimPrefix", "trimPrefix PREFIX VALUE", (prefix, v) -> {
            String text = Args.text(v);
            String p = Args.text(prefix);
            return text.startsWith(p) ? text.substring(p.length()) : text;
        });
        library.two("trimSuffix", "trimSuffix SUFFIX VALUE", (suffix, v) -> {
            String text = Args.text(v);
            String s = Args.text(suffix);
            return text.endsWith(s) ? text.substring(0, text.length() - s.length()) : text;
        });
        library.three(
                "replace",
                "replace OLD NEW VALUE",
                (old, replacement, v) -> replace(Args.text(old), Args.text(replacement), Args.text(v)));
        library.two("repeat", "repeat COUNT VALUE", (count, v) -> repeat(Args.integer("repeat", count), Args.text(v)));
        library.one("quote", "quote VALUE", v -> GoQuote.quote(Args.text(v)));
        library.one("squote", "squote VALUE", v -> "'" + Args.text(v) + "'");
        library.two(
                "indent",
                "indent WIDTH VALUE",
                (width, v) -> indent("indent", Args.integer("indent", width), Args.text(v), ""));
        library.two(
                "nindent",
                "nindent WIDTH VALUE",
                (width, v) -> indent("nindent", Args.integer("nindent", width), Args.text(v), "\n"));
        library.many(
                "printf",
                1,
                "printf FORMAT ARGS...",
                args -> GoFormat.sprintf(Args.text(args.get(0)), args.subList(1, args.size())));
        library.two(
                "splitList",
                "splitList SEPARATOR VALUE",
                (sep, v) -> List.of(Args.text(v).split(Pattern.quote(Args.text(sep)), -1)));
        library.many(
                "cat",
                0,
                "cat VALUES...",
                args -> join(
                        "cat",
                        " ",
                        args.stream().filter(a -> a != null).map(Args::text).toList()));
    }

    static String indent(String function, int width, String text, String prefix) {
        int pad = Math.max(0, width);
        long lines = GoFormat.count(text, '\n') + 1L;
        TemplateLimitExceeded.checkResultSize("function " + function, prefix.length() + text.length() + lines * pad);
        String spaces = " ".repeat(pad);
        return prefix + spaces + text.replace("\n", "\n" + spaces);
    }

    static String repeat(int count, String text) {
        if (count < 0) {
            throw new FunctionFailure("repeat", "the count must not be negative");
        }
        TemplateLimitExceeded.checkResultSize("function repeat", (long) count * text.length());
        return text.repeat(count);
    }

    /** Java's replace, after checking the size: an empty OLD matches between every character, as in Go. */
    static String replace(String old, String replacement, String text) {
        long matches = 0;
        if (old.isEmpty()) {
            matches = text.length() + 1L;
        } else {
            for (int at = text.indexOf(old); at >= 0; at = text.indexOf(old, at + old.length())) {
                matches++;
            }
        }
        TemplateLimitExceeded.checkResultSize(
                "function replace", text.length() + matches * (replacement.length() - old.length()));
        return text.replace(old, replacement);
    }

    /** String.join after checking the size: a long separator between many items multiplies. */
    static String join(String function, String separator, List<String> items) {
        long size = (long) separator.length() * Math.max(0, items.size() - 1);
        for (String item : items) {
            size += item.length();
        }
        TemplateLimitExceeded.checkResultSize("function " + function, size);
        return String.join(separator, items);
    }

    /** Go's strings.Title: the first letter of each space-separated word in upper case. */
    static String title(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean atWordStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(atWordStart ? Character.toTitleCase(c) : c);
            atWordStart = !Character.isLetterOrDigit(c) && c != '_' && c != '\'';
        }
        return out.toString();
    }

    /** sprig's camelcase: words split on '_', ' ' and '-', each capitalised ("http_server" is "HttpServer"). */
    static String camelcase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String word : text.split("[_\\s-]+")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }

    /** sprig's snakecase and kebabcase: words split at case changes and separators, lower-cased. */
    static String joinWords(String text, String separator) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_' || c == '-' || c == ' ' || c == '.') {
                flush(words, word);
                continue;
            }
            char previous = i > 0 ? text.charAt(i - 1) : ' ';
            boolean boundary = Character.isUpperCase(c)
                    && word.length() > 0
                    && (Character.isLowerCase(previous)
                            || Character.isDigit(previous)
                            || (i + 1 < text.length() && Character.isLowerCase(text.charAt(i + 1))));
            if (boundary) {
                flush(words, word);
            }
            word.append(Character.toLowerCase(c));
        }
        flush(words, word);
        return String.join(separator, words);
    }

    private static void flush(List<String> words, StringBuilder word) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}

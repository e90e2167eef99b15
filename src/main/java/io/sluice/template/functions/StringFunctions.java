package io.sluice.template.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Case, trim, replace, quote, indent, printf and split, with sprig's argument order. */
final class StringFunctions {
    private StringFunctions() {
    }

    static void register(FunctionLibrary.Builder library) {
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
        library.three("replace", "replace OLD NEW VALUE",
                (old, replacement, v) -> Args.text(v).replace(Args.text(old), Args.text(replacement)));
        library.one("quote", "quote VALUE", v -> GoQuote.quote(Args.text(v)));
        library.one("squote", "squote VALUE", v -> "'" + Args.text(v) + "'");
        library.two("indent", "indent WIDTH VALUE", (width, v) -> indent(Args.integer("indent", width), Args.text(v)));
        library.two("nindent", "nindent WIDTH VALUE",
                (width, v) -> "\n" + indent(Args.integer("nindent", width), Args.text(v)));
        library.many("printf", 1, "printf FORMAT ARGS...", args -> GoFormat.sprintf(Args.text(args.get(0)),
                args.subList(1, args.size())));
        library.two("splitList", "splitList SEPARATOR VALUE",
                (sep, v) -> List.of(Args.text(v).split(java.util.regex.Pattern.quote(Args.text(sep)), -1)));
        library.many("cat", 0, "cat VALUES...", args -> String.join(" ",
                args.stream().filter(a -> a != null).map(Args::text).toList()));
    }

    static String indent(int width, String text) {
        String pad = " ".repeat(Math.max(0, width));
        return pad + text.replace("\n", "\n" + pad);
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
            boolean boundary = Character.isUpperCase(c) && word.length() > 0
                    && (Character.isLowerCase(previous) || Character.isDigit(previous)
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

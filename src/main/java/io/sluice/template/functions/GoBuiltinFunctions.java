package io.sluice.template.functions;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Go text/template's own functions that sprig does not replace: print, println, urlquery, html, js. */
final class GoBuiltinFunctions {
    private static final String UNRESERVED = "-_.~";

    private GoBuiltinFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.many("print", 0, "print VALUES...", GoBuiltinFunctions::sprint);
        library.many("println", 0, "println VALUES...", args -> {
            StringBuilder out = new StringBuilder();
            for (Object arg : args) {
                out.append(out.isEmpty() ? "" : " ").append(GoValues.print(arg));
            }
            return out.append('\n').toString();
        });
        library.many("urlquery", 0, "urlquery VALUES...", args -> queryEscape(oneOrSprint(args)));
        library.many("html", 0, "html VALUES...", args -> htmlEscape(oneOrSprint(args)));
        library.many("js", 0, "js VALUES...", args -> jsEscape(oneOrSprint(args)));
    }

    /** fmt.Sprint: a space between two operands when neither is a string. */
    static String sprint(List<Object> args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0 && !isString(args.get(i - 1)) && !isString(args.get(i))) {
                out.append(' ');
            }
            out.append(GoValues.print(args.get(i)));
        }
        return out.toString();
    }

    private static boolean isString(Object value) {
        return value instanceof String || value instanceof Bytes;
    }

    private static String oneOrSprint(List<Object> args) {
        return args.size() == 1 && isString(args.get(0)) ? Args.text(args.get(0)) : sprint(args);
    }

    /** url.QueryEscape: letters, digits and -_.~ stay, space is '+', every other byte is %XX. */
    private static String queryEscape(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || UNRESERVED.indexOf(c) >= 0) {
                out.append(c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** template.HTMLEscapeString. */
    private static String htmlEscape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\0' -> out.append('\uFFFD');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** template.JSEscapeString. */
    private static String jsEscape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '<' -> out.append("\\u003C");
                case '>' -> out.append("\\u003E");
                case '&' -> out.append("\\u0026");
                case '=' -> out.append("\\u003D");
                default -> {
                    if (c < ' ') {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

package io.sluice.template.functions;

import com.google.re2j.Matcher;
import io.sluice.regexp.InvalidRegexpException;
import io.sluice.regexp.TenantRegexp;
import io.sluice.template.limits.TemplateLimitExceeded;
import io.sluice.template.limits.TemplateLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * sprig's regex family with Go's RE2 semantics (RE2/J through {@link TenantRegexp}, so matching is
 * linear and the compiled program bounded). The plain forms fail on a bad pattern as the must forms
 * do: sprig's plain forms would render an empty result instead (see docs/templating.md).
 */
final class RegexFunctions {
    private RegexFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        for (String prefix : List.of("", "must")) {
            String match = name(prefix, "regexMatch");
            library.two(
                    match, match + " REGEX VALUE", (re, v) -> compile(match, re).find(Args.text(v)));
            String find = name(prefix, "regexFind");
            library.two(find, find + " REGEX VALUE", (re, v) -> {
                Matcher m = compile(find, re).pattern().matcher(Args.text(v));
                return m.find() ? m.group() : "";
            });
            String findAll = name(prefix, "regexFindAll");
            library.three(
                    findAll,
                    findAll + " REGEX VALUE N",
                    (re, v, n) -> findAll(findAll, compile(findAll, re), Args.text(v), Args.integer(findAll, n)));
            String replaceAll = name(prefix, "regexReplaceAll");
            library.three(
                    replaceAll,
                    replaceAll + " REGEX VALUE REPLACEMENT",
                    (re, v, repl) -> replace(replaceAll, compile(replaceAll, re), Args.text(v), Args.text(repl), true));
            String literal = name(prefix, "regexReplaceAllLiteral");
            library.three(
                    literal,
                    literal + " REGEX VALUE REPLACEMENT",
                    (re, v, repl) -> replace(literal, compile(literal, re), Args.text(v), Args.text(repl), false));
            String split = name(prefix, "regexSplit");
            library.three(
                    split,
                    split + " REGEX VALUE N",
                    (re, v, n) -> split(compile(split, re), Args.text(v), Args.integer(split, n)));
        }
        library.one("regexQuoteMeta", "regexQuoteMeta VALUE", v -> quoteMeta(Args.text(v)));
    }

    private static String name(String prefix, String base) {
        return prefix.isEmpty() ? base : prefix + Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }

    private static TenantRegexp compile(String function, Object pattern) {
        try {
            return TenantRegexp.compile("the pattern", Args.text(pattern));
        } catch (InvalidRegexpException e) {
            // RE2/J's message quotes the pattern, which may have been built from a secret value
            throw new FunctionFailure(
                    function,
                    "the pattern is not valid RE2 syntax, or is longer than " + TenantRegexp.MAX_LENGTH
                            + " characters or too large to compile");
        }
    }

    private static List<Object> findAll(String function, TenantRegexp re, String text, int n) {
        List<Object> out = new ArrayList<>();
        Matcher m = re.pattern().matcher(text);
        int previousEnd = -1;
        while ((n < 0 || out.size() < n) && m.find()) {
            if (m.start() == m.end() && m.start() == previousEnd) {
                continue;
            }
            out.add(m.group());
            previousEnd = m.end();
            Lists.checkCount(function, out.size());
        }
        return out;
    }

    /** Go's ReplaceAllString: $1, ${name} expand (an unknown group is empty); Literal copies as is. */
    private static String replace(String function, TenantRegexp re, String text, String replacement, boolean expand) {
        Matcher m = re.pattern().matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        int previousEnd = -1;
        while (m.find()) {
            if (m.start() == m.end() && m.start() == previousEnd) {
                continue;
            }
            out.append(text, last, m.start());
            out.append(expand ? GoRegexpExpand.expand(replacement, m) : replacement);
            last = m.end();
            previousEnd = m.end();
            if (out.length() > TemplateLimits.MAX_VALUE_CHARS) {
                TemplateLimitExceeded.checkResultSize("function " + function, out.length());
            }
        }
        return out.append(text.substring(last)).toString();
    }

    /** Go's Regexp.Split: n < 0 all pieces, n == 0 none, n > 0 at most n. */
    private static List<Object> split(TenantRegexp re, String text, int n) {
        List<Object> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        if (!re.pattern().pattern().isEmpty() && text.isEmpty()) {
            out.add("");
            return out;
        }
        Matcher m = re.pattern().matcher(text);
        int beg = 0;
        int end = 0;
        int previousEnd = -1;
        while (m.find()) {
            if (m.start() == m.end() && m.start() == previousEnd) {
                continue;
            }
            previousEnd = m.end();
            if (n > 0 && out.size() == n - 1) {
                break;
            }
            end = m.start();
            if (m.end() != 0) {
                out.add(text.substring(beg, end));
            }
            beg = m.end();
        }
        if (end != text.length()) {
            out.add(text.substring(beg));
        }
        return out;
    }

    private static String quoteMeta(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}

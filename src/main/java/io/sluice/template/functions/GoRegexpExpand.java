package io.sluice.template.functions;

import com.google.re2j.Matcher;

/** Go's Regexp.Expand: $1, ${1}, $name, ${name}; $$ is a dollar; a group that does not exist is empty. */
final class GoRegexpExpand {
    private GoRegexpExpand() {}

    static String expand(String template, Matcher m) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 == template.length()) {
                out.append(c);
                i++;
                continue;
            }
            if (template.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            String name;
            int next;
            if (template.charAt(i + 1) == '{') {
                int close = template.indexOf('}', i + 2);
                name = close < 0 ? "" : template.substring(i + 2, close);
                next = close + 1;
                if (close < 0 || !name.matches("\\w+")) {
                    out.append(c);
                    i++;
                    continue;
                }
            } else {
                int end = i + 1;
                while (end < template.length() && isWordChar(template.charAt(end))) {
                    end++;
                }
                name = template.substring(i + 1, end);
                next = end;
                if (name.isEmpty()) {
                    out.append(c);
                    i++;
                    continue;
                }
            }
            out.append(group(m, name));
            i = next;
        }
        return out.toString();
    }

    private static String group(Matcher m, String name) {
        String value = null;
        if (name.matches("\\d+")) {
            int index = name.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(name);
            value = index <= m.groupCount() ? m.group(index) : null;
        } else {
            try {
                value = m.group(name);
            } catch (IllegalArgumentException e) {
                value = null;
            }
        }
        return value == null ? "" : value;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}

package io.sluice.template.functions;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The parts of Go's net/url that sprig's urlParse and urlJoin use: url.Parse (scheme, opaque, userinfo, host, path,
 * raw query, fragment, with Go's unescaping and its errors) and URL.String (with Go's escaping of each part).
 * Bytes, not characters, as Go's strings: a non-ASCII character is escaped as its UTF-8 bytes.
 */
final class GoUrl {
    enum Mode {
        PATH,
        HOST,
        USER_PASSWORD,
        FRAGMENT
    }

    /** A parsed URL; {@code user} null when there is none, {@code password} null when none was given. */
    record Parts(
            String scheme,
            String opaque,
            String username,
            String password,
            boolean hasUser,
            String host,
            String path,
            String rawQuery,
            boolean forceQuery,
            String fragment,
            boolean omitHost) {

        String userinfo() {
            if (!hasUser) {
                return "";
            }
            String out = escape(username, Mode.USER_PASSWORD);
            return password == null ? out : out + ":" + escape(password, Mode.USER_PASSWORD);
        }

        /** Go's Hostname(): the host without its port and without the brackets of an IPv6 literal. */
        String hostname() {
            String h = host;
            int colon = h.lastIndexOf(':');
            if (colon >= 0 && validOptionalPort(h.substring(colon))) {
                h = h.substring(0, colon);
            }
            if (h.startsWith("[") && h.endsWith("]")) {
                h = h.substring(1, h.length() - 1);
            }
            return h;
        }
    }

    /** Thrown with a message that does not quote the URL: it may hold a password. */
    static final class Invalid extends RuntimeException {
        Invalid(String problem) {
            super(problem, null, false, false);
        }
    }

    private GoUrl() {}

    static Parts parse(String raw) {
        int hash = raw.indexOf('#');
        String rest = hash < 0 ? raw : raw.substring(0, hash);
        String fragment = hash < 0 ? "" : unescape(raw.substring(hash + 1), Mode.FRAGMENT);
        for (int i = 0; i < rest.length(); i++) {
            if (rest.charAt(i) < ' ' || rest.charAt(i) == 0x7f) {
                throw new Invalid("invalid control character in URL");
            }
        }
        if (rest.equals("*")) {
            return new Parts("", "", "", null, false, "", "*", "", false, fragment, false);
        }
        String scheme = "";
        int colon = schemeEnd(rest);
        if (colon > 0) {
            scheme = rest.substring(0, colon).toLowerCase(Locale.ROOT);
            rest = rest.substring(colon + 1);
        }
        boolean forceQuery = false;
        String rawQuery = "";
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            forceQuery = true;
            rest = rest.substring(0, rest.length() - 1);
        } else {
            int q = rest.indexOf('?');
            if (q >= 0) {
                rawQuery = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
        }
        if (!rest.startsWith("/")) {
            if (!scheme.isEmpty()) {
                return new Parts(scheme, rest, "", null, false, "", "", rawQuery, forceQuery, fragment, false);
            }
            int slash = rest.indexOf('/');
            if ((slash < 0 ? rest : rest.substring(0, slash)).contains(":")) {
                throw new Invalid("first path segment in URL cannot contain colon");
            }
        }
        String username = "";
        String password = null;
        boolean hasUser = false;
        String host = "";
        boolean omitHost = false;
        if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            rest = "";
            int slash = authority.indexOf('/');
            if (slash >= 0) {
                rest = authority.substring(slash);
                authority = authority.substring(0, slash);
            }
            int at = authority.lastIndexOf('@');
            host = parseHost(at < 0 ? authority : authority.substring(at + 1));
            if (at >= 0) {
                String userinfo = authority.substring(0, at);
                if (!validUserinfo(userinfo)) {
                    throw new Invalid("invalid userinfo");
                }
                hasUser = true;
                int c = userinfo.indexOf(':');
                if (c < 0) {
                    username = unescape(userinfo, Mode.USER_PASSWORD);
                } else {
                    username = unescape(userinfo.substring(0, c), Mode.USER_PASSWORD);
                    password = unescape(userinfo.substring(c + 1), Mode.USER_PASSWORD);
                }
            }
        } else if (!scheme.isEmpty() && rest.startsWith("/")) {
            omitHost = true;
        }
        return new Parts(
                scheme,
                "",
                username,
                password,
                hasUser,
                host,
                unescape(rest, Mode.PATH),
                rawQuery,
                forceQuery,
                fragment,
                omitHost);
    }

    /** URL.String() of a URL built from parts, as urlJoin builds it (no raw path, no forced query). */
    static String format(Parts u) {
        StringBuilder out = new StringBuilder();
        if (!u.scheme().isEmpty()) {
            out.append(u.scheme()).append(':');
        }
        if (!u.opaque().isEmpty()) {
            out.append(u.opaque());
        } else {
            if (!u.scheme().isEmpty() || !u.host().isEmpty() || u.hasUser()) {
                if (!u.host().isEmpty() || !u.path().isEmpty() || u.hasUser()) {
                    out.append("//");
                }
                if (u.hasUser()) {
                    out.append(u.userinfo()).append('@');
                }
                if (!u.host().isEmpty()) {
                    out.append(escape(u.host(), Mode.HOST));
                }
            }
            String path = u.path().equals("*") ? "*" : escape(u.path(), Mode.PATH);
            if (!path.isEmpty() && path.charAt(0) != '/' && !u.host().isEmpty()) {
                out.append('/');
            }
            if (out.length() == 0) {
                int slash = path.indexOf('/');
                if ((slash < 0 ? path : path.substring(0, slash)).contains(":")) {
                    out.append("./");
                }
            }
            out.append(path);
        }
        if (u.forceQuery() || !u.rawQuery().isEmpty()) {
            out.append('?').append(u.rawQuery());
        }
        if (!u.fragment().isEmpty()) {
            out.append('#').append(escape(u.fragment(), Mode.FRAGMENT));
        }
        return out.toString();
    }

    /** The index of the colon ending a scheme, 0 for a leading colon (an error), -1 when there is no scheme. */
    private static int schemeEnd(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                continue;
            }
            if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    return -1;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    throw new Invalid("missing protocol scheme");
                }
                return i;
            }
            return -1;
        }
        return -1;
    }

    private static String parseHost(String host) {
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0) {
                throw new Invalid("missing ']' in host");
            }
            if (!validOptionalPort(host.substring(close + 1))) {
                throw new Invalid("invalid port after host");
            }
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0 && !validOptionalPort(host.substring(colon))) {
                throw new Invalid("invalid port after host");
            }
        }
        return unescape(host, Mode.HOST);
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean validUserinfo(String userinfo) {
        for (int i = 0; i < userinfo.length(); i++) {
            char c = userinfo.charAt(i);
            if (!alphanumeric(c) && "-._:~!$&'()*+,;=%@".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean alphanumeric(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Go's shouldEscape for one byte. */
    private static boolean shouldEscape(int c, Mode mode) {
        if (alphanumeric(c)) {
            return false;
        }
        if (mode == Mode.HOST && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
            return false;
        }
        if ("-_.~".indexOf(c) >= 0) {
            return false;
        }
        if ("$&+,/:;=?@".indexOf(c) >= 0) {
            return switch (mode) {
                case FRAGMENT -> false;
                case PATH -> c == '?';
                case USER_PASSWORD -> c == '@' || c == '/' || c == '?' || c == ':';
                case HOST -> true;
            };
        }
        return !(mode == Mode.FRAGMENT && "!()*".indexOf(c) >= 0);
    }

    static String escape(String text, Mode mode) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (shouldEscape(c, mode)) {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static String unescape(String text, Mode mode) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            int c = in[i] & 0xff;
            if (c == '%') {
                if (i + 2 >= in.length || Character.digit(in[i + 1], 16) < 0 || Character.digit(in[i + 2], 16) < 0) {
                    throw new Invalid("invalid URL escape");
                }
                int high = Character.digit(in[i + 1], 16);
                int value = high * 16 + Character.digit(in[i + 2], 16);
                if (mode == Mode.HOST && high < 8 && value != '%') {
                    throw new Invalid("invalid URL escape in host");
                }
                out.write(value);
                i += 2;
            } else {
                if (mode == Mode.HOST && c < 0x80 && shouldEscape(c, mode)) {
                    throw new Invalid("invalid character in host name");
                }
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}

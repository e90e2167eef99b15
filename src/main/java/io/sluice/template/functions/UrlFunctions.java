package io.sluice.template.functions;

import java.util.Map;
import java.util.TreeMap;

/**
 * sprig's urlParse (a URL to a dict of scheme, host, hostname, path, query, opaque, fragment, userinfo) and urlJoin
 * (such a dict back to a URL), with Go's net/url rules. A value that is not a URL, or a dict value that is not a
 * string, fails as it does in ESO.
 */
final class UrlFunctions {
    private static final String[] JOINED = {"scheme", "host", "path", "query", "opaque", "fragment", "userinfo"};

    private UrlFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.one("urlParse", "urlParse URL", UrlFunctions::parse);
        library.one("urlJoin", "urlJoin DICT", UrlFunctions::join);
    }

    private static Map<String, Object> parse(Object value) {
        GoUrl.Parts url;
        try {
            url = GoUrl.parse(Args.text(value));
        } catch (GoUrl.Invalid e) {
            throw new FunctionFailure("urlParse", "unable to parse url: " + e.getMessage());
        }
        Map<String, Object> dict = new TreeMap<>(GoStrings::compare);
        dict.put("scheme", url.scheme());
        dict.put("host", url.host());
        dict.put("hostname", url.hostname());
        dict.put("path", url.path());
        dict.put("query", url.rawQuery());
        dict.put("opaque", url.opaque());
        dict.put("fragment", url.fragment());
        dict.put("userinfo", url.userinfo());
        return dict;
    }

    private static String join(Object value) {
        if (!(value instanceof Map<?, ?> dict)) {
            throw new FunctionFailure("urlJoin", "expected a dict, got " + GoKinds.of(value));
        }
        Map<String, String> parts = new TreeMap<>();
        for (String key : JOINED) {
            Object part = dict.get(key);
            if (part != null && !(part instanceof String) && !(part instanceof Bytes)) {
                throw new FunctionFailure("urlJoin", "unable to parse dictionary value: expected string");
            }
            parts.put(key, part == null ? "" : Args.text(part));
        }
        GoUrl.Parts user = null;
        if (!parts.get("userinfo").isEmpty()) {
            try {
                user = GoUrl.parse("proto://" + parts.get("userinfo") + "@host");
            } catch (GoUrl.Invalid e) {
                throw new FunctionFailure("urlJoin", "unable to parse url userinfo");
            }
        }
        return GoUrl.format(new GoUrl.Parts(
                parts.get("scheme"),
                parts.get("opaque"),
                user == null ? "" : user.username(),
                user == null ? null : user.password(),
                user != null,
                parts.get("host"),
                parts.get("path"),
                parts.get("query"),
                false,
                parts.get("fragment"),
                false));
    }
}

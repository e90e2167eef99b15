package io.sluice.template.functions;

import java.util.ArrayList;
import java.util.List;

/** Go's path package as sprig exposes it: base, dir, clean, ext, isAbs (and the os* forms, the same on Linux). */
final class PathFunctions {
    private PathFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        for (String prefix : List.of("", "os")) {
            library.one(name(prefix, "base"), name(prefix, "base") + " PATH", v -> base(Args.text(v)));
            library.one(name(prefix, "dir"), name(prefix, "dir") + " PATH", v -> dir(Args.text(v)));
            library.one(name(prefix, "clean"), name(prefix, "clean") + " PATH", v -> clean(Args.text(v)));
            library.one(name(prefix, "ext"), name(prefix, "ext") + " PATH", v -> ext(Args.text(v)));
            library.one(
                    name(prefix, "isAbs"),
                    name(prefix, "isAbs") + " PATH",
                    v -> Args.text(v).startsWith("/"));
        }
    }

    private static String name(String prefix, String base) {
        return prefix.isEmpty() ? base : prefix + Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }

    static String ext(String path) {
        for (int i = path.length() - 1; i >= 0 && path.charAt(i) != '/'; i--) {
            if (path.charAt(i) == '.') {
                return path.substring(i);
            }
        }
        return "";
    }

    static String base(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        String trimmed = path.replaceAll("/+$", "");
        if (trimmed.isEmpty()) {
            return "/";
        }
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    static String dir(String path) {
        return clean(path.substring(0, path.lastIndexOf('/') + 1));
    }

    /** path.Clean: collapses slashes, removes "." and resolves ".." lexically; "" is ".". */
    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty() && !parts.getLast().equals("..")) {
                    parts.removeLast();
                } else if (!rooted) {
                    parts.add(part);
                }
                continue;
            }
            parts.add(part);
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }
}

package io.sluice.template.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * sprig's dicts: dict, get, set, unset, hasKey, keys, values, pluck, pick, omit, merge,
 * mergeOverwrite, dig. Dicts are sorted by key, the order Go's templates range over and print them;
 * {@code set} and {@code unset} change the dict they are given, as in sprig.
 */
final class DictFunctions {
    private DictFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.many("dict", 0, "dict KEY VALUE...", args -> {
            Map<String, Object> out = new TreeMap<>(GoStrings::compare);
            for (int i = 0; i < args.size(); i += 2) {
                out.put(GoValues.print(args.get(i)), i + 1 < args.size() ? args.get(i + 1) : "");
            }
            return out;
        });
        library.two("get", "get DICT KEY", (dict, key) -> {
            Map<String, Object> map = map("get", dict);
            return map.containsKey(Args.text(key)) ? map.get(Args.text(key)) : "";
        });
        library.three("set", "set DICT KEY VALUE", (dict, key, value) -> {
            Map<String, Object> map = map("set", dict);
            map.put(Args.text(key), value);
            return map;
        });
        library.two("unset", "unset DICT KEY", (dict, key) -> {
            Map<String, Object> map = map("unset", dict);
            map.remove(Args.text(key));
            return map;
        });
        library.two(
                "hasKey", "hasKey DICT KEY", (dict, key) -> map("hasKey", dict).containsKey(Args.text(key)));
        library.many("keys", 0, "keys DICTS...", args -> {
            List<Object> out = new ArrayList<>();
            args.forEach(d -> out.addAll(sorted(map("keys", d)).keySet()));
            return out;
        });
        library.one(
                "values",
                "values DICT",
                d -> new ArrayList<>(sorted(map("values", d)).values()));
        library.many("pluck", 1, "pluck KEY DICTS...", args -> {
            String key = Args.text(args.get(0));
            List<Object> out = new ArrayList<>();
            args.subList(1, args.size()).stream()
                    .map(d -> map("pluck", d))
                    .filter(m -> m.containsKey(key))
                    .forEach(m -> out.add(m.get(key)));
            return out;
        });
        library.many("pick", 1, "pick DICT KEYS...", args -> select("pick", args, true));
        library.many("omit", 1, "omit DICT KEYS...", args -> select("omit", args, false));
        for (String name : List.of("merge", "mustMerge")) {
            library.many(name, 1, name + " DEST SOURCES...", args -> merge(name, args, false));
        }
        for (String name : List.of("mergeOverwrite", "mustMergeOverwrite")) {
            library.many(name, 1, name + " DEST SOURCES...", args -> merge(name, args, true));
        }
        library.many("dig", 3, "dig KEYS... DEFAULT DICT", args -> {
            Object current = args.getLast();
            for (Object key : args.subList(0, args.size() - 2)) {
                if (!(current instanceof Map<?, ?> m) || !m.containsKey(Args.text(key))) {
                    return args.get(args.size() - 2);
                }
                current = m.get(Args.text(key));
            }
            return current;
        });
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(String function, Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new FunctionFailure(function, "expected a dict, got " + GoKinds.of(value));
    }

    static Map<String, Object> sorted(Map<String, Object> map) {
        Map<String, Object> out = new TreeMap<>(GoStrings::compare);
        out.putAll(map);
        return out;
    }

    private static Object select(String function, List<Object> args, boolean keep) {
        Map<String, Object> source = map(function, args.get(0));
        List<String> keys =
                args.subList(1, args.size()).stream().map(Args::text).toList();
        Map<String, Object> out = new TreeMap<>(GoStrings::compare);
        source.forEach((k, v) -> {
            if (keys.contains(k) == keep) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** mergo's deep merge: nested dicts merge, other keys keep the destination's value unless overwriting. */
    private static Object merge(String function, List<Object> args, boolean overwrite) {
        Map<String, Object> dest = map(function, args.get(0));
        for (Object source : args.subList(1, args.size())) {
            mergeInto(dest, map(function, source), overwrite);
        }
        return dest;
    }

    @SuppressWarnings("unchecked")
    private static void mergeInto(Map<String, Object> dest, Map<String, Object> source, boolean overwrite) {
        source.forEach((k, v) -> {
            Object existing = dest.get(k);
            if (existing instanceof Map<?, ?> d && v instanceof Map<?, ?> s) {
                mergeInto((Map<String, Object>) d, (Map<String, Object>) s, overwrite);
            } else if (!dest.containsKey(k) || Args.isEmpty(existing) || (overwrite && !Args.isEmpty(v))) {
                dest.put(k, v);
            }
        });
    }
}

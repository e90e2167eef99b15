package io.sluice.template.functions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** sprig's lists: list, append, prepend, first, rest, last, initial, reverse, uniq, without, has, slice, concat, compact, chunk, sortAlpha. */
final class ListFunctions {
    private ListFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.many("list", 0, "list VALUES...", ArrayList::new);
        library.many("tuple", 0, "tuple VALUES...", ArrayList::new);
        for (String name : List.of("append", "push", "mustAppend", "mustPush")) {
            library.two(name, name + " LIST VALUE", (list, v) -> {
                List<Object> out = Lists.of(name, list);
                Lists.checkCount(name, out.size() + 1L);
                out.add(v);
                return out;
            });
        }
        for (String name : List.of("prepend", "mustPrepend")) {
            library.two(name, name + " LIST VALUE", (list, v) -> {
                List<Object> out = Lists.of(name, list);
                Lists.checkCount(name, out.size() + 1L);
                out.addFirst(v);
                return out;
            });
        }
        both(library, "first", l -> l.isEmpty() ? null : l.getFirst());
        both(library, "last", l -> l.isEmpty() ? null : l.getLast());
        both(library, "rest", l -> l.isEmpty() ? l : new ArrayList<>(l.subList(1, l.size())));
        both(library, "initial", l -> l.isEmpty() ? l : new ArrayList<>(l.subList(0, l.size() - 1)));
        both(library, "reverse", l -> {
            Collections.reverse(l);
            return l;
        });
        both(library, "uniq", l -> {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> {
                if (!out.contains(v)) {
                    out.add(v);
                }
            });
            return out;
        });
        both(
                library,
                "compact",
                l -> new ArrayList<>(l.stream().filter(v -> !Args.isEmpty(v)).toList()));
        for (String name : List.of("without", "mustWithout")) {
            library.many(name, 1, name + " LIST VALUES...", args -> {
                List<Object> out = Lists.of(name, args.get(0));
                out.removeIf(v -> args.subList(1, args.size()).contains(v));
                return out;
            });
        }
        for (String name : List.of("has", "mustHas")) {
            library.two(
                    name,
                    name + " VALUE LIST",
                    (needle, list) ->
                            list != null && Lists.of(name, list).stream().anyMatch(v -> Objects.equals(v, needle)));
        }
        for (String name : List.of("slice", "mustSlice")) {
            library.many(name, 1, name + " LIST [START [END]]", args -> slice(name, args));
        }
        library.many("concat", 0, "concat LISTS...", args -> {
            List<Object> out = new ArrayList<>();
            for (Object list : args) {
                List<Object> items = Lists.of("concat", list);
                Lists.checkCount("concat", (long) out.size() + items.size());
                out.addAll(items);
            }
            return out;
        });
        for (String name : List.of("chunk", "mustChunk")) {
            library.two(name, name + " SIZE LIST", (size, list) -> chunk(name, Args.integer(name, size), list));
        }
        library.one("sortAlpha", "sortAlpha LIST", v -> {
            List<Object> out = new ArrayList<>();
            Lists.of("sortAlpha", v).forEach(item -> out.add(GoValues.print(item)));
            out.sort((a, b) -> GoStrings.compare((String) a, (String) b));
            return out;
        });
    }

    private static void both(FunctionLibrary.Builder library, String name, Function<List<Object>, Object> body) {
        library.one(name, name + " LIST", v -> body.apply(Lists.of(name, v)));
        String must = "must" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        library.one(must, must + " LIST", v -> body.apply(Lists.of(must, v)));
    }

    private static Object slice(String name, List<Object> args) {
        List<Object> list = Lists.of(name, args.get(0));
        int start = args.size() > 1 ? Args.integer(name, args.get(1)) : 0;
        int end = args.size() > 2 ? Args.integer(name, args.get(2)) : list.size();
        if (start < 0 || end > list.size() || start > end) {
            throw new FunctionFailure(name, "slice bounds out of range");
        }
        return new ArrayList<>(list.subList(start, end));
    }

    private static Object chunk(String name, int size, Object list) {
        List<Object> items = Lists.of(name, list);
        if (size < 1) {
            throw new FunctionFailure(name, "the chunk size must be at least 1");
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            out.add(new ArrayList<>(items.subList(i, Math.min(items.size(), i + size))));
        }
        return out;
    }
}

package io.sluice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The top-level packages of the main code ({@code io.sluice.<package>}) import each other without a cycle, so
 * every arrow points down and each package can be read knowing only the ones below it. The dependency list is
 * printed, lowest first.
 */
class PackageDirectionTest {
    private static final Path MAIN = Path.of("src/main/java/io/sluice");
    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?io\\.sluice\\.([a-z0-9]+)\\.", Pattern.MULTILINE);

    @Test
    void packagesDependOnEachOtherWithoutACycle() {
        Map<String, Set<String>> imports = imports();
        imports.forEach((from, to) -> System.out.println(from + " -> " + to));
        List<String> cycle = cycle(imports);
        assertEquals(List.of(), cycle, "a cycle between packages");
    }

    static Map<String, Set<String>> imports() {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                String from = MAIN.relativize(file).getName(0).toString();
                if (from.endsWith(".java")) {
                    return; // a class directly in io.sluice
                }
                Set<String> to = imports.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(read(file));
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        to.add(m.group(1));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return imports;
    }

    /** One cycle, as the packages along it, or empty when there is none. */
    static List<String> cycle(Map<String, Set<String>> imports) {
        Map<String, Integer> state = new TreeMap<>(); // 1 on the current path, 2 done
        for (String start : imports.keySet()) {
            List<String> path = new ArrayList<>();
            if (visit(start, imports, state, path)) {
                return path.subList(path.indexOf(path.get(path.size() - 1)), path.size());
            }
        }
        return List.of();
    }

    private static boolean visit(
            String node, Map<String, Set<String>> imports, Map<String, Integer> state, List<String> path) {
        Integer seen = state.get(node);
        if (seen != null) {
            if (seen == 1) {
                path.add(node);
                return true;
            }
            return false;
        }
        state.put(node, 1);
        path.add(node);
        for (String next : imports.getOrDefault(node, Set.of())) {
            if (visit(next, imports, state, path)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return false;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.sluice.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The samples of a Prometheus text exposition, parsed enough to look series up by name and labels. */
record Scrape(String text, List<Sample> samples) {

    record Sample(String name, Map<String, String> labels, double value) {}

    static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String name = brace < 0 ? line.substring(0, line.indexOf(' ')) : line.substring(0, brace);
            Map<String, String> labels =
                    brace < 0 ? Map.of() : labels(line.substring(brace + 1, line.lastIndexOf('}')));
            samples.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1))));
        }
        return new Scrape(text, samples);
    }

    /** The one sample of that name whose labels include all of {@code labels} (given as name, value pairs). */
    Optional<Sample> find(String name, String... labels) {
        List<Sample> found = samples.stream()
                .filter(s -> s.name.equals(name) && matches(s, labels))
                .toList();
        if (found.size() > 1) {
            throw new AssertionError("more than one " + name + " sample matches: " + found);
        }
        return found.stream().findFirst();
    }

    double value(String name, String... labels) {
        return find(name, labels)
                .orElseThrow(() -> new AssertionError("no sample " + name + " " + List.of(labels) + " in:\n" + text))
                .value();
    }

    /** The {@code # TYPE} line's type of a family, e.g. {@code counter}, {@code gauge}, {@code untyped}. */
    Optional<String> type(String family) {
        String prefix = "# TYPE " + family + " ";
        return text.lines()
                .filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()).trim())
                .findFirst();
    }

    private static boolean matches(Sample s, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(s.labels.get(labels[i]))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> labels(String body) {
        Map<String, String> labels = new LinkedHashMap<>();
        int i = 0;
        while (i < body.length()) {
            int eq = body.indexOf('=', i);
            String key = body.substring(i, eq).trim();
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            while (body.charAt(j) != '"') {
                if (body.charAt(j) == '\\') {
                    j++;
                }
                value.append(body.charAt(j++));
            }
            labels.put(key, value.toString());
            i = j + 1;
            if (i < body.length() && body.charAt(i) == ',') {
                i++;
            }
        }
        return labels;
    }
}

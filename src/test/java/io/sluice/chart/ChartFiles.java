package io.sluice.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reading chart files without a helm binary: YAML as YAML, templates with their Go actions neutralised. */
final class ChartFiles {
    static final Path CHART = Path.of("helm", "sluice");
    static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACTION = Pattern.compile("\\{\\{-?(.*?)-?}}");
    private static final Pattern CONTROL =
            Pattern.compile("^\\s*(if|else|end|range|with|define|/\\*.*|- /\\*.*).*", Pattern.DOTALL);

    private ChartFiles() {}

    static List<Path> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> yamlDocuments(String text) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(text)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    /**
     * A template as the YAML it renders to, structurally: lines holding only control actions (if, range, end,
     * toYaml blocks...) are dropped, and every other action becomes the word TEMPLATED.
     */
    static String neutralised(String template) {
        StringBuilder out = new StringBuilder();
        for (String line : template.split("\n", -1)) {
            String withoutActions = ACTION.matcher(line).replaceAll("").trim();
            if (withoutActions.isEmpty() && line.contains("{{")) {
                continue;
            }
            Matcher m = ACTION.matcher(line);
            out.append(m.replaceAll("TEMPLATED")).append('\n');
        }
        return out.toString();
    }

    /** Checks that {{ }} pair up and that block actions (if/range/with/define) are closed by as many ends. */
    static String balanceProblem(String template) {
        int open = template.split("\\{\\{", -1).length - 1;
        int close = template.split("}}", -1).length - 1;
        if (open != close) {
            return open + " '{{' for " + close + " '}}'";
        }
        int depth = 0;
        Matcher m = ACTION.matcher(template);
        while (m.find()) {
            String action = m.group(1).trim();
            if (action.matches("^(if|range|with|define)\\b.*")) {
                depth++;
            } else if (action.equals("end")) {
                depth--;
                if (depth < 0) {
                    return "an 'end' without a block";
                }
            } else if (!action.startsWith("/*") && CONTROL.matcher(action).matches() && !action.startsWith("else")) {
                continue;
            }
        }
        return depth == 0 ? null : depth + " block(s) not closed";
    }

    /** The {@code .Values.a.b} paths a template uses (at top level, not relative to with/range). */
    static List<String> valuePaths(String template) {
        List<String> paths = new ArrayList<>();
        Matcher m = Pattern.compile("\\$?\\.Values\\.([A-Za-z0-9_.]+)").matcher(template);
        while (m.find()) {
            paths.add(m.group(1).replaceAll("\\.$", ""));
        }
        return paths;
    }
}

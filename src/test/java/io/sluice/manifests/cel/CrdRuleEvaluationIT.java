package io.sluice.manifests.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.sluice.manifests.GeneratedCrds;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Evaluates every CEL rule of the generated CRDs with cel-java against the values of {@code self} listed in
 * crd-rule-fixtures.yaml: the test API server ignores these rules, a real one enforces them.
 */
class CrdRuleEvaluationIT {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN)
            .addVar("oldSelf", SimpleType.DYN)
            .build();
    private static final CelRuntime RUNTIME =
            CelRuntimeFactory.standardCelRuntimeBuilder().build();

    record Fixtures(String rule, List<Map<String, Object>> accepts, List<Map<String, Object>> refuses) {}

    private static List<CrdRule> rules;
    private static Map<String, Fixtures> fixtures;

    @BeforeAll
    static void load() throws IOException {
        rules = GeneratedCrds.byKind().values().stream()
                .flatMap(crd -> CrdRules.of(crd).stream())
                .toList();
        try (InputStream in = CrdRuleEvaluationIT.class.getResourceAsStream("/crd-rule-fixtures.yaml")) {
            List<Fixtures> list = YAML.readValue(in, new TypeReference<List<Fixtures>>() {});
            fixtures = new LinkedHashMap<>();
            list.forEach(f -> fixtures.put(f.rule(), f));
        }
    }

    @Test
    void everyRuleHasFixturesAndEveryFixtureARule() {
        TreeSet<String> inCrds = rules.stream().map(CrdRule::rule).collect(Collectors.toCollection(TreeSet::new));
        List<String> untested = rules.stream()
                .filter(r -> !fixtures.containsKey(r.rule()))
                .map(CrdRule::where)
                .toList();
        assertEquals(List.of(), untested, "rules without fixtures in crd-rule-fixtures.yaml");
        List<String> stale =
                fixtures.keySet().stream().filter(r -> !inCrds.contains(r)).toList();
        assertEquals(List.of(), stale, "fixtures for rules no CRD holds any more");
        fixtures.values().forEach(f -> {
            assertFalse(f.accepts() == null || f.accepts().isEmpty(), "no accepted value for " + f.rule());
            assertFalse(f.refuses() == null || f.refuses().isEmpty(), "no refused value for " + f.rule());
        });
    }

    static Stream<CrdRule> rules() {
        return GeneratedCrds.byKind().values().stream().flatMap(crd -> CrdRules.of(crd).stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleAcceptsAndRefusesItsFixtures(CrdRule rule) throws Exception {
        Fixtures cases = fixtures.get(rule.rule());
        if (cases == null) {
            return; // reported by everyRuleHasFixturesAndEveryFixtureARule
        }
        assertFalse(rule.message().isBlank(), rule.where() + " has no message");
        CelAbstractSyntaxTree ast = COMPILER.compile(rule.rule()).getAst();
        CelRuntime.Program program = RUNTIME.createProgram(ast);
        List<String> wrong = new ArrayList<>();
        for (Map<String, Object> value : cases.accepts()) {
            checkFitsSchema(value, rule, wrong);
            if (!Boolean.TRUE.equals(program.eval(Map.of("self", celValue(value))))) {
                wrong.add("refused " + value);
            }
        }
        for (Map<String, Object> value : cases.refuses()) {
            checkFitsSchema(value, rule, wrong);
            if (!Boolean.FALSE.equals(program.eval(Map.of("self", celValue(value))))) {
                wrong.add("accepted " + value);
            }
        }
        assertEquals(List.of(), wrong, rule.where());
    }

    /** A fixture with a misspelt field would pass for the wrong reason: every field must be in the schema. */
    private static void checkFitsSchema(Map<String, Object> value, CrdRule rule, List<String> wrong) {
        JsonNode json = YAML.valueToTree(value);
        List<String> unknown = new ArrayList<>();
        unknownFields(json, rule.schema(), "self", unknown);
        unknown.forEach(field -> wrong.add("fixture field " + field + " is not in the schema"));
    }

    private static void unknownFields(JsonNode value, JsonNode schema, String path, List<String> unknown) {
        if (value.isObject()) {
            value.properties().forEach(e -> {
                JsonNode property = schema.path("properties").path(e.getKey());
                if (property.isObject()) {
                    unknownFields(e.getValue(), property, path + "." + e.getKey(), unknown);
                } else if (schema.path("additionalProperties").isObject()) {
                    unknownFields(e.getValue(), schema.get("additionalProperties"), path + "." + e.getKey(), unknown);
                } else if (!schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                    unknown.add(path + "." + e.getKey());
                }
            });
        } else if (value.isArray()) {
            value.forEach(item -> unknownFields(item, schema.path("items"), path + "[]", unknown));
        }
    }

    /** CEL's int is a 64-bit long; YAML gives Integers. */
    private static Object celValue(Object value) {
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new LinkedHashMap<>();
            map.forEach((k, v) -> converted.put((String) k, celValue(v)));
            return converted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CrdRuleEvaluationIT::celValue).toList();
        }
        return value;
    }
}

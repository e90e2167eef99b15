package io.sluice.template.functions;

import static io.sluice.template.functions.Fn.call;
import static io.sluice.template.functions.Fn.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SerializationFunctionsTest {
    private static Map<String, Object> sample() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("host", "db");
        map.put("port", 5432);
        map.put("tags", List.of("a", "b"));
        return map;
    }

    @Test
    void toJson() {
        assertEquals("{\"host\":\"db\",\"port\":5432,\"tags\":[\"a\",\"b\"]}", text("toJson", sample()));
        assertEquals("\"a\\\"b\"", text("toJson", "a\"b"));
    }

    /** What Go's json.Unmarshal gives: every number a float64. */
    private static Map<String, Object> sampleAsGoReadsIt() {
        Map<String, Object> map = sample();
        map.put("port", 5432.0);
        return map;
    }

    @Test
    void fromJson() {
        assertEquals(sampleAsGoReadsIt(), call("fromJson", "{\"host\":\"db\",\"port\":5432,\"tags\":[\"a\",\"b\"]}"));
        FunctionFailure e = assertThrows(FunctionFailure.class, () -> call("fromJson", "{\"host\": hunter2}"));
        assertEquals("fromJson: input is not valid JSON (line 1, column 10)", e.getMessage());
    }

    @Test
    void toYaml() {
        assertEquals("host: db\nport: 5432\ntags:\n- a\n- b", text("toYaml", sample()));
    }

    @Test
    void fromYaml() {
        assertEquals(sampleAsGoReadsIt(), call("fromYaml", "host: db\nport: 5432\ntags: [a, b]\n"));
        assertThrows(FunctionFailure.class, () -> call("fromYaml", "a: [unclosed"));
    }
}

package io.sluice.template.functions;

import static io.sluice.template.functions.Fn.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultFunctionsTest {
    @Test
    void defaultReplacesEmptyValuesOnly() {
        assertEquals("fallback", call("default", "fallback", ""));
        assertEquals("fallback", call("default", "fallback", List.of()));
        assertEquals("set", call("default", "fallback", "set"));
    }

    @Test
    void coalesceReturnsTheFirstNonEmpty() {
        assertEquals("b", call("coalesce", "", null, "b", "c"));
        assertEquals("", call("coalesce", "", ""));
    }
}

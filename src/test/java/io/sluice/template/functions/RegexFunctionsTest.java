package io.sluice.template.functions;

import static io.sluice.template.functions.Fn.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The regex family at the library level, where no render-time redaction hides what a message quotes. */
class RegexFunctionsTest {

    @Test
    void anInvalidPatternFailsWithoutQuotingIt() {
        for (String function : List.of("regexMatch", "mustRegexMatch", "regexFind")) {
            FunctionFailure e = assertThrows(FunctionFailure.class, () -> call(function, "(hunter2", "x"));
            assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        }
    }

    @Test
    void backtrackingConstructsOfOtherEnginesAreNotRe2() {
        assertThrows(FunctionFailure.class, () -> call("regexMatch", "(a)\\1", "aa"));
        assertEquals(true, call("regexMatch", "^(a|aa)*$", "a".repeat(5000)));
    }
}

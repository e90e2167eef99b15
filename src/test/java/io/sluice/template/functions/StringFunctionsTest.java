package io.sluice.template.functions;

import static io.sluice.template.functions.Fn.call;
import static io.sluice.template.functions.Fn.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StringFunctionsTest {
    @Test
    void upperAndLower() {
        assertEquals("HELLO", text("upper", "hello"));
        assertEquals("hello", text("lower", "HeLLo"));
    }

    @Test
    void title() {
        assertEquals("Hello World-Wide", text("title", "hello world-wide"));
    }

    @Test
    void camelcase() {
        assertEquals("HttpServer", text("camelcase", "http_server"));
        assertEquals("HelloWorld", text("camelcase", "hello world"));
    }

    @Test
    void snakecase() {
        assertEquals("first_name", text("snakecase", "FirstName"));
        assertEquals("http_server_id", text("snakecase", "HTTPServerId"));
    }

    @Test
    void kebabcase() {
        assertEquals("first-name", text("kebabcase", "FirstName"));
    }

    @Test
    void trims() {
        assertEquals("a b", text("trim", "  a b \n"));
        assertEquals("secret", text("trimPrefix", "prod-", "prod-secret"));
        assertEquals("secret", text("trimSuffix", ".txt", "secret.txt"));
        assertEquals("keep", text("trimPrefix", "x", "keep"));
    }

    @Test
    void replace() {
        assertEquals("a_b_c", text("replace", "-", "_", "a-b-c"));
    }

    @Test
    void quoteAndSquote() {
        assertEquals("\"say \\\"hi\\\"\\n\"", text("quote", "say \"hi\"\n"));
        assertEquals("'x'", text("squote", "x"));
    }

    @Test
    void indentAndNindent() {
        assertEquals("  a\n  b", text("indent", 2, "a\nb"));
        assertEquals("\n    a\n    b", text("nindent", 4, "a\nb"));
        assertThrows(FunctionFailure.class, () -> call("indent", "four", "a"));
    }

    @Test
    void printfSplitListCat() {
        assertEquals("u:p \"q\" 5%", text("printf", "%s:%v %q %d%%", "u", "p", "q", 5));
        assertEquals(List.of("a", "b", ""), call("splitList", ",", "a,b,"));
        assertEquals("a b", text("cat", "a", null, "b"));
        assertThrows(FunctionFailure.class, () -> call("printf", "%s %s", "only-one"));
    }

    @Test
    void wrongArgumentCountIsReported() {
        FunctionFailure e = assertThrows(FunctionFailure.class, () -> call("replace", "a", "b"));
        assertEquals("replace: takes 3 argument(s), got 2 (usage: replace OLD NEW VALUE)", e.getMessage());
    }
}

package io.sluice.regexp;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantRegexpTest {

    /** Far above what RE2 needs here; java.util.regex took more than 60 s for the 42-character subject alone. */
    private static final Duration GENEROUS = Duration.ofSeconds(2);

    @Test
    void aPatternThatBacktracksWithoutBoundInJavaRunsInLinearTime() {
        TenantRegexp hostile = TenantRegexp.compile("f", "^(.*?){40}X$");
        assertTimeoutPreemptively(GENEROUS, () -> {
            assertFalse(hostile.find("a".repeat(42)));
            assertFalse(hostile.find("a".repeat(512)));
            assertTrue(hostile.find("a".repeat(512) + "X"));
        });
    }

    @ParameterizedTest(name = "{0} finds {1}: {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "(?P<env>prod|dev)-db  ; app/prod-db ; true",
                "(?<env>prod|dev)-db   ; app/dev-db  ; true",
                "^[[:alpha:]]+$        ; abc1        ; false",
                "^\\pL+$              ; héllo       ; true",
                "\\Qa.b\\E            ; axb         ; false",
                "[a[]                  ; [           ; true",
                "^\\w+$               ; héllo       ; false",
            })
    void speaksGoSyntax(String pattern, String subject, boolean found) {
        assertEquals(found, TenantRegexp.compile("f", pattern).find(subject));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(?=lookahead)", "(a)\\1", "(", "x**", "a{1001}", "[[:nope:]]", "(?P<a>x)(?P<a>y)"})
    void whatGoRefusesIsRefusedNamingTheField(String pattern) {
        InvalidRegexpException e = assertThrows(
                InvalidRegexpException.class, () -> TenantRegexp.compile("dataFrom[2].find.name.regexp", pattern));
        assertTrue(
                e.getMessage()
                        .startsWith("dataFrom[2].find.name.regexp is not a valid regular expression: "
                                + "error parsing regexp: "),
                e.getMessage());
    }

    @Test
    void patternsLongerThanOneKibibyteAreRefusedWithoutQuotingThem() {
        assertDoesNotThrow(() -> TenantRegexp.compile("f", "a".repeat(TenantRegexp.MAX_LENGTH)));
        InvalidRegexpException e = assertThrows(
                InvalidRegexpException.class,
                () -> TenantRegexp.compile("rewrite[0].regexp.source", "a".repeat(TenantRegexp.MAX_LENGTH + 1)));
        assertEquals("rewrite[0].regexp.source is longer than 1024 characters", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "((a{1000}){1000}){1000}",
                "(((x{1000}){1000}){1000}){1000}",
                "((a{100}){100}){100}",
                "(a{1000}){1000}",
                "(?:[a-z]{1000}){5}",
                "((ab|cd|ef){1000}){2}"
            })
    void repetitionsThatExpandBeyondTheProgramBoundAreRefusedBeforeTheyExhaustTheHeap(String pattern) {
        InvalidRegexpException e = assertTimeoutPreemptively(
                GENEROUS, () -> assertThrows(InvalidRegexpException.class, () -> TenantRegexp.compile("f", pattern)));
        assertEquals("f is too large: its repetitions expand to more than 4096 instructions", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "^[a-z0-9]([-a-z0-9]{0,251}[a-z0-9])?$",
                "(.*?){1000}X",
                "^(app|db|cache)/[^/]+/(.*)$",
                "[a-z]{1000}",
                "(?i)^(?P<team>[a-z]+)-(?P<env>prod|staging|dev)-(?P<name>.{1,200})$"
            })
    void realisticPatternsStayWithinTheBounds(String pattern) {
        assertDoesNotThrow(() -> TenantRegexp.compile("f", pattern));
    }

    @Test
    void deepNestingWithinTheLengthBoundCompilesWithoutOverflowingTheStack() {
        String nested = "(".repeat(500) + "a" + ")".repeat(500);
        assertTrue(TenantRegexp.compile("f", nested).find("a"));
        String unclosed = "(?:".repeat(340);
        assertThrows(InvalidRegexpException.class, () -> TenantRegexp.compile("f", unclosed));
    }
}

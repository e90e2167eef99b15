package io.sluice.regexp;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.sluice.testing.hostile.HostileInput;
import io.sluice.testing.hostile.Outcomes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Any tenant-written pattern either compiles into a bounded RE2 program or is refused with a message naming
 * the field, and matching a compiled one against any name up to the key bound takes bounded time.
 */
class TenantRegexpPropertiesTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    void anyPatternCompilesBoundedOrIsRefusedNamingTheField() {
        Outcomes outcomes = new Outcomes();
        qt().withExamples(400)
                .forAll(HostileInput.regexps(), HostileInput.subjects())
                .checkAssert((source, subject) -> assertTimeoutPreemptively(BOUND, () -> {
                    TenantRegexp pattern;
                    try {
                        pattern = TenantRegexp.compile("dataFrom[0].find.name.regexp", source);
                    } catch (InvalidRegexpException refused) {
                        assertTrue(
                                refused.getMessage().startsWith("dataFrom[0].find.name.regexp "), refused.getMessage());
                        outcomes.refused(refused.getMessage().contains("too large") ? "too large" : "invalid");
                        return;
                    }
                    assertTrue(pattern.pattern().programSize() <= TenantRegexp.MAX_PROGRAM_SIZE);
                    pattern.find(subject);
                    outcomes.accepted();
                }));
        outcomes.assertBothSeen("TenantRegexpPropertiesTest");
    }
}

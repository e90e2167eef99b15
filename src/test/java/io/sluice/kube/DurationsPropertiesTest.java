package io.sluice.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.sluice.testing.hostile.HostileInput;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Go durations from a spec: never negative, never wrapped around, exactly Go's sum when in range. */
class DurationsPropertiesTest {
    private static final List<String> UNITS = List.of("ns", "us", "ms", "s", "m", "h");
    private static final List<Long> NANOS =
            List.of(1L, 1_000L, 1_000_000L, 1_000_000_000L, 60_000_000_000L, 3_600_000_000_000L);

    private record Part(long amount, int unit) {
        String text() {
            return amount + UNITS.get(unit);
        }
    }

    @Test
    void anyTextIsANonNegativeDurationOrRefused() {
        Gen<String> texts = HostileInput.punctuated(30)
                .mix(
                        lists().of(Generate.pick(List.of(
                                        "1", "9", "0", ".", "-", "+", "h", "m", "s", "ms", "us", "\u00b5s", "ns",
                                        "2562047", "e", " ")))
                                .ofSizeBetween(0, 12)
                                .map(parts -> String.join("", parts)),
                        60);
        qt().withExamples(2_000).forAll(texts).checkAssert(text -> {
            try {
                Duration parsed = Durations.parse(text);
                assertFalse(parsed.isNegative(), text);
            } catch (IllegalArgumentException refused) {
                assertFalse(refused.getMessage().isBlank());
            }
        });
    }

    @Test
    void wholeUnitsAddUpExactlyOrAreRefusedAsTooLarge() {
        Gen<Part> part = longs().between(0, Long.MAX_VALUE / 1000)
                .mix(longs().between(0, 10_000), 70)
                .zip(integers().between(0, UNITS.size() - 1), Part::new);
        qt().withExamples(2_000).forAll(lists().of(part).ofSizeBetween(1, 5)).checkAssert(parts -> {
            String text = parts.stream().map(Part::text).reduce("", String::concat);
            BigInteger expected = parts.stream()
                    .map(p -> BigInteger.valueOf(p.amount).multiply(BigInteger.valueOf(NANOS.get(p.unit))))
                    .reduce(BigInteger.ZERO, BigInteger::add);
            if (expected.compareTo(BigInteger.valueOf(Long.MAX_VALUE)) > 0) {
                IllegalArgumentException refused =
                        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
                assertEquals("duration \"" + text + "\" is too large (at most 2562047h47m16s)", refused.getMessage());
            } else {
                assertEquals(Duration.ofNanos(expected.longValueExact()), Durations.parse(text), text);
            }
        });
    }
}

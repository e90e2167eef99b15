package io.sluice.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({
        "1h0m0s,3600000",
        "15s,15000",
        "0,0",
        "1.5h,5400000",
        "2m30s,150000",
        "500ms,500",
        "1h30m,5400000",
        "300ms,300",
        "1.5s,1500",
        ".5s,500",
        "2h,7200000"
    })
    void parsesGoDurations(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1x", "h", "1h 2m", "abc", "10", "-1s", "1s garbage"})
    void rejectsWhatGoRejects(String text) {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    }

    @ParameterizedTest
    @CsvSource({
        "1.000000001s,1000000001",
        "9223372036854775807ns,9223372036854775807",
        "2562047h47m16.854775807s,9223372036854775807",
        "1\u00b5s,1000",
        "1\u03bcs,1000",
        "1us1ns,1001",
        "-0s,0",
        "+5s,5000000000"
    })
    void keepsWholeNanosecondsUpToGosLimit(String text, long nanos) {
        assertEquals(Duration.ofNanos(nanos), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2562048h1h",
                "2562048h",
                "9223372036854775808ns",
                "2562047h47m16.854775808s",
                "99999999999999999999s",
                "1h9223372036854775807ns"
            })
    void refusesWhatOverflowsInsteadOfWrappingToNegative(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertEquals("duration \"" + text + "\" is too large (at most 2562047h47m16s)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1s", "-1h30m", "-.5s"})
    void refusesNegativeDurationsThatGoWouldAccept(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertEquals("duration \"" + text + "\" is negative", e.getMessage());
    }

    @ParameterizedTest(name = "{1} under a {0} s minimum -> {2} s")
    @CsvSource({"10,0,0", "10,1,10", "10,9,10", "10,10,10", "10,3600,3600", "0,1,1"})
    void aPositiveIntervalBelowTheMinimumIsRaisedAndZeroStaysOnce(long minimum, long interval, long expected) {
        assertEquals(
                Duration.ofSeconds(expected),
                Durations.atLeast(Duration.ofSeconds(minimum), Duration.ofSeconds(interval)));
    }

    @ParameterizedTest
    @CsvSource({"3600,1h0m0s", "90,1m30s", "5,5s", "0,0s"})
    void formatsLikeGo(long seconds, String text) {
        assertEquals(text, Durations.format(Duration.ofSeconds(seconds)));
    }
}

package io.sluice.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({ "1h0m0s,3600000", "15s,15000", "0,0", "1.5h,5400000", "2m30s,150000", "500ms,500", "1h30m,5400000", "300ms,300", "1.5s,1500", ".5s,500", "2h,7200000" })
    void parsesGoDurations(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "1x", "h", "1h 2m", "abc", "10", "-1s", "1s garbage" })
    void rejectsWhatGoRejects(String text) {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    }

    @ParameterizedTest
    @CsvSource({ "3600,1h0m0s", "90,1m30s", "5,5s", "0,0s" })
    void formatsLikeGo(long seconds, String text) {
        assertEquals(text, Durations.format(Duration.ofSeconds(seconds)));
    }
}

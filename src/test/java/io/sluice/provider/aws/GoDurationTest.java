package io.sluice.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTest {

    @Test
    void parsesGoDurations() {
        assertEquals(Duration.ofMillis(300), GoDuration.parse("300ms"));
        assertEquals(Duration.ofMillis(1500), GoDuration.parse("1.5s"));
        assertEquals(Duration.ofSeconds(90), GoDuration.parse("1m30s"));
        assertEquals(Duration.ofHours(2), GoDuration.parse("2h"));
        assertEquals(Duration.ofNanos(10_000), GoDuration.parse("10us"));
        assertEquals(Duration.ZERO, GoDuration.parse("0"));
    }

    @Test
    void rejectsWhatGoRejects() {
        for (String bad : new String[] {"", "5", "1x", "s", "1s garbage", "-1s", "1h 2m"}) {
            assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(bad), bad);
        }
    }
}

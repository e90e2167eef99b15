package io.sluice.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ApiRequestRateTest {
    private static final long MS = 1_000_000;
    private final AtomicLong now = new AtomicLong(5_000 * MS);

    @Test
    void theBurstGoesAtOnceThenRequestsArePacedAtTheRateInTheOrderTheyAsked() {
        ApiRequestRate rate = new ApiRequestRate(10, 3, now::get);
        assertEquals(0, rate.reserve());
        assertEquals(0, rate.reserve());
        assertEquals(0, rate.reserve());
        assertEquals(100 * MS, rate.reserve());
        assertEquals(200 * MS, rate.reserve());
        now.addAndGet(250 * MS);
        assertEquals(50 * MS, rate.reserve()); // the two before it still have their slots
    }

    @Test
    void anIdleBucketRefillsUpToTheBurstOnly() {
        ApiRequestRate rate = new ApiRequestRate(100, 2, now::get);
        rate.reserve();
        rate.reserve();
        now.addAndGet(60_000 * MS);
        assertEquals(0, rate.reserve());
        assertEquals(0, rate.reserve());
        assertEquals(10 * MS, rate.reserve());
    }

    @Test
    void aRateOrBurstThatCouldNotPassAnythingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ApiRequestRate(0, 10, now::get));
        assertThrows(IllegalArgumentException.class, () -> new ApiRequestRate(10, 0, now::get));
    }
}

package io.sluice.testing.aws.emulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** How many HTTP calls each operation received, retries included, failed calls included. */
final class CallCounter {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    void record(String operation) {
        counts.computeIfAbsent(operation, op -> new AtomicInteger()).incrementAndGet();
    }

    int calls(String operation) {
        AtomicInteger count = counts.get(operation);
        return count == null ? 0 : count.get();
    }

    Map<String, Integer> snapshot() {
        Map<String, Integer> copy = new TreeMap<>();
        counts.forEach((operation, count) -> copy.put(operation, count.get()));
        return copy;
    }

    void reset() {
        counts.clear();
    }
}

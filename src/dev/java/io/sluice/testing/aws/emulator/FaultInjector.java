package io.sluice.testing.aws.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Faults per operation: counted ones ({@code times} calls, in order) come first, then a standing fault stays
 * until it is cleared. {@link AwsEmulator#ALL_OPERATIONS} matches every operation without a fault of its own.
 */
final class FaultInjector {

    private final Map<String, Deque<Fault>> counted = new HashMap<>();
    private final Map<String, Fault> standing = new HashMap<>();
    private final Map<String, Integer> injected = new TreeMap<>();

    synchronized void inject(String operation, Fault fault, int times) {
        Deque<Fault> queue = counted.computeIfAbsent(operation, op -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(fault);
        }
    }

    synchronized void injectUntilCleared(String operation, Fault fault) {
        standing.put(operation, fault);
    }

    synchronized void clear(String operation) {
        counted.remove(operation);
        standing.remove(operation);
    }

    synchronized Optional<Fault> next(String operation) {
        Fault fault = poll(operation);
        if (fault == null) {
            fault = poll(AwsEmulator.ALL_OPERATIONS);
        }
        if (fault != null) {
            injected.merge(operation, 1, Integer::sum);
        }
        return Optional.ofNullable(fault);
    }

    private Fault poll(String operation) {
        Deque<Fault> queue = counted.get(operation);
        Fault fault = queue == null ? null : queue.poll();
        return fault != null ? fault : standing.get(operation);
    }

    /** How many calls of the operation a fault was applied to since the last reset. */
    synchronized int injected(String operation) {
        return injected.getOrDefault(operation, 0);
    }

    synchronized void clear() {
        counted.clear();
        standing.clear();
    }

    synchronized void reset() {
        clear();
        injected.clear();
    }
}

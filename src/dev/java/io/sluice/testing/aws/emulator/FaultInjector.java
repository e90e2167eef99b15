package io.sluice.testing.aws.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Errors queued per operation: the next calls of that operation fail with them, in order. */
final class FaultInjector {

    private final Map<String, Deque<AwsError>> pending = new HashMap<>();

    synchronized void failNext(String operation, int times, AwsError error) {
        Deque<AwsError> queue = pending.computeIfAbsent(operation, op -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(error);
        }
    }

    synchronized Optional<AwsError> next(String operation) {
        Deque<AwsError> queue = pending.get(operation);
        return queue == null ? Optional.empty() : Optional.ofNullable(queue.poll());
    }

    synchronized void clear() {
        pending.clear();
    }
}

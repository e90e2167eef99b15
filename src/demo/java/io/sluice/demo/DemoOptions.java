package io.sluice.demo;

import java.time.Duration;

/** The run command's options: {@code --exit-when-synced[=SECONDS]} (CI's mode; 120 seconds by default). */
record DemoOptions(boolean exitWhenSynced, Duration timeout) {
    static final String EXIT_WHEN_SYNCED = "--exit-when-synced";
    /** How long the interactive demo waits for the sync before it prints what it has. */
    private static final Duration INTERACTIVE_WAIT = Duration.ofSeconds(20);

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    static DemoOptions parse(String... args) {
        DemoOptions options = new DemoOptions(false, INTERACTIVE_WAIT);
        for (String arg : args) {
            if (arg.equals(EXIT_WHEN_SYNCED)) {
                options = new DemoOptions(true, DEFAULT_TIMEOUT);
            } else if (arg.startsWith(EXIT_WHEN_SYNCED + "=")) {
                options = new DemoOptions(
                        true, Duration.ofSeconds(Long.parseLong(arg.substring(EXIT_WHEN_SYNCED.length() + 1))));
            }
        }
        return options;
    }
}

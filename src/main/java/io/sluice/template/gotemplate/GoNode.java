package io.sluice.template.gotemplate;

import java.util.List;

/** The parsed form of a Go template pipeline (the subset Sluice translates). */
sealed interface GoNode {
    /** {@code .} (the root values, or the current element inside range). */
    record Dot() implements GoNode {}

    /** {@code $name}; the empty name is {@code $}, the root. */
    record Variable(String name) implements GoNode {}

    /** {@code X.a.b}: fields read from a receiver ({@link Dot}, a variable or a parenthesised pipeline). */
    record Fields(GoNode receiver, List<String> names) implements GoNode {}

    record Text(String value) implements GoNode {}

    /** A number, true, false: written to Qute as they are. */
    record Constant(String token) implements GoNode {}

    /** A function (or builtin such as index, eq) called with arguments. */
    record Call(String function, List<GoNode> args) implements GoNode {}

    /** {@code a | f x | g}: each stage after the first receives the previous result as its last argument. */
    record Pipeline(List<GoNode> stages) implements GoNode {}
}

package io.sluice.template.functions;

/** The template called a function that the library does not have. */
public class UnknownFunction extends FunctionFailure {
    public UnknownFunction(String function) {
        super(function, "unknown function");
    }
}

package io.sluice.template.functions;

/**
 * A template function refused its input. The message is written by Sluice and names the function
 * and the problem only: it never quotes the input, which is usually a secret. Causes from parsers
 * (Jackson, SnakeYAML, the JDK) are deliberately not chained because their messages quote input.
 */
public class FunctionFailure extends RuntimeException {
    private final String function;

    public FunctionFailure(String function, String problem) {
        super(function + ": " + problem, null, false, false);
        this.function = function;
    }

    public String function() {
        return function;
    }
}

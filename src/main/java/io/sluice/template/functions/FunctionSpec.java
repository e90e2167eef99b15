package io.sluice.template.functions;

import java.util.List;

/**
 * A named function with its accepted argument count ({@code maxArgs} -1 means any number) and a
 * short signature for the docs and error messages.
 */
public record FunctionSpec(String name, int minArgs, int maxArgs, String signature, TemplateFunction body) {

    public Object invoke(List<Object> args) {
        if (args.size() < minArgs || (maxArgs >= 0 && args.size() > maxArgs)) {
            throw new FunctionFailure(
                    name, "takes " + arity() + " argument(s), got " + args.size() + " (usage: " + signature + ")");
        }
        return body.apply(args);
    }

    private String arity() {
        if (maxArgs < 0) {
            return "at least " + minArgs;
        }
        return minArgs == maxArgs ? String.valueOf(minArgs) : minArgs + " to " + maxArgs;
    }
}

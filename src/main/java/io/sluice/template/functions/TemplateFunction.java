package io.sluice.template.functions;

import java.util.List;

/** One template function. Arguments arrive in Go order: a piped or method-call subject comes last. */
@FunctionalInterface
public interface TemplateFunction {
    Object apply(List<Object> args);
}

package io.sluice.template.functions;

import io.sluice.template.limits.TemplateLimitExceeded;
import io.sluice.template.limits.TemplateLimits;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The functions templates can call, by name. Immutable once built; safe to share. */
public final class FunctionLibrary {
    private final Map<String, FunctionSpec> functions;

    private FunctionLibrary(Map<String, FunctionSpec> functions) {
        this.functions = Collections.unmodifiableMap(new TreeMap<>(functions));
    }

    /** Every function group Sluice ships. */
    public static FunctionLibrary standard() {
        Builder builder = new Builder();
        EncodingFunctions.register(builder);
        StringFunctions.register(builder);
        DefaultFunctions.register(builder);
        SerializationFunctions.register(builder);
        HashFunctions.register(builder);
        PemFunctions.register(builder);
        Pkcs12Functions.register(builder);
        JwkFunctions.register(builder);
        RsaFunctions.register(builder);
        ConversionFunctions.register(builder);
        MathFunctions.register(builder);
        StringQueryFunctions.register(builder);
        StringShapeFunctions.register(builder);
        RegexFunctions.register(builder);
        ListFunctions.register(builder);
        DictFunctions.register(builder);
        ReflectionFunctions.register(builder);
        PathFunctions.register(builder);
        DateFunctions.register(builder);
        RandomFunctions.register(builder);
        GoBuiltinFunctions.register(builder);
        UrlFunctions.register(builder);
        TextWrap.register(builder);
        AesFunctions.register(builder);
        return builder.build();
    }

    public Optional<FunctionSpec> find(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    public boolean has(String name) {
        return functions.containsKey(name);
    }

    public Collection<FunctionSpec> all() {
        return functions.values();
    }

    /**
     * Calls {@code name} with the arguments in Go order. A result larger than
     * {@link TemplateLimits#MAX_VALUE_CHARS} is refused: nothing that large fits in a Secret. Functions
     * that multiply their input (indent, repeat, replace, join) check before they build the result.
     */
    public Object call(String name, List<Object> args) {
        FunctionSpec spec = functions.get(name);
        if (spec == null) {
            throw new UnknownFunction(name);
        }
        Object result = spec.invoke(args);
        TemplateLimitExceeded.checkResultSize("function " + name, ValueSize.of(result));
        return result;
    }

    public static final class Builder {
        private final Map<String, FunctionSpec> functions = new TreeMap<>();

        public Builder add(FunctionSpec spec) {
            if (functions.putIfAbsent(spec.name(), spec) != null) {
                throw new IllegalStateException("function registered twice: " + spec.name());
            }
            return this;
        }

        public Builder one(String name, String signature, Function<Object, Object> body) {
            return add(new FunctionSpec(name, 1, 1, signature, args -> body.apply(args.get(0))));
        }

        public Builder two(String name, String signature, BiFunction<Object, Object, Object> body) {
            return add(new FunctionSpec(name, 2, 2, signature, args -> body.apply(args.get(0), args.get(1))));
        }

        public Builder three(String name, String signature, Function3 body) {
            return add(
                    new FunctionSpec(name, 3, 3, signature, args -> body.apply(args.get(0), args.get(1), args.get(2))));
        }

        public Builder many(String name, int minArgs, String signature, TemplateFunction body) {
            return add(new FunctionSpec(name, minArgs, -1, signature, body));
        }

        public FunctionLibrary build() {
            return new FunctionLibrary(functions);
        }
    }

    @FunctionalInterface
    public interface Function3 {
        Object apply(Object first, Object second, Object third);
    }
}

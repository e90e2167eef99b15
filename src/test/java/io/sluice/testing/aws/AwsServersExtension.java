package io.sluice.testing.aws;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Expands an {@link AwsServersTest} into one invocation per known server. A server is started (or
 * connected to) once per test run and shared; it is reset before each invocation. A server whose
 * endpoint property is not set yields a disabled invocation, so reports show it as skipped with the reason.
 */
public final class AwsServersExtension implements TestTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AwsServersExtension.class);

    /** A kind of server: how to get one, and the system property that enables it (none: always on). */
    private record Kind(String name, Optional<String> endpointProperty, Function<URI, AwsTestServer> connect) {

        Optional<URI> configuredEndpoint() {
            return endpointProperty
                    .map(System::getProperty)
                    .filter(value -> !value.isBlank())
                    .map(URI::create);
        }

        boolean enabled() {
            return endpointProperty.isEmpty() || configuredEndpoint().isPresent();
        }
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("emulator", Optional.empty(), ignored -> EmulatorServer.start()),
            new Kind("moto", Optional.of(MotoServer.ENDPOINT_PROPERTY), MotoServer::new),
            new Kind("localstack", Optional.of(LocalStackServer.ENDPOINT_PROPERTY), LocalStackServer::new));

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod()
                .map(m -> AnnotationSupport.isAnnotated(m, AwsServersTest.class))
                .orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return KINDS.stream().map(kind -> kind.enabled() ? new Enabled(kind) : new NotConfigured(kind));
    }

    private static AwsTestServer serverFor(Kind kind, ExtensionContext context) {
        // The root store closes the server (AutoCloseable) when the whole test run ends.
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        kind.name(),
                        name -> kind.connect().apply(kind.configuredEndpoint().orElse(null)),
                        AwsTestServer.class);
    }

    private record Enabled(Kind kind) implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + kind.name() + "]"
                    + kind.configuredEndpoint().map(uri -> " " + uri).orElse("");
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            BeforeEachCallback reset = context -> serverFor(kind, context).reset();
            return List.of(reset, new ServerParameter(kind));
        }
    }

    private record NotConfigured(Kind kind) implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + kind.name() + "] not configured";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            ExecutionCondition skip =
                    context -> ConditionEvaluationResult.disabled(kind.name() + " is not configured: set -D"
                            + kind.endpointProperty().orElseThrow() + "=<endpoint> to run this test against it");
            return List.of(skip, new ServerParameter(kind));
        }
    }

    private record ServerParameter(Kind kind) implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == AwsTestServer.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return serverFor(kind, context);
        }
    }
}

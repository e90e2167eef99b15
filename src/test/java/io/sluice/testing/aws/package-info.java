/**
 * AWS test servers for the provider contract tests.
 *
 * <p>A test method annotated {@link io.sluice.testing.aws.AwsServersTest} runs once per server, named in
 * the display name ({@code [emulator]}, {@code [moto] http://...}, {@code [localstack] http://...}), and
 * receives an {@link io.sluice.testing.aws.AwsTestServer} that was reset before the test:
 * <ul>
 * <li>{@code emulator}: {@link io.sluice.testing.aws.emulator.AwsEmulator}, in the JVM, always on; the only
 * one with test hooks (call counters, fault injection, access-key allow-list, STS call log, a test clock).</li>
 * <li>{@code moto}: on when {@code -Dcontract.moto.endpoint=http://127.0.0.1:PORT} is given, after
 * {@code .ci/moto.sh install} and {@code .ci/moto.sh start PORT}.</li>
 * <li>{@code localstack}: on when {@code -Dcontract.localstack.endpoint=http://localhost:4566} is given.
 * LocalStack needs Docker (so do Quarkus Dev Services for it); a developer with Docker starts it and passes
 * its endpoint.</li>
 * </ul>
 * A server whose property is not set is reported as skipped with the reason, never as passed. Maven's
 * Surefire forwards {@code -D} properties of the command line to the forked test JVM, e.g.
 * {@code ./mvnw test -Dtest=AwsServersContractTest -Dcontract.moto.endpoint=http://127.0.0.1:5077}.
 * Where a server knowingly differs from AWS it declares a {@link io.sluice.testing.aws.ServerQuirk}; tests
 * branch on it explicitly.
 */
package io.sluice.testing.aws;

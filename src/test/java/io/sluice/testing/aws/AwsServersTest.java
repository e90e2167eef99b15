package io.sluice.testing.aws;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test once per AWS test server: the in-JVM emulator always, moto and LocalStack when their
 * endpoint property is set, and reported as skipped otherwise. The test takes an {@link AwsTestServer}
 * parameter, already reset.
 *
 * <pre>
 * &#64;AwsServersTest
 * void readsTheCurrentVersion(AwsTestServer server) { ... }
 * </pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(AwsServersExtension.class)
public @interface AwsServersTest {}

package io.sluice.provider.aws;

import static io.sluice.provider.aws.ProviderHarness.NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sluice.api.common.ServiceAccountSelector;
import io.sluice.api.generators.ClusterGenerator;
import io.sluice.api.generators.ClusterGeneratorSpec;
import io.sluice.api.generators.ECRAuthorizationToken;
import io.sluice.api.generators.EcrAuthorizationTokenSpec;
import io.sluice.api.generators.Generators;
import io.sluice.api.generators.Password;
import io.sluice.api.generators.PasswordSpec;
import io.sluice.api.generators.STSSessionToken;
import io.sluice.api.generators.StsSessionTokenSpec;
import io.sluice.api.v1.AwsProvider;
import io.sluice.api.v1.GeneratorRef;
import io.sluice.generator.Generated;
import io.sluice.generator.GeneratorException;
import io.sluice.generator.GeneratorRunner;
import io.sluice.metrics.PrometheusCollectors;
import io.sluice.metrics.ProviderCallMetrics;
import io.sluice.provider.CredentialsRejectedException;
import io.sluice.provider.ProviderException;
import io.sluice.provider.aws.credentials.ServiceAccountTokens;
import io.sluice.testing.aws.AwsServersTest;
import io.sluice.testing.aws.AwsTestServer;
import io.sluice.testing.aws.emulator.AwsEmulator;
import io.sluice.testing.aws.emulator.EcrState;
import io.sluice.testing.aws.emulator.StsCall;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

/**
 * The generators end to end: the generator object read from a (mock) Kubernetes API, its credentials resolved as
 * the aws provider does, and the real SDK calling the AWS test server (the emulator always; moto when enabled).
 */
@Tag("slow")
class AwsGeneratorsTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/ecr-puller";

    private KubernetesFixture kubernetes;
    private ProviderCallMetrics metrics;
    private GeneratorRunner runner;

    private void start(AwsTestServer server) {
        kubernetes = new KubernetesFixture();
        metrics = new ProviderCallMetrics(PrometheusCollectors.unexported());
        kubernetes.secret(
                NAMESPACE,
                AwsStores.KEYS_SECRET,
                Map.of(
                        "access-key",
                        AwsTestServer.TEST_ACCESS_KEY,
                        "secret-access-key",
                        AwsTestServer.TEST_SECRET_KEY));
        runner = new GeneratorRunner(
                kubernetes.client(),
                new AwsGeneratorCalls(
                        AwsSettings.defaults(server.endpoint(), server.endpoint()),
                        Optional.of(server.endpoint()),
                        metrics,
                        new ServiceAccountTokens(kubernetes.client())));
    }

    @AfterEach
    void stop() {
        if (kubernetes != null) {
            kubernetes.close();
        }
    }

    private static AwsProvider.Auth staticKeys(String refNamespace) {
        return AwsStores.withStaticKeys(AwsStores.aws("us-east-1"), refNamespace).auth;
    }

    private static <T extends HasMetadata> T named(T resource, String namespace, String name) {
        resource.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        return resource;
    }

    private <T extends HasMetadata> void create(T resource) {
        kubernetes.client().resource(resource).create();
    }

    private static GeneratorRef ref(String kind, String name) {
        GeneratorRef ref = new GeneratorRef();
        ref.apiVersion = Generators.API_VERSION;
        ref.kind = kind;
        ref.name = name;
        return ref;
    }

    private static String text(Generated generated, String key) {
        return new String(generated.data().get(key), StandardCharsets.UTF_8);
    }

    private static EcrAuthorizationTokenSpec ecrSpec(AwsProvider.Auth auth, String role) {
        EcrAuthorizationTokenSpec spec = new EcrAuthorizationTokenSpec();
        spec.region = "us-east-1";
        spec.auth = auth;
        spec.role = role;
        return spec;
    }

    private void ecrGenerator(String name, EcrAuthorizationTokenSpec spec) {
        ECRAuthorizationToken generator = named(new ECRAuthorizationToken(), NAMESPACE, name);
        generator.setSpec(spec);
        create(generator);
    }

    @AwsServersTest
    void ecrTokenGivesEsosFourKeysFromOneGetAuthorizationToken(AwsTestServer server) {
        start(server);
        ecrGenerator("ecr", ecrSpec(staticKeys(null), null));

        Generated generated = runner.generate(ref("ECRAuthorizationToken", "ecr"), NAMESPACE);

        assertEquals(
                Set.of("username", "password", "proxy_endpoint", "expires_at"),
                generated.data().keySet());
        assertEquals("AWS", text(generated, "username"));
        assertTrue(
                text(generated, "proxy_endpoint").matches("https://\\d{12}\\.dkr\\.ecr\\.us-east-1\\.amazonaws\\.com"),
                text(generated, "proxy_endpoint"));
        long expiresAt = Long.parseLong(text(generated, "expires_at"));
        assertEquals(generated.expiresAt().orElseThrow().getEpochSecond(), expiresAt);
        assertFalse(text(generated, "password").isEmpty());
        assertEquals(1, metrics.count(AwsGeneratorCalls.ECR, "GetAuthorizationToken", true));
        server.emulator().ifPresent(emulator -> {
            // moto answers a fixed expiry in the past
            long hours = Duration.between(Instant.now(), Instant.ofEpochSecond(expiresAt))
                    .toHours();
            assertTrue(hours >= 11 && hours <= 12, "a 12 h token, expires in " + hours + " h");
            EcrState.Token issued = emulator.ecrTokens().getFirst();
            assertEquals(issued.password(), text(generated, "password"));
            assertEquals(AwsTestServer.TEST_ACCESS_KEY, issued.callerAccessKey());
            assertEquals(1, emulator.calls("GetAuthorizationToken"));
        });
    }

    @AwsServersTest
    void ecrEachRunIsANewCall(AwsTestServer server) {
        start(server);
        ecrGenerator("ecr", ecrSpec(staticKeys(null), null));
        runner.generate(ref("ECRAuthorizationToken", "ecr"), NAMESPACE);
        runner.generate(ref("ECRAuthorizationToken", "ecr"), NAMESPACE);
        assertEquals(2, metrics.count(AwsGeneratorCalls.ECR, "GetAuthorizationToken", true));
    }

    @AwsServersTest
    void ecrWithARoleCallsEcrAsTheAssumedRole(AwsTestServer server) {
        start(server);
        AwsEmulator emulator = server.emulator().orElse(null);
        if (emulator == null) {
            return; // the caller of each call is only visible on the emulator
        }
        ecrGenerator("ecr", ecrSpec(staticKeys(null), ROLE));

        runner.generate(ref("ECRAuthorizationToken", "ecr"), NAMESPACE);

        StsCall assume = emulator.stsCalls().getFirst();
        assertEquals("AssumeRole", assume.action());
        assertEquals(ROLE, assume.roleArn());
        assertEquals(AwsTestServer.TEST_ACCESS_KEY, assume.callerAccessKey());
        assertEquals(assume.issuedAccessKey(), emulator.ecrTokens().getFirst().callerAccessKey());
    }

    @AwsServersTest
    void ecrWithJwtExchangesAServiceAccountToken(AwsTestServer server) {
        start(server);
        AwsEmulator emulator = server.emulator().orElse(null);
        if (emulator == null) {
            return;
        }
        kubernetes.serviceAccount(NAMESPACE, "puller", Map.of("eks.amazonaws.com/role-arn", ROLE));
        AwsProvider.Auth auth = new AwsProvider.Auth();
        auth.jwt = new AwsProvider.Jwt();
        auth.jwt.serviceAccountRef = new ServiceAccountSelector();
        auth.jwt.serviceAccountRef.name = "puller";
        ecrGenerator("ecr", ecrSpec(auth, null));

        runner.generate(ref("ECRAuthorizationToken", "ecr"), NAMESPACE);

        assertEquals(1, kubernetes.minted().size());
        StsCall exchange = emulator.stsCalls().getFirst();
        assertEquals("AssumeRoleWithWebIdentity", exchange.action());
        assertEquals(kubernetes.minted().getFirst().token(), exchange.webIdentityToken());
        assertEquals(exchange.issuedAccessKey(), emulator.ecrTokens().getFirst().callerAccessKey());
    }

    @AwsServersTest
    void ecrFailuresAreTypedAndNameNoSecret(AwsTestServer server) {
        start(server);
        AwsEmulator emulator = server.emulator().orElse(null);
        if (emulator == null) {
            return;
        }
        ecrGenerator("ecr", ecrSpec(staticKeys(null), null));
        emulator.failNext("GetAuthorizationToken", 1, "ThrottlingException", 400);
        Generated retried = runner.generate(ref("ECRAuthorizationToken", "ecr"), NAMESPACE);
        assertEquals(2, emulator.calls("GetAuthorizationToken"), "the SDK retried the throttled call");

        emulator.revokeAccessKeys(AwsTestServer.TEST_ACCESS_KEY);
        ProviderException rejected = assertThrows(
                CredentialsRejectedException.class,
                () -> runner.generate(ref("ECRAuthorizationToken", "ecr"), NAMESPACE));
        assertTrue(rejected.getMessage().contains("GetAuthorizationToken"), rejected.getMessage());
        assertFalse(rejected.getMessage().contains(AwsTestServer.TEST_ACCESS_KEY), rejected.getMessage());
        assertFalse(rejected.getMessage().contains(AwsTestServer.TEST_SECRET_KEY), rejected.getMessage());
        assertFalse(rejected.getMessage().contains(text(retried, "password")), rejected.getMessage());
    }

    @AwsServersTest
    void ecrPublicScopeIsReportedUnsupported(AwsTestServer server) {
        start(server);
        EcrAuthorizationTokenSpec spec = ecrSpec(staticKeys(null), null);
        spec.scope = "public";
        ecrGenerator("ecr", spec);
        GeneratorException e = assertThrows(
                GeneratorException.class, () -> runner.generate(ref("ECRAuthorizationToken", "ecr"), NAMESPACE));
        assertTrue(e.getMessage().contains("scope public"), e.getMessage());
    }

    private void stsGenerator(String name, StsSessionTokenSpec.RequestParameters parameters, AwsProvider.Auth auth) {
        StsSessionTokenSpec spec = new StsSessionTokenSpec();
        spec.region = "us-east-1";
        spec.auth = auth;
        spec.requestParameters = parameters;
        STSSessionToken generator = named(new STSSessionToken(), NAMESPACE, name);
        generator.setSpec(spec);
        create(generator);
    }

    @AwsServersTest
    void stsSessionTokenGivesEsosFourKeysWithTheRequestedDuration(AwsTestServer server) {
        start(server);
        StsSessionTokenSpec.RequestParameters parameters = new StsSessionTokenSpec.RequestParameters();
        parameters.sessionDuration = 900;
        stsGenerator("sts", parameters, staticKeys(null));

        Generated generated = runner.generate(ref("STSSessionToken", "sts"), NAMESPACE);

        assertEquals(
                Set.of("access_key_id", "secret_access_key", "session_token", "expiration"),
                generated.data().keySet());
        long expiration = Long.parseLong(text(generated, "expiration"));
        assertEquals(generated.expiresAt().orElseThrow().getEpochSecond(), expiration);
        assertFalse(text(generated, "secret_access_key").isEmpty());
        assertFalse(text(generated, "session_token").isEmpty());
        server.emulator().ifPresent(emulator -> {
            // moto answers fixed example keys
            assertTrue(text(generated, "access_key_id").startsWith("ASIA"), "a temporary key id");
            long minutes = Duration.between(Instant.now(), Instant.ofEpochSecond(expiration))
                    .toMinutes();
            assertTrue(minutes >= 13 && minutes <= 15, "asked for 900 s, valid for " + minutes + " min");
            StsCall call = emulator.stsCalls().getFirst();
            assertEquals("GetSessionToken", call.action());
            assertEquals(900, call.durationSeconds());
            assertEquals(AwsTestServer.TEST_ACCESS_KEY, call.callerAccessKey());
            assertEquals(call.issuedAccessKey(), text(generated, "access_key_id"));
        });
    }

    @AwsServersTest
    void stsSendsTheMfaCodeAndAWrongOneIsRefused(AwsTestServer server) {
        start(server);
        AwsEmulator emulator = server.emulator().orElse(null);
        if (emulator == null) {
            return; // moto does not check MFA codes
        }
        StsSessionTokenSpec.RequestParameters parameters = new StsSessionTokenSpec.RequestParameters();
        parameters.serialNumber = "arn:aws:iam::123456789012:mfa/ci";
        parameters.tokenCode = "123456";
        stsGenerator("good", parameters, staticKeys(null));
        runner.generate(ref("STSSessionToken", "good"), NAMESPACE);

        StsSessionTokenSpec.RequestParameters wrong = new StsSessionTokenSpec.RequestParameters();
        wrong.serialNumber = "arn:aws:iam::123456789012:mfa/ci";
        wrong.tokenCode = "12x";
        stsGenerator("wrong", wrong, staticKeys(null));
        ProviderException e = assertThrows(
                ProviderException.class, () -> runner.generate(ref("STSSessionToken", "wrong"), NAMESPACE));
        assertTrue(e.getMessage().contains("GetSessionToken"), e.getMessage());
    }

    @AwsServersTest
    void stsRefusesJwtAuthAsEsoDoes(AwsTestServer server) {
        start(server);
        AwsProvider.Auth auth = new AwsProvider.Auth();
        auth.jwt = new AwsProvider.Jwt();
        auth.jwt.serviceAccountRef = new ServiceAccountSelector();
        auth.jwt.serviceAccountRef.name = "puller";
        stsGenerator("sts", null, auth);
        GeneratorException e =
                assertThrows(GeneratorException.class, () -> runner.generate(ref("STSSessionToken", "sts"), NAMESPACE));
        assertTrue(e.getMessage().contains("jwt auth cannot be used"), e.getMessage());
    }

    @AwsServersTest
    void passwordGeneratorFromTheApi(AwsTestServer server) {
        start(server);
        Password password = named(new Password(), NAMESPACE, "pw");
        password.setSpec(new PasswordSpec());
        password.getSpec().length = 40;
        create(password);

        Generated first = runner.generate(ref("Password", "pw"), NAMESPACE);
        Generated second = runner.generate(ref("Password", "pw"), NAMESPACE);

        assertEquals(40, text(first, "password").length());
        assertNotEquals(text(first, "password"), text(second, "password"), "generated again at each run");
        assertTrue(first.expiresAt().isEmpty());
        assertFalse(first.toString().contains(text(first, "password")));
    }

    @AwsServersTest
    void clusterGeneratorsWrapASpecAndResolveCredentialsInTheConsumersNamespace(AwsTestServer server) {
        start(server);
        ClusterGenerator ecr = named(new ClusterGenerator(), null, "cluster-ecr");
        ecr.setSpec(new ClusterGeneratorSpec());
        ecr.getSpec().kind = ClusterGeneratorSpec.Kind.ECRAuthorizationToken;
        ecr.getSpec().generator = new ClusterGeneratorSpec.GeneratorSpec();
        ecr.getSpec().generator.ecrAuthorizationTokenSpec = ecrSpec(staticKeys(null), null);
        create(ecr);
        ClusterGenerator password = named(new ClusterGenerator(), null, "cluster-pw");
        password.setSpec(new ClusterGeneratorSpec());
        password.getSpec().kind = ClusterGeneratorSpec.Kind.Password;
        password.getSpec().generator = new ClusterGeneratorSpec.GeneratorSpec();
        password.getSpec().generator.passwordSpec = new PasswordSpec();
        create(password);

        Generated token = runner.generate(ref("ClusterGenerator", "cluster-ecr"), NAMESPACE);
        assertEquals("AWS", text(token, "username"));
        assertEquals(
                24,
                text(runner.generate(ref("ClusterGenerator", "cluster-pw"), NAMESPACE), "password")
                        .length());

        // a namespaced generator is looked up in the consumer's namespace only; a ClusterGenerator's refs without a
        // namespace resolve in the consumer's, and the keys Secret lives in team-a only
        GeneratorException elsewhere = assertThrows(
                GeneratorException.class, () -> runner.generate(ref("ECRAuthorizationToken", "ecr"), "team-b"));
        assertTrue(elsewhere.getMessage().contains("not found"), elsewhere.getMessage());
        ProviderException noKeys = assertThrows(
                ProviderException.class, () -> runner.generate(ref("ClusterGenerator", "cluster-ecr"), "team-b"));
        assertTrue(noKeys.getMessage().contains("team-b/" + AwsStores.KEYS_SECRET), noKeys.getMessage());
    }

    @AwsServersTest
    void unknownKindsApiVersionsAndMissingGeneratorsAreClearErrors(AwsTestServer server) {
        start(server);
        assertTrue(assertThrows(GeneratorException.class, () -> runner.generate(ref("UUID", "x"), NAMESPACE))
                .getMessage()
                .contains("generator kind UUID is not supported"));
        GeneratorRef other = ref("Password", "x");
        other.apiVersion = "generators.external-secrets.io/v2";
        assertTrue(assertThrows(GeneratorException.class, () -> runner.generate(other, NAMESPACE))
                .getMessage()
                .contains("apiVersion generators.external-secrets.io/v2 is not supported"));
        assertEquals(
                "Password \"missing\" in namespace \"team-a\" not found",
                assertThrows(GeneratorException.class, () -> runner.generate(ref("Password", "missing"), NAMESPACE))
                        .getMessage());
    }
}

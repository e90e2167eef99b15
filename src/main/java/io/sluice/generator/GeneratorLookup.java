package io.sluice.generator;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.api.generators.ClusterGenerator;
import io.sluice.api.generators.ClusterGeneratorSpec;
import io.sluice.api.generators.ECRAuthorizationToken;
import io.sluice.api.generators.Generators;
import io.sluice.api.generators.Password;
import io.sluice.api.generators.STSSessionToken;
import io.sluice.api.v1.GeneratorRef;
import io.sluice.kube.ApiErrors;
import io.sluice.provider.aws.credentials.CredentialsSourceResolver.AuthOwner;
import java.util.function.Supplier;

/**
 * Reads the generator a {@code generatorRef} names, at each run (as ESO does): a namespaced kind from the
 * consumer's namespace, a ClusterGenerator from the cluster. Only the kinds Sluice implements are accepted.
 */
final class GeneratorLookup {
    private final KubernetesClient kubernetes;

    GeneratorLookup(KubernetesClient kubernetes) {
        this.kubernetes = kubernetes;
    }

    ResolvedGenerator find(GeneratorRef ref, String namespace) {
        if (ref.apiVersion != null && !ref.apiVersion.isEmpty() && !ref.apiVersion.equals(Generators.API_VERSION)) {
            throw new GeneratorException(
                    "apiVersion " + ref.apiVersion + " is not supported; Sluice implements " + Generators.API_VERSION);
        }
        if (ref.name == null || ref.name.isEmpty()) {
            throw new GeneratorException("generatorRef.name is required");
        }
        String kind = ref.kind == null ? "" : ref.kind;
        AuthOwner namespaced = new AuthOwner(kind + " " + namespace + "/" + ref.name, false, namespace);
        return switch (kind) {
            case "ECRAuthorizationToken" ->
                new ResolvedGenerator.Ecr(
                        namespaced,
                        spec(
                                kind,
                                namespace,
                                ref.name,
                                () -> kubernetes
                                        .resources(ECRAuthorizationToken.class)
                                        .inNamespace(namespace)
                                        .withName(ref.name)
                                        .get()));
            case "STSSessionToken" ->
                new ResolvedGenerator.Sts(
                        namespaced,
                        spec(
                                kind,
                                namespace,
                                ref.name,
                                () -> kubernetes
                                        .resources(STSSessionToken.class)
                                        .inNamespace(namespace)
                                        .withName(ref.name)
                                        .get()));
            case "Password" ->
                new ResolvedGenerator.Random(spec(
                        kind,
                        namespace,
                        ref.name,
                        () -> kubernetes
                                .resources(Password.class)
                                .inNamespace(namespace)
                                .withName(ref.name)
                                .get()));
            case "ClusterGenerator" ->
                fromCluster(
                        ref.name,
                        spec(
                                kind,
                                null,
                                ref.name,
                                () -> kubernetes
                                        .resources(ClusterGenerator.class)
                                        .withName(ref.name)
                                        .get()));
            default ->
                throw new GeneratorException("generator kind " + (kind.isEmpty() ? "(none)" : kind)
                        + " is not supported; Sluice implements ECRAuthorizationToken, STSSessionToken, Password and "
                        + "ClusterGenerator");
        };
    }

    private static ResolvedGenerator fromCluster(String name, ClusterGeneratorSpec spec) {
        ClusterGeneratorSpec.GeneratorSpec generator = spec == null ? null : spec.generator;
        if (spec == null || spec.kind == null || generator == null) {
            throw new GeneratorException("ClusterGenerator " + name + " has no spec.kind or spec.generator");
        }
        AuthOwner cluster = new AuthOwner("ClusterGenerator " + name, true, null);
        ResolvedGenerator resolved = switch (spec.kind) {
            case ECRAuthorizationToken ->
                generator.ecrAuthorizationTokenSpec == null
                        ? null
                        : new ResolvedGenerator.Ecr(cluster, generator.ecrAuthorizationTokenSpec);
            case STSSessionToken ->
                generator.stsSessionTokenSpec == null
                        ? null
                        : new ResolvedGenerator.Sts(cluster, generator.stsSessionTokenSpec);
            case Password ->
                generator.passwordSpec == null ? null : new ResolvedGenerator.Random(generator.passwordSpec);
        };
        if (resolved == null) {
            throw new GeneratorException(
                    "ClusterGenerator " + name + " of kind " + spec.kind + " has no spec for that kind");
        }
        return resolved;
    }

    /** The spec of the generator {@code get} reads; a read failure or a missing generator names it. */
    private static <S> S spec(
            String kind, String namespace, String name, Supplier<? extends CustomResource<S, ?>> get) {
        CustomResource<S, ?> found;
        try {
            found = get.get();
        } catch (KubernetesClientException e) {
            throw new GeneratorException(
                    "could not read " + describe(kind, namespace, name) + ": " + ApiErrors.describe(e));
        }
        if (found == null) {
            throw new GeneratorException(describe(kind, namespace, name) + " not found");
        }
        return found.getSpec();
    }

    private static String describe(String kind, String namespace, String name) {
        return namespace == null
                ? kind + " \"" + name + "\""
                : kind + " \"" + name + "\" in namespace \"" + namespace + "\"";
    }
}

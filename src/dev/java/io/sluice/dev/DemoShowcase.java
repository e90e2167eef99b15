package io.sluice.dev;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.v1.ExternalSecret;
import io.sluice.status.Conditions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Applies the demo manifests (and, where asked, the generated CRDs), waits until every ExternalSecret among
 * them is Ready, and prints the synced Secrets with the ExternalSecrets' status.
 */
public final class DemoShowcase {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final String ESO_GROUP = "external-secrets.io";

    private final KubernetesClient client;
    private final PrintStream out;

    public DemoShowcase(KubernetesClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    /** Applies the CRDs of {@code crdDirectory} (the build's target/.../kubernetes). */
    public void applyCrds(Path crdDirectory) throws IOException {
        for (Path crd : yamlFiles(crdDirectory, ".yml")) {
            if (crd.getFileName().toString().contains(".external-secrets.io-")) {
                try (InputStream in = Files.newInputStream(crd)) {
                    client.load(in).createOrReplace();
                }
            }
        }
    }

    /** Applies the manifests of the folders, in file name order; true when every ExternalSecret got Ready in time. */
    public boolean applyAndShow(List<Path> manifestDirectories, Duration timeout)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<HasMetadata> externalSecrets = new ArrayList<>();
        for (Path directory : manifestDirectories) {
            for (HasMetadata applied : apply(directory, deadline)) {
                if ("ExternalSecret".equals(applied.getKind())) {
                    externalSecrets.add(applied);
                }
            }
        }
        boolean allReady = true;
        for (HasMetadata es : externalSecrets) {
            allReady &= show(es.getMetadata().getNamespace(), es.getMetadata().getName(), deadline);
        }
        return allReady;
    }

    private List<HasMetadata> apply(Path directory, Instant deadline) throws IOException, InterruptedException {
        List<HasMetadata> applied = new ArrayList<>();
        for (Path manifest : yamlFiles(directory, ".yaml")) {
            try (InputStream in = Files.newInputStream(manifest)) {
                for (HasMetadata resource : client.load(in).items()) {
                    awaitCrd(resource, deadline);
                    if (resource.getMetadata().getNamespace() == null) {
                        resource.getMetadata().setNamespace(EmbeddedCluster.NAMESPACE);
                    }
                    applied.add(client.resource(resource).createOr(existing -> existing.update()));
                    out.println("applied " + resource.getKind() + " "
                            + resource.getMetadata().getName() + " from " + manifest);
                }
            }
        }
        return applied;
    }

    /**
     * A custom resource can be created once its CRD is established. Whoever installs the CRDs (the demo itself,
     * or the Operator SDK in dev mode) may still be at it.
     */
    private void awaitCrd(HasMetadata resource, Instant deadline) throws InterruptedException {
        String apiVersion = resource.getApiVersion();
        if (apiVersion == null || !apiVersion.startsWith(ESO_GROUP + "/")) {
            return;
        }
        String crd = resource.getKind().toLowerCase(Locale.ROOT) + "s." + ESO_GROUP;
        while (!established(client.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName(crd)
                        .get())
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL);
        }
    }

    /** The test API server sets no CRD status: an existing CRD without conditions counts as established. */
    private static boolean established(CustomResourceDefinition crd) {
        if (crd == null) {
            return false;
        }
        if (crd.getStatus() == null
                || crd.getStatus().getConditions() == null
                || crd.getStatus().getConditions().isEmpty()) {
            return true;
        }
        return crd.getStatus().getConditions().stream()
                .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private boolean show(String namespace, String name, Instant deadline) throws InterruptedException {
        ExternalSecret es = client.resources(ExternalSecret.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
        while (!isReady(es) && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL);
            es = client.resources(ExternalSecret.class)
                    .inNamespace(namespace)
                    .withName(name)
                    .get();
        }
        var ready = es == null || es.getStatus() == null ? null : Conditions.find(es.getStatus().conditions, "Ready");
        out.printf(
                "%nExternalSecret %s/%s: Ready=%s reason=%s message=\"%s\" refreshTime=%s%n",
                namespace,
                name,
                ready == null ? "?" : ready.status,
                ready == null ? "?" : ready.reason,
                ready == null ? "?" : ready.message,
                es == null || es.getStatus() == null ? "-" : es.getStatus().refreshTime);
        String target = es != null && es.getSpec().target != null && es.getSpec().target.name != null
                ? es.getSpec().target.name
                : name;
        Secret secret = client.secrets().inNamespace(namespace).withName(target).get();
        if (secret == null) {
            out.println("  no Secret " + target + " (see the condition above)");
            return false;
        }
        out.printf(
                "Secret %s/%s (type %s), labels %s%n",
                namespace, target, secret.getType(), secret.getMetadata().getLabels());
        // the demo data is fake and public: showing it is the point of the demo
        secret.getData()
                .forEach((key, value) -> out.printf(
                        "  %s = %s%n", key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
        return isReady(es);
    }

    private static boolean isReady(ExternalSecret es) {
        return es != null && es.getStatus() != null && Conditions.isTrue(es.getStatus().conditions, "Ready");
    }

    private static List<Path> yamlFiles(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}

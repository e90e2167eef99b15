package io.sluice.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The CRDs the build generated in target/kubernetes, by kind. */
public final class GeneratedCrds {
    public static final Path DIRECTORY = Path.of("target", "kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private GeneratedCrds() {}

    public static Map<String, JsonNode> byKind() {
        Map<String, JsonNode> crds = new TreeMap<>();
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            for (Path file : files.filter(f -> f.getFileName().toString().contains(".external-secrets.io-"))
                    .toList()) {
                JsonNode crd = YAML.readTree(file.toFile());
                crds.put(crd.at("/spec/names/kind").asText(), crd);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("no generated CRDs: run ./mvnw package first", e);
        }
        if (crds.isEmpty()) {
            throw new IllegalStateException("no CRDs in " + DIRECTORY);
        }
        return crds;
    }

    /** The one version stored in etcd (the one Sluice serves, reads and writes). */
    public static JsonNode storageVersion(JsonNode crd) {
        JsonNode found = null;
        for (JsonNode version : crd.at("/spec/versions")) {
            if (version.path("storage").asBoolean()) {
                if (found != null) {
                    throw new IllegalStateException(crd.at("/metadata/name").asText() + " has two storage versions");
                }
                found = version;
            }
        }
        if (found == null) {
            throw new IllegalStateException(crd.at("/metadata/name").asText() + " has no storage version");
        }
        return found;
    }
}

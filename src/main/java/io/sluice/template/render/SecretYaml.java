package io.sluice.template.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Writes a Secret as kubectl shows it: data base64-encoded, keys sorted, every string read back as a string. */
final class SecretYaml {
    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .stringQuotingChecker(PlainScalarQuoting.INSTANCE)
                    .build())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();

    private SecretYaml() {}

    static String write(
            String name,
            String namespace,
            String type,
            Map<String, String> labels,
            Map<String, String> annotations,
            Map<String, byte[]> data)
            throws JsonProcessingException {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        if (!labels.isEmpty()) {
            metadata.put("labels", new TreeMap<>(labels));
        }
        if (!annotations.isEmpty()) {
            metadata.put("annotations", new TreeMap<>(annotations));
        }
        Map<String, String> encoded = new TreeMap<>();
        data.forEach((key, value) -> encoded.put(key, Base64.getEncoder().encodeToString(value)));
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("apiVersion", "v1");
        secret.put("kind", "Secret");
        secret.put("metadata", metadata);
        secret.put("type", type == null || type.isEmpty() ? "Opaque" : type);
        secret.put("data", encoded);
        return YAML.writeValueAsString(secret);
    }
}

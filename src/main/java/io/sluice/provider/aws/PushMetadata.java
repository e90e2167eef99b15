package io.sluice.provider.aws;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.sluice.provider.ProviderConfigurationException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ESO's AWS {@code PushSecretMetadata} ({@code data[].metadata}): tags, description, value format and KMS key.
 * Unknown fields are rejected, a user-supplied {@code managed-by} tag is an error, and the fields Sluice does not
 * implement (resource policies, replication) fail clearly instead of being ignored.
 */
record PushMetadata(Map<String, String> tags, String description, boolean binary, String kmsKeyId) {
    static final String MANAGED_BY_TAG = "managed-by";
    static final String MANAGED_BY_VALUE = "external-secrets";
    static final String DEFAULT_DESCRIPTION = "secret 'managed-by:external-secrets'";
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static final PushMetadata NONE = new PushMetadata(Map.of(), null, true, null);

    /** The document as written in the PushSecret; fields public for Jackson. */
    static final class Document {
        public String apiVersion;
        public String kind;
        public Spec spec;
    }

    static final class Spec {
        public Map<String, String> tags;
        public String description;
        public String secretPushFormat;
        public String kmsKeyId;
        public JsonNode resourcePolicy;
        public List<String> replicationLocations;
    }

    static PushMetadata parse(JsonNode metadata) {
        if (metadata == null || metadata.isNull() || metadata.isEmpty()) {
            return NONE;
        }
        Document doc;
        try {
            doc = JSON.treeToValue(metadata, Document.class);
        } catch (IOException e) {
            throw new ProviderConfigurationException("invalid PushSecret metadata for AWS Secrets Manager: "
                    + (e instanceof UnrecognizedPropertyException u
                            ? "unknown field " + u.getPropertyName()
                            : "not a PushSecretMetadata document"));
        }
        if (doc.kind != null && !"PushSecretMetadata".equals(doc.kind)) {
            throw new ProviderConfigurationException("invalid PushSecret metadata: kind must be PushSecretMetadata");
        }
        Spec spec = doc.spec == null ? new Spec() : doc.spec;
        if (spec.resourcePolicy != null || spec.replicationLocations != null) {
            throw new ProviderConfigurationException(
                    "PushSecret metadata resourcePolicy and replicationLocations are " + "not supported by Sluice");
        }
        Map<String, String> tags = spec.tags == null ? Map.of() : new LinkedHashMap<>(spec.tags);
        if (tags.containsKey(MANAGED_BY_TAG)) {
            throw new ProviderConfigurationException("PushSecret metadata must not set the tag " + MANAGED_BY_TAG
                    + ": Sluice sets it to mark the secrets it manages");
        }
        String format = spec.secretPushFormat == null ? "binary" : spec.secretPushFormat;
        if (!format.equals("binary") && !format.equals("string")) {
            throw new ProviderConfigurationException("PushSecret metadata secretPushFormat must be binary or string");
        }
        return new PushMetadata(Map.copyOf(tags), spec.description, format.equals("binary"), spec.kmsKeyId);
    }

    /** The tags of a secret Sluice creates: the user's plus the ownership marker. */
    Map<String, String> creationTags() {
        Map<String, String> all = new LinkedHashMap<>(tags);
        all.put(MANAGED_BY_TAG, MANAGED_BY_VALUE);
        return all;
    }
}

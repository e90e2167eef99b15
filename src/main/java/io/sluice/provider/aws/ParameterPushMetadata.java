package io.sluice.provider.aws;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.sluice.provider.ProviderConfigurationException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * ESO's Parameter Store {@code PushSecretMetadata} ({@code data[].metadata.spec}): {@code secretType} (String,
 * StringList or SecureString; default String), {@code kmsKeyID} (SecureString only; default {@code alias/aws/ssm}),
 * {@code tier.type} (Standard, Advanced or Intelligent-Tiering; default Standard) with {@code tier.policies} (a JSON
 * list, Advanced only), {@code tags} and {@code description}. Unknown fields are rejected and a user-supplied
 * {@code managed-by} tag is an error, as in ESO.
 */
record ParameterPushMetadata(
        String type, String kmsKeyId, String tier, String policies, Map<String, String> tags, String description) {
    static final String DEFAULT_KMS_KEY = "alias/aws/ssm";
    static final String SECURE_STRING = "SecureString";
    static final String ADVANCED = "Advanced";
    private static final Set<String> TYPES = Set.of("String", "StringList", SECURE_STRING);
    private static final Set<String> TIERS = Set.of("Standard", ADVANCED, "Intelligent-Tiering");
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The document as written in the PushSecret; fields public for Jackson. */
    static final class Document {
        public String apiVersion;
        public String kind;
        public Spec spec;
    }

    static final class Spec {
        public String secretType;
        public String kmsKeyID;
        public Tier tier;
        public Boolean encodeAsDecoded;
        public Map<String, String> tags;
        public String description;
    }

    static final class Tier {
        public String type;
        public JsonNode policies;
    }

    static ParameterPushMetadata parse(JsonNode metadata) {
        Spec spec = spec(metadata);
        String type = spec.secretType == null || spec.secretType.isEmpty() ? "String" : spec.secretType;
        if (!TYPES.contains(type)) {
            throw new ProviderConfigurationException(
                    "PushSecret metadata secretType must be String, StringList or " + "SecureString");
        }
        String tier =
                spec.tier == null || spec.tier.type == null || spec.tier.type.isEmpty() ? "Standard" : spec.tier.type;
        if (!TIERS.contains(tier)) {
            throw new ProviderConfigurationException(
                    "PushSecret metadata tier.type must be Standard, Advanced or " + "Intelligent-Tiering");
        }
        String policies = null;
        if (spec.tier != null && spec.tier.policies != null && !spec.tier.policies.isNull()) {
            if (!ADVANCED.equals(tier)) {
                throw new ProviderConfigurationException("PushSecret metadata tier.policies needs tier.type Advanced"
                        + " (parameter policies exist for advanced parameters only)");
            }
            policies = spec.tier.policies.toString();
        }
        if (Boolean.TRUE.equals(spec.encodeAsDecoded)) {
            throw new ProviderConfigurationException("PushSecret metadata encodeAsDecoded is not supported by Sluice");
        }
        Map<String, String> tags = spec.tags == null ? Map.of() : new LinkedHashMap<>(spec.tags);
        if (tags.containsKey(PushMetadata.MANAGED_BY_TAG)) {
            throw new ProviderConfigurationException("PushSecret metadata must not set the tag "
                    + PushMetadata.MANAGED_BY_TAG + ": Sluice sets it to mark the parameters it manages");
        }
        String kmsKeyId = SECURE_STRING.equals(type)
                ? spec.kmsKeyID == null || spec.kmsKeyID.isEmpty() ? DEFAULT_KMS_KEY : spec.kmsKeyID
                : null;
        String description = spec.description == null || spec.description.isEmpty()
                ? PushMetadata.DEFAULT_DESCRIPTION
                : spec.description;
        return new ParameterPushMetadata(type, kmsKeyId, tier, policies, Map.copyOf(tags), description);
    }

    private static Spec spec(JsonNode metadata) {
        if (metadata == null || metadata.isNull() || metadata.isEmpty()) {
            return new Spec();
        }
        Document doc;
        try {
            doc = JSON.treeToValue(metadata, Document.class);
        } catch (IOException e) {
            throw new ProviderConfigurationException("invalid PushSecret metadata for AWS Parameter Store: "
                    + (e instanceof UnrecognizedPropertyException u
                            ? "unknown field " + u.getPropertyName()
                            : "not a PushSecretMetadata document"));
        }
        if (doc.kind != null && !"PushSecretMetadata".equals(doc.kind)) {
            throw new ProviderConfigurationException("invalid PushSecret metadata: kind must be PushSecretMetadata");
        }
        return doc.spec == null ? new Spec() : doc.spec;
    }

    /** The tags of a parameter Sluice creates: the user's plus the ownership marker. */
    Map<String, String> creationTags() {
        Map<String, String> all = new LinkedHashMap<>(tags);
        all.put(PushMetadata.MANAGED_BY_TAG, PushMetadata.MANAGED_BY_VALUE);
        return all;
    }
}

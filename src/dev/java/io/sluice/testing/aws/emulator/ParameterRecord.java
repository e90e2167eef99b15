package io.sluice.testing.aws.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One Parameter Store parameter: its versions (oldest first, numbered from 1), labels and tags. */
public final class ParameterRecord {

    /** One version: its value as stored (plain text, even for SecureString) and the labels on it. */
    public record Version(long number, String value, String type, String keyId, Instant modified, Set<String> labels) {}

    private final String name;
    private final String arn;
    private final List<Version> versions = new ArrayList<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private String description;
    private String tier = "Standard";
    private String policies;

    ParameterRecord(String name, String arn) {
        this.name = name;
        this.arn = arn;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public Version latest() {
        return versions.get(versions.size() - 1);
    }

    public List<Version> versions() {
        return List.copyOf(versions);
    }

    public Map<String, String> tags() {
        return Map.copyOf(tags);
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public String tier() {
        return tier;
    }

    public Optional<String> policies() {
        return Optional.ofNullable(policies);
    }

    Version addVersion(String value, String type, String keyId, Instant when) {
        Version version = new Version(versions.size() + 1L, value, type, keyId, when, new LinkedHashSet<>());
        versions.add(version);
        return version;
    }

    Optional<Version> version(long number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    Optional<Version> labelled(String label) {
        return versions.stream().filter(v -> v.labels().contains(label)).findFirst();
    }

    /** A label names one version at a time: moving it takes it off the version that had it. */
    void label(Version version, List<String> labels) {
        versions.forEach(v -> v.labels().removeAll(labels));
        version.labels().addAll(labels);
    }

    void describe(String description, String tier, String policies) {
        if (description != null) {
            this.description = description;
        }
        if (tier != null) {
            this.tier = tier;
        }
        if (policies != null) {
            this.policies = policies;
        }
    }

    void tag(Map<String, String> added) {
        tags.putAll(added);
    }

    void untag(List<String> keys) {
        keys.forEach(tags::remove);
    }
}

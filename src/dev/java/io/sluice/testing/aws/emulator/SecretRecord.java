package io.sluice.testing.aws.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stored secret: metadata, tags and versions. Staging labels move between versions like in AWS: a new
 * AWSCURRENT pushes the old one to AWSPREVIOUS; a version left without labels is deprecated but kept.
 */
final class SecretRecord {

    static final String CURRENT = "AWSCURRENT";
    static final String PREVIOUS = "AWSPREVIOUS";

    private final String name;
    private final String arn;
    private final long sequence;
    private final Instant created;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final Map<String, SecretVersion> versions = new LinkedHashMap<>();
    private String description;
    private String kmsKeyId;
    private Instant lastChanged;
    private Instant lastAccessed;
    private Instant deletedDate;

    SecretRecord(String name, String arn, long sequence, Instant created) {
        this.name = name;
        this.arn = arn;
        this.sequence = sequence;
        this.created = created;
        this.lastChanged = created;
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    long sequence() {
        return sequence;
    }

    Instant created() {
        return created;
    }

    Instant lastChanged() {
        return lastChanged;
    }

    Optional<Instant> lastAccessed() {
        return Optional.ofNullable(lastAccessed);
    }

    void accessed(Instant now) {
        lastAccessed = now;
    }

    void changed(Instant now) {
        lastChanged = now;
    }

    String description() {
        return description;
    }

    void description(String description) {
        this.description = description;
    }

    String kmsKeyId() {
        return kmsKeyId;
    }

    void kmsKeyId(String kmsKeyId) {
        this.kmsKeyId = kmsKeyId;
    }

    Map<String, String> tags() {
        return tags;
    }

    Optional<Instant> deletedDate() {
        return Optional.ofNullable(deletedDate);
    }

    void markDeleted(Instant when) {
        deletedDate = when;
    }

    void restore() {
        deletedDate = null;
    }

    boolean isMarkedForDeletion() {
        return deletedDate != null;
    }

    Optional<SecretVersion> version(String versionId) {
        return Optional.ofNullable(versions.get(versionId));
    }

    Optional<SecretVersion> versionByStage(String stage) {
        return versions.values().stream()
                .filter(v -> v.stages().contains(stage))
                .findFirst();
    }

    Collection<SecretVersion> versions() {
        return versions.values();
    }

    /** Adds a version and moves the given labels onto it, keeping AWSPREVIOUS on the replaced current. */
    void addVersion(SecretVersion version, Collection<String> stages) {
        versions.put(version.id(), version);
        for (String stage : stages) {
            moveStage(stage, version);
        }
    }

    private void moveStage(String stage, SecretVersion target) {
        Optional<SecretVersion> holder = versionByStage(stage);
        if (holder.isPresent() && holder.get() == target) {
            return;
        }
        holder.ifPresent(old -> old.stages().remove(stage));
        target.stages().add(stage);
        if (stage.equals(CURRENT) && holder.isPresent()) {
            moveStage(PREVIOUS, holder.get());
        }
    }

    /** Version id to labels, for versions that still carry a label (the ones AWS lists by default). */
    Map<String, List<String>> versionIdsToStages() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        versions.values().stream()
                .filter(v -> !v.stages().isEmpty())
                .forEach(v -> result.put(v.id(), new ArrayList<>(v.stages())));
        return result;
    }

    @Override
    public String toString() {
        return "SecretRecord[" + arn + "]";
    }
}

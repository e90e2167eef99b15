package io.sluice.testing.aws.emulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parameters of one region, with AWS's rules for what the provider calls: a selector {@code name:<n>} or
 * {@code name:<label>}, ParameterAlreadyExists without Overwrite, no tags together with Overwrite, hierarchy paths.
 * Callers synchronise on the state.
 */
public final class ParameterStoreState {
    private static final Set<String> TYPES = Set.of("String", "StringList", "SecureString");

    private final String region;
    private final String account;
    private final Clock clock;
    private final Map<String, ParameterRecord> parameters = new TreeMap<>();

    ParameterStoreState(String region, String account, Clock clock) {
        this.region = region;
        this.account = account;
        this.clock = clock;
    }

    /** A parameter and the version a selector names. */
    public record Selected(ParameterRecord parameter, ParameterRecord.Version version, String selector) {}

    public synchronized Optional<ParameterRecord> find(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    Selected select(String nameOrSelector) {
        int colon = nameOrSelector.indexOf(':');
        String name = colon < 0 ? nameOrSelector : nameOrSelector.substring(0, colon);
        ParameterRecord parameter = require(name);
        if (colon < 0) {
            return new Selected(parameter, parameter.latest(), null);
        }
        String selector = nameOrSelector.substring(colon + 1);
        Optional<ParameterRecord.Version> version = selector.chars().allMatch(Character::isDigit) && !selector.isEmpty()
                ? parameter.version(Long.parseLong(selector))
                : parameter.labelled(selector);
        return new Selected(
                parameter,
                version.orElseThrow(() -> AwsError.badRequest(
                        "ParameterVersionNotFound",
                        "Systems Manager could not find version " + selector + " of " + name
                                + ". Verify the version and try again.")),
                ":" + selector);
    }

    ParameterRecord require(String name) {
        ParameterRecord parameter = parameters.get(name);
        if (parameter == null) {
            throw AwsError.badRequest("ParameterNotFound", "Parameter " + name + " not found.");
        }
        return parameter;
    }

    /** Tags are looked up by resource id; a missing parameter is an invalid one. */
    ParameterRecord requireForTags(String resourceType, String name) {
        if (!"Parameter".equals(resourceType)) {
            throw AwsError.badRequest("InvalidResourceType", "The resource type is not valid: " + resourceType);
        }
        ParameterRecord parameter = parameters.get(name);
        if (parameter == null) {
            throw AwsError.badRequest(
                    "InvalidResourceId",
                    "The resource ID is not valid. Verify that you entered the" + " correct ID and try again.");
        }
        return parameter;
    }

    public record Put(long version, String tier) {}

    Put put(
            String name,
            String value,
            String type,
            String keyId,
            String description,
            String tier,
            String policies,
            boolean overwrite,
            Map<String, String> tags) {
        if (name == null || name.isEmpty() || value == null) {
            throw AwsError.badRequest("ValidationException", "Name and Value are required.");
        }
        if (overwrite && !tags.isEmpty()) {
            throw AwsError.badRequest(
                    "ValidationException",
                    "Invalid request: tags and overwrite can't be used"
                            + " together. To create a parameter with tags, please remove overwrite flag. To update tags for an"
                            + " existing parameter, please use AddTagsToResource or RemoveTagsFromResource.");
        }
        if (type != null && !TYPES.contains(type)) {
            throw AwsError.badRequest("ValidationException", "Type must be String, StringList or SecureString.");
        }
        ParameterRecord parameter = parameters.get(name);
        if (parameter != null && !overwrite) {
            throw AwsError.badRequest(
                    "ParameterAlreadyExists",
                    "The parameter already exists. To overwrite this"
                            + " value, set the overwrite option in the request to true.");
        }
        if (parameter == null) {
            if (type == null) {
                throw AwsError.badRequest(
                        "ValidationException", "A parameter type is required when you create a" + " parameter.");
            }
            parameter = new ParameterRecord(
                    name,
                    "arn:aws:ssm:" + region + ":" + account + ":parameter" + (name.startsWith("/") ? "" : "/") + name);
            parameters.put(name, parameter);
            parameter.tag(tags);
        }
        String effectiveType = type != null ? type : parameter.latest().type();
        String effectiveKey = "SecureString".equals(effectiveType) ? keyId == null ? "alias/aws/ssm" : keyId : null;
        parameter.describe(description, tier, policies);
        ParameterRecord.Version version = parameter.addVersion(value, effectiveType, effectiveKey, clock.instant());
        return new Put(version.number(), parameter.tier());
    }

    void delete(String name) {
        require(name);
        parameters.remove(name);
    }

    /** Parameters under a path: {@code /} holds every parameter; otherwise one level, or all levels when recursive. */
    List<ParameterRecord> byPath(String path, boolean recursive) {
        if (path == null || !path.startsWith("/")) {
            throw AwsError.badRequest(
                    "ValidationException",
                    "The parameter doesn't meet the parameter name"
                            + " requirements. The parameter name must begin with a forward slash \"/\".");
        }
        String base = path.endsWith("/") ? path : path + "/";
        List<ParameterRecord> found = new ArrayList<>();
        for (ParameterRecord parameter : parameters.values()) {
            String name = parameter.name();
            boolean under = base.equals("/") ? true : name.startsWith(base);
            String rest = base.equals("/")
                    ? name.replaceFirst("^/", "")
                    : name.substring(Math.min(name.length(), base.length()));
            if (under && (recursive || !rest.contains("/"))) {
                found.add(parameter);
            }
        }
        return found;
    }

    List<ParameterRecord> all() {
        return List.copyOf(parameters.values());
    }

    void clear() {
        parameters.clear();
    }
}

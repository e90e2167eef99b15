package io.sluice.testing.aws.emulator;

import static io.sluice.testing.aws.emulator.SecretsManagerHandler.epochSeconds;
import static io.sluice.testing.aws.emulator.SecretsManagerHandler.strings;
import static io.sluice.testing.aws.emulator.SecretsManagerHandler.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Parameter Store (SSM) over the JSON 1.1 protocol: {@code X-Amz-Target: AmazonSSM.<Operation>}. Serves what the
 * provider calls: GetParameter, GetParameters, GetParametersByPath, DescribeParameters (Name, Path, Type and
 * {@code tag:<key>} filters), ListTagsForResource, AddTagsToResource, RemoveTagsFromResource, PutParameter,
 * DeleteParameter and LabelParameterVersion. A SecureString read without WithDecryption returns an opaque
 * ciphertext, as AWS does.
 */
final class ParameterStoreHandler extends JsonProtocol {

    private static final String TARGET_PREFIX = "AmazonSSM.";
    private static final int MAX_NAMES = 10;
    private static final int MAX_PATH_RESULTS = 10;
    private static final int MAX_DESCRIBE_RESULTS = 50;

    private final Function<Optional<String>, ParameterStoreState> stateForRegion;

    ParameterStoreHandler(Function<Optional<String>, ParameterStoreState> stateForRegion) {
        this.stateForRegion = stateForRegion;
    }

    @Override
    public Optional<String> operationOf(IncomingRequest request) {
        String target = request.target();
        return target != null && target.startsWith(TARGET_PREFIX)
                ? Optional.of(target.substring(TARGET_PREFIX.length()))
                : Optional.empty();
    }

    @Override
    public HttpReply handle(String operation, IncomingRequest request) {
        JsonNode in = parse(request.body());
        ParameterStoreState state = stateForRegion.apply(request.region());
        synchronized (state) {
            ObjectNode out = switch (operation) {
                case "GetParameter" -> getParameter(state, in);
                case "GetParameters" -> getParameters(state, in);
                case "GetParametersByPath" -> getParametersByPath(state, in);
                case "DescribeParameters" -> describeParameters(state, in);
                case "PutParameter" -> putParameter(state, in);
                case "DeleteParameter" -> {
                    state.delete(text(in, "Name"));
                    yield JSON.createObjectNode();
                }
                case "LabelParameterVersion" -> labelParameterVersion(state, in);
                case "ListTagsForResource" -> listTags(state, in);
                case "AddTagsToResource" -> {
                    state.requireForTags(text(in, "ResourceType"), text(in, "ResourceId"))
                            .tag(tags(in.path("Tags")));
                    yield JSON.createObjectNode();
                }
                case "RemoveTagsFromResource" -> {
                    state.requireForTags(text(in, "ResourceType"), text(in, "ResourceId"))
                            .untag(strings(in.path("TagKeys")));
                    yield JSON.createObjectNode();
                }
                default -> throw AwsError.badRequest("InvalidAction", "Unknown operation " + operation);
            };
            return reply(200, out);
        }
    }

    private ObjectNode getParameter(ParameterStoreState state, JsonNode in) {
        ParameterStoreState.Selected selected = state.select(text(in, "Name"));
        ObjectNode out = JSON.createObjectNode();
        out.set("Parameter", parameter(selected, decrypt(in)));
        return out;
    }

    private ObjectNode getParameters(ParameterStoreState state, JsonNode in) {
        List<String> names = strings(in.path("Names"));
        if (names.isEmpty() || names.size() > MAX_NAMES) {
            throw AwsError.badRequest(
                    "ValidationException",
                    "1 validation error detected: Value at 'names' failed to"
                            + " satisfy constraint: Member must have length less than or equal to " + MAX_NAMES);
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode found = out.putArray("Parameters");
        ArrayNode invalid = out.putArray("InvalidParameters");
        for (String name : names) {
            try {
                found.add(parameter(state.select(name), decrypt(in)));
            } catch (AwsError e) {
                if (!e.code().equals("ParameterNotFound") && !e.code().equals("ParameterVersionNotFound")) {
                    throw e;
                }
                invalid.add(name);
            }
        }
        return out;
    }

    private ObjectNode getParametersByPath(ParameterStoreState state, JsonNode in) {
        int max = maxResults(in, MAX_PATH_RESULTS);
        List<ParameterRecord> all =
                state.byPath(text(in, "Path"), in.path("Recursive").asBoolean(false));
        PageToken.Page<ParameterRecord> page = PageToken.page(all, max, text(in, "NextToken"));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode parameters = out.putArray("Parameters");
        page.items()
                .forEach(p ->
                        parameters.add(parameter(new ParameterStoreState.Selected(p, p.latest(), null), decrypt(in))));
        if (page.nextToken() != null) {
            out.put("NextToken", page.nextToken());
        }
        return out;
    }

    private ObjectNode describeParameters(ParameterStoreState state, JsonNode in) {
        int max = maxResults(in, MAX_DESCRIBE_RESULTS);
        Predicate<ParameterRecord> matches = p -> true;
        for (JsonNode filter : in.path("ParameterFilters")) {
            matches = matches.and(filter(filter));
        }
        List<ParameterRecord> all = state.all().stream().filter(matches).toList();
        PageToken.Page<ParameterRecord> page = PageToken.page(all, max, text(in, "NextToken"));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode parameters = out.putArray("Parameters");
        for (ParameterRecord p : page.items()) {
            ObjectNode entry = parameters.addObject();
            ParameterRecord.Version latest = p.latest();
            entry.put("Name", p.name());
            entry.put("ARN", p.arn());
            entry.put("Type", latest.type());
            if (latest.keyId() != null) {
                entry.put("KeyId", latest.keyId());
            }
            entry.put("LastModifiedDate", epochSeconds(latest.modified()));
            entry.put("Version", latest.number());
            entry.put("Tier", p.tier());
            entry.put("DataType", "text");
            p.description().ifPresent(d -> entry.put("Description", d));
        }
        if (page.nextToken() != null) {
            out.put("NextToken", page.nextToken());
        }
        return out;
    }

    private static Predicate<ParameterRecord> filter(JsonNode filter) {
        String key = text(filter, "Key");
        String option = text(filter, "Option");
        List<String> values = strings(filter.path("Values"));
        if (key == null || values.isEmpty()) {
            throw AwsError.badRequest("InvalidFilterValue", "A filter needs a key and at least one value.");
        }
        if (key.startsWith("tag:")) {
            String tag = key.substring("tag:".length());
            requireOption(key, option, "Equals");
            return p -> values.contains(p.tags().get(tag));
        }
        return switch (key) {
            case "Name" -> {
                requireOption(key, option, "Equals", "BeginsWith");
                yield "BeginsWith".equals(option)
                        ? p -> values.stream().anyMatch(v -> p.name().startsWith(v))
                        : p -> values.contains(p.name());
            }
            case "Type" -> {
                requireOption(key, option, "Equals");
                yield p -> values.contains(p.latest().type());
            }
            case "Path" -> {
                requireOption(key, option, "OneLevel", "Recursive");
                boolean recursive = "Recursive".equals(option);
                yield p -> values.stream().anyMatch(path -> underPath(p.name(), path, recursive));
            }
            default -> throw AwsError.badRequest("InvalidFilterKey", "The filter key " + key + " is not valid.");
        };
    }

    private static boolean underPath(String name, String path, boolean recursive) {
        String base = path.endsWith("/") ? path : path + "/";
        if (!base.equals("/") && !name.startsWith(base)) {
            return false;
        }
        String rest = base.equals("/") ? name.replaceFirst("^/", "") : name.substring(base.length());
        return recursive || !rest.contains("/");
    }

    private static void requireOption(String key, String option, String... allowed) {
        if (option == null) {
            return;
        }
        for (String candidate : allowed) {
            if (candidate.equals(option)) {
                return;
            }
        }
        throw AwsError.badRequest("InvalidFilterOption", "The filter option " + option + " is not valid for " + key);
    }

    private ObjectNode putParameter(ParameterStoreState state, JsonNode in) {
        ParameterStoreState.Put put = state.put(
                text(in, "Name"),
                text(in, "Value"),
                text(in, "Type"),
                text(in, "KeyId"),
                text(in, "Description"),
                text(in, "Tier"),
                text(in, "Policies"),
                in.path("Overwrite").asBoolean(false),
                tags(in.path("Tags")));
        ObjectNode out = JSON.createObjectNode();
        out.put("Version", put.version());
        out.put("Tier", put.tier());
        return out;
    }

    private ObjectNode labelParameterVersion(ParameterStoreState state, JsonNode in) {
        ParameterRecord parameter = state.require(text(in, "Name"));
        ParameterRecord.Version version = in.hasNonNull("ParameterVersion")
                ? parameter
                        .version(in.get("ParameterVersion").asLong())
                        .orElseThrow(() -> AwsError.badRequest(
                                "ParameterVersionNotFound",
                                "Systems Manager could not find the version of " + parameter.name()))
                : parameter.latest();
        parameter.label(version, strings(in.path("Labels")));
        ObjectNode out = JSON.createObjectNode();
        out.putArray("InvalidLabels");
        out.put("ParameterVersion", version.number());
        return out;
    }

    private ObjectNode listTags(ParameterStoreState state, JsonNode in) {
        ParameterRecord parameter = state.requireForTags(text(in, "ResourceType"), text(in, "ResourceId"));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode tags = out.putArray("TagList");
        parameter
                .tags()
                .forEach((key, value) -> tags.addObject().put("Key", key).put("Value", value));
        return out;
    }

    private static ObjectNode parameter(ParameterStoreState.Selected selected, boolean decrypt) {
        ParameterRecord.Version version = selected.version();
        ObjectNode out = JSON.createObjectNode();
        out.put("Name", selected.parameter().name());
        out.put("Type", version.type());
        boolean hidden = "SecureString".equals(version.type()) && !decrypt;
        out.put("Value", hidden ? ciphertext(version.value()) : version.value());
        out.put("Version", version.number());
        if (selected.selector() != null) {
            out.put("Selector", selected.selector());
        }
        out.put("LastModifiedDate", epochSeconds(version.modified()));
        out.put("ARN", selected.parameter().arn());
        out.put("DataType", "text");
        return out;
    }

    /** Stands in for the KMS ciphertext AWS returns: never the plain value. */
    private static String ciphertext(String value) {
        return "AQICAH"
                + Base64.getEncoder().encodeToString(("sealed:" + value.length()).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean decrypt(JsonNode in) {
        return in.path("WithDecryption").asBoolean(false);
    }

    private static int maxResults(JsonNode in, int limit) {
        int max = in.hasNonNull("MaxResults") ? in.get("MaxResults").asInt() : limit;
        if (max < 1 || max > limit) {
            throw AwsError.badRequest(
                    "ValidationException",
                    "1 validation error detected: Value '" + max
                            + "' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to "
                            + limit);
        }
        return max;
    }

    private static Map<String, String> tags(JsonNode array) {
        Map<String, String> tags = new LinkedHashMap<>();
        array.forEach(
                tag -> tags.put(tag.path("Key").asText(), tag.path("Value").asText()));
        return tags;
    }

    @Override
    public AwsError accessDenied(String operation, String principal) {
        return AwsError.badRequest(
                "AccessDeniedException",
                "User: " + principal + " is not authorized to perform: ssm:" + operation
                        + " because no identity-based policy allows it");
    }
}

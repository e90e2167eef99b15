package io.sluice.provider.aws.credentials;

import io.sluice.api.v1.AwsProvider;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The roles assumed on top of the base credentials: {@code additionalRoles} in order, then {@code role}
 * with the external id and session tags (which apply to {@code role} only, as in ESO).
 */
public record RoleChain(
        List<String> additionalRoles,
        String role,
        String externalId,
        Map<String, String> sessionTags,
        List<String> transitiveTagKeys) {
    public static final RoleChain NONE = new RoleChain(List.of(), null, null, Map.of(), List.of());

    public RoleChain {
        additionalRoles = additionalRoles == null ? List.of() : List.copyOf(additionalRoles);
        sessionTags = sessionTags == null ? Map.of() : Map.copyOf(sessionTags);
        transitiveTagKeys = transitiveTagKeys == null ? List.of() : List.copyOf(transitiveTagKeys);
        role = blankToNull(role);
        externalId = blankToNull(externalId);
    }

    public static RoleChain of(AwsProvider aws) {
        Map<String, String> tags = aws.sessionTags == null
                ? Map.of()
                : aws.sessionTags.stream()
                        .collect(Collectors.toMap(t -> t.key, t -> t.value == null ? "" : t.value, (a, b) -> b));
        List<String> additional = aws.additionalRoles == null
                ? List.of()
                : aws.additionalRoles.stream()
                        .filter(r -> r != null && !r.isBlank())
                        .toList();
        return new RoleChain(additional, aws.role, aws.externalID, tags, aws.transitiveTagKeys);
    }

    public boolean isEmpty() {
        return additionalRoles.isEmpty() && role == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

package io.sluice.testing.aws.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP request as the protocol handlers see it. The caller's access key and region come from the
 * SigV4 credential scope ({@code Credential=AKID/date/region/service/aws4_request}); signatures are not
 * verified.
 */
public record IncomingRequest(
        String target, String contentType, byte[] body, Optional<String> accessKey, Optional<String> region) {

    private static final Pattern CREDENTIAL_SCOPE = Pattern.compile("Credential=([^/,\\s]+)/[^/]+/([^/]+)/");

    static IncomingRequest of(String target, String contentType, String authorization, byte[] body) {
        Matcher scope = authorization == null ? null : CREDENTIAL_SCOPE.matcher(authorization);
        boolean signed = scope != null && scope.find();
        return new IncomingRequest(
                target,
                contentType == null ? "" : contentType,
                body,
                signed ? Optional.of(scope.group(1)) : Optional.empty(),
                signed ? Optional.of(scope.group(2)) : Optional.empty());
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

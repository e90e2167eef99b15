package io.sluice.testing.aws.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * STS over the AWS query protocol: form-encoded POST with {@code Action=...}, XML answers and
 * {@code ErrorResponse} errors. Tokens are not verified; every call is recorded in {@link StsState}.
 */
final class StsHandler implements ProtocolHandler {

    private static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StsState state;
    private final String defaultAccount;

    StsHandler(StsState state, String defaultAccount) {
        this.state = state;
        this.defaultAccount = defaultAccount;
    }

    @Override
    public Optional<String> operationOf(IncomingRequest request) {
        if (request.target() != null || !request.contentType().startsWith("application/x-www-form-urlencoded")) {
            return Optional.empty();
        }
        return Optional.ofNullable(new QueryForm(request.bodyText()).get("Action"));
    }

    @Override
    public boolean isUnsigned(String operation) {
        return operation.equals("AssumeRoleWithWebIdentity");
    }

    @Override
    public HttpReply handle(String operation, IncomingRequest request) {
        QueryForm form = new QueryForm(request.bodyText());
        String caller = request.accessKey().orElse(null);
        return switch (operation) {
            case "AssumeRole" -> assumeRole(form, caller);
            case "AssumeRoleWithWebIdentity" -> assumeRoleWithWebIdentity(form);
            case "GetCallerIdentity" -> getCallerIdentity(caller);
            case "GetSessionToken" -> getSessionToken(form, caller);
            default -> throw AwsError.badRequest("InvalidAction", "Could not find operation " + operation);
        };
    }

    private HttpReply assumeRole(QueryForm form, String caller) {
        String roleArn = validRoleArn(form.get("RoleArn"));
        String session = validSessionName(form.get("RoleSessionName"));
        Integer duration = validDuration(form.integer("DurationSeconds"));
        IssuedCredentials issued = state.issue(roleArn, session, duration);
        state.record(new StsCall(
                "AssumeRole",
                caller,
                roleArn,
                session,
                form.get("ExternalId"),
                form.keyValues("Tags"),
                form.list("TransitiveTagKeys"),
                duration,
                null,
                issued.accessKeyId()));
        return ok("AssumeRole", credentialsXml(issued));
    }

    private HttpReply assumeRoleWithWebIdentity(QueryForm form) {
        String roleArn = validRoleArn(form.get("RoleArn"));
        String session = validSessionName(form.get("RoleSessionName"));
        Integer duration = validDuration(form.integer("DurationSeconds"));
        String token = form.get("WebIdentityToken");
        if (token == null || token.length() < 4) {
            throw AwsError.badRequest(
                    "ValidationError",
                    "1 validation error detected: Value at 'webIdentityToken' failed to satisfy constraint");
        }
        IssuedCredentials issued = state.issue(roleArn, session, duration);
        state.record(new StsCall(
                "AssumeRoleWithWebIdentity",
                null,
                roleArn,
                session,
                null,
                Map.of(),
                List.of(),
                duration,
                token,
                issued.accessKeyId()));
        JsonNode claims = jwtClaims(token);
        String result = credentialsXml(issued)
                + element("SubjectFromWebIdentityToken", claims.path("sub").asText("unknown"))
                + element(
                        "Audience",
                        claims.path("aud").isArray()
                                ? claims.path("aud").path(0).asText()
                                : claims.path("aud").asText("sts.amazonaws.com"))
                + element("Provider", claims.path("iss").asText("emulator"));
        return ok("AssumeRoleWithWebIdentity", result);
    }

    /**
     * As AWS: only long-term keys may ask (temporary ones get AccessDenied); 900 to 129600 seconds; with an MFA
     * serial number, a six-digit token code.
     */
    private HttpReply getSessionToken(QueryForm form, String caller) {
        if (caller != null && state.byAccessKey(caller).isPresent()) {
            throw new AwsError("AccessDenied", 403, "Cannot call GetSessionToken with session credentials");
        }
        Integer duration = form.integer("DurationSeconds");
        if (duration != null && (duration < 900 || duration > 129_600)) {
            throw AwsError.badRequest(
                    "ValidationError",
                    "1 validation error detected: Value '" + duration
                            + "' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 129600");
        }
        String serial = form.get("SerialNumber");
        String code = form.get("TokenCode");
        if (serial != null && (code == null || !code.matches("\\d{6}"))) {
            throw new AwsError(
                    "AccessDenied", 403, "MultiFactorAuthentication failed with invalid MFA one time pass code.");
        }
        IssuedCredentials issued = state.issueSession("arn:aws:iam::" + defaultAccount + ":user/" + caller, duration);
        state.record(new StsCall(
                "GetSessionToken",
                caller,
                null,
                null,
                null,
                Map.of(),
                List.of(),
                duration,
                null,
                issued.accessKeyId()));
        return ok(
                "GetSessionToken",
                "<Credentials>" + element("AccessKeyId", issued.accessKeyId())
                        + element("SecretAccessKey", issued.secretAccessKey())
                        + element("SessionToken", issued.sessionToken())
                        + element("Expiration", issued.expiration().toString()) + "</Credentials>");
    }

    private HttpReply getCallerIdentity(String caller) {
        state.record(new StsCall("GetCallerIdentity", caller, null, null, null, Map.of(), List.of(), null, null, null));
        Optional<IssuedCredentials> assumed = caller == null ? Optional.empty() : state.byAccessKey(caller);
        String result = assumed.map(c -> element("Arn", c.assumedRoleArn())
                        + element("UserId", c.assumedRoleId())
                        + element("Account", c.account()))
                .orElseGet(() -> element("Arn", "arn:aws:iam::" + defaultAccount + ":user/sluice-test")
                        + element("UserId", "AIDASLUICETEST")
                        + element("Account", defaultAccount));
        return ok("GetCallerIdentity", result);
    }

    private static String credentialsXml(IssuedCredentials issued) {
        return "<Credentials>" + element("AccessKeyId", issued.accessKeyId())
                + element("SecretAccessKey", issued.secretAccessKey()) + element("SessionToken", issued.sessionToken())
                + element("Expiration", issued.expiration().toString()) + "</Credentials>"
                + "<AssumedRoleUser>" + element("Arn", issued.assumedRoleArn())
                + element("AssumedRoleId", issued.assumedRoleId()) + "</AssumedRoleUser>";
    }

    private static JsonNode jwtClaims(String token) {
        String[] parts = token.split("\\.");
        try {
            return parts.length == 3 ? JSON.readTree(Base64.getUrlDecoder().decode(parts[1])) : JSON.createObjectNode();
        } catch (Exception notAJwt) {
            return JSON.createObjectNode();
        }
    }

    private static String validRoleArn(String roleArn) {
        if (roleArn == null || !ROLE_ARN.matcher(roleArn).matches()) {
            throw AwsError.badRequest(
                    "ValidationError",
                    "1 validation error detected: Value '" + roleArn
                            + "' at 'roleArn' failed to satisfy constraint: Member must be a role ARN");
        }
        return roleArn;
    }

    private static String validSessionName(String session) {
        if (session == null || !SESSION_NAME.matcher(session).matches()) {
            throw AwsError.badRequest(
                    "ValidationError",
                    "1 validation error detected: Value '" + session
                            + "' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression "
                            + "pattern: [\\w+=,.@-]*");
        }
        return session;
    }

    private static Integer validDuration(Integer seconds) {
        if (seconds != null && (seconds < 900 || seconds > 43200)) {
            throw AwsError.badRequest(
                    "ValidationError",
                    "1 validation error detected: Value '" + seconds
                            + "' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200");
        }
        return seconds;
    }

    private static HttpReply ok(String action, String resultXml) {
        return HttpReply.of(
                200,
                "text/xml",
                "<" + action + "Response xmlns=\"" + NAMESPACE + "\"><" + action + "Result>" + resultXml + "</" + action
                        + "Result>" + requestMetadata() + "</" + action + "Response>");
    }

    @Override
    public HttpReply render(AwsError error) {
        String type = error.status() >= 500 ? "Receiver" : "Sender";
        return HttpReply.of(
                error.status(),
                "text/xml",
                "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error>"
                        + element("Type", type) + element("Code", error.code()) + element("Message", error.getMessage())
                        + "</Error>" + element("RequestId", UUID.randomUUID().toString()) + "</ErrorResponse>");
    }

    @Override
    public AwsError accessDenied(String operation, String principal) {
        return new AwsError(
                "AccessDenied", 403, "User: " + principal + " is not authorized to perform: sts:" + operation);
    }

    @Override
    public AwsError missingAuthentication() {
        return new AwsError("MissingAuthenticationToken", 403, "Request is missing Authentication Token");
    }

    @Override
    public AwsError invalidClientToken() {
        return new AwsError("InvalidClientTokenId", 403, "The security token included in the request is invalid.");
    }

    @Override
    public AwsError expiredToken() {
        return AwsError.badRequest("ExpiredToken", "The security token included in the request is expired");
    }

    private static String requestMetadata() {
        return "<ResponseMetadata>" + element("RequestId", UUID.randomUUID().toString()) + "</ResponseMetadata>";
    }

    private static String element(String name, String value) {
        return "<" + name + ">" + escape(value) + "</" + name + ">";
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}

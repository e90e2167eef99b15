package io.sluice.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rows of ESO's TestExecute (runtime/template/v2/template_test.go), each with ESO's template, ESO's input and
 * ESO's expected output; the keys, certificates and JWKs are ESO's test fixtures (src/test/resources/eso-template).
 * Rows ESO expects to fail expect the matching Sluice reason. Two rows are deliberate differences (ESO renders an
 * error text silently, Sluice fails; see docs/templating.md). TestExecute rows not here: "test empty",
 * "stringData" and "NonStandardDelimiters" assert nothing in ESO's loop; "hexdec" and "use sprig functions" are
 * rows of GoTemplateCasesTest; the rsaDecrypt and htpasswd rows are in EsoRsaAndHtpasswdCasesTest; "jwk rsa priv
 * pem" needs a fixture not copied yet.
 */
class EsoTestExecuteCasesTest {
    private static final String CERT = fixture("pkcs12-cert.pem");
    private static final String KEY = fixture("pkcs12-key.pem");

    static String fixture(String name) {
        try (InputStream in = EsoTestExecuteCasesTest.class.getResourceAsStream("/eso-template/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> rendered() {
        String multiline = "\n\t\tdatasources:\n\t\t- name: Graphite\n\t\t\ttype: graphite\n\t\t\taccess: proxy\n"
                + "\t\t\turl: http://localhost:8080\n\t\t\tpassword: \"%s\"\n\t\t\tuser: \"%s\"";
        return Stream.of(
                row("b64dec func", "{{ .secret | b64dec }}", "1234", "secret", "MTIzNA=="),
                row(
                        "fromJson func",
                        "{{ $var := .secret | fromJson }}{{ $var.foo }}",
                        "bar",
                        "secret",
                        "{\"foo\": \"bar\"}"),
                row(
                        "from & toJson func",
                        "{{ $var := .secret | fromJson }}{{ $var.foo | toJson }}",
                        "{\"baz\":\"bang\"}",
                        "secret",
                        "{\"foo\": {\"baz\":\"bang\"}}"),
                row(
                        "fromJson & toYaml func",
                        "{{ $var := .secret | fromJson | toYaml }}{{ $var }}",
                        "foo: bar",
                        "secret",
                        "{\"foo\": \"bar\"}"),
                row(
                        "fromYaml & toJson func",
                        "{{ $var := .secret | fromYaml | toJson }}{{ $var }}",
                        "{\"foo\":\"bar\"}",
                        "secret",
                        "foo: bar"),
                row(
                        "use replace function",
                        "{{ .conn | replace \"postgres://\" \"db+postgresql://\"}}",
                        "db+postgresql://user:pass@db.host:5432/dbname",
                        "conn",
                        "postgres://user:pass@db.host:5432/dbname"),
                row("use upper function", "{{ .value | upper }}", "USERNAME", "value", "username"),
                row(
                        "multiline template",
                        multiline.formatted("{{ .password }}", "{{ .user }}"),
                        multiline.formatted("harharhar", "foobert"),
                        "user",
                        "foobert",
                        "password",
                        "harharhar"),
                row("base64 pipeline", "{{ \"123412341234\" | b64enc | b64dec }}", "123412341234"),
                row(
                        "base64 pkcs12 extract (key)",
                        "{{ .secret | b64dec | pkcs12key }}",
                        KEY,
                        "secret",
                        fixture("pkcs12-nopass.b64")),
                row(
                        "base64 pkcs12 extract (cert)",
                        "{{ .secret | b64dec | pkcs12cert }}",
                        CERT,
                        "secret",
                        fixture("pkcs12-nopass.b64")),
                row(
                        "base64 pkcs12 extract with password (key)",
                        "{{ .secret | b64dec | pkcs12keyPass \"123456\" }}",
                        KEY,
                        "secret",
                        fixture("pkcs12-withpass.b64")),
                row(
                        "base64 pkcs12 extract with password (cert)",
                        "{{ .secret | b64dec | pkcs12certPass \"123456\" }}",
                        CERT,
                        "secret",
                        fixture("pkcs12-withpass.b64")),
                row(
                        "jwk rsa pub pem",
                        "{{ .secret | jwkPublicKeyPem }}",
                        fixture("jwk-pub-rsa.pem"),
                        "secret",
                        fixture("jwk-pub-rsa.json")),
                row(
                        "jwk ecdsa pub pem",
                        "{{ .secret | jwkPublicKeyPem }}",
                        fixture("jwk-pub-ec.pem"),
                        "secret",
                        fixture("jwk-pub-ec.json")),
                row(
                        "jwk ecdsa priv pem",
                        "{{ .secret | jwkPrivateKeyPem }}",
                        fixture("jwk-priv-ec.pem"),
                        "secret",
                        fixture("jwk-priv-ec.json")),
                row(
                        "filter pem certificate (ESO's other RSA key before the certificate)",
                        "{{ .secret | filterPEM \"CERTIFICATE\" }}",
                        CERT,
                        "secret",
                        KEY + CERT),
                row("labels", "{{ .env | b64dec }}", "dev", "env", "ZGV2"),
                row("annotations", "{{ .env | b64dec }}", "dev", "env", "ZGV2"),
                row(
                        "certSANs extract DNS SANs as comma-separated string",
                        "{{ .certificate | certSANs | join \",\" }}",
                        "gooble.com",
                        "certificate",
                        CERT),
                row(
                        "certSANs extract first SAN with index",
                        "{{ index (.certificate | certSANs) 0 }}",
                        "gooble.com",
                        "certificate",
                        CERT),
                row(
                        "certSANs with toJson",
                        "{{ .certificate | certSANs | toJson }}",
                        "[\"gooble.com\"]",
                        "certificate",
                        CERT),
                row(
                        "certSANs combined with filterPEM pipeline",
                        "{{ .secret | filterPEM \"CERTIFICATE\" | certSANs | join \",\" }}",
                        "gooble.com",
                        "secret",
                        KEY + CERT));
    }

    static Stream<Arguments> failing() {
        return Stream.of(
                Arguments.of("template syntax error", "{{ #xx }}", "TemplateSyntaxError", new String[0]),
                Arguments.of("unknown key error", "{{ .unknown }}", "TemplateKeyNotFound", new String[0]),
                Arguments.of(
                        "pkcs12 key wrong password",
                        "{{ .secret | b64dec | pkcs12keyPass \"wrong\" }}",
                        "TemplateFunctionError",
                        new String[] {"secret", fixture("pkcs12-withpass.b64")}),
                Arguments.of(
                        "pkcs12 cert wrong password",
                        "{{ .secret | b64dec | pkcs12certPass \"wrong\" }}",
                        "TemplateFunctionError",
                        new String[] {"secret", fixture("pkcs12-withpass.b64")}),
                Arguments.of(
                        "certSANs with invalid PEM",
                        "{{ .certificate | certSANs }}",
                        "TemplateFunctionError",
                        new String[] {"certificate", "not-a-pem"}),
                // deliberate differences: ESO renders sprig's error text (b64dec) or an empty map (fromJson)
                Arguments.of(
                        "base64 decode error (ESO: silent)",
                        "{{ .example | b64dec }}",
                        "TemplateFunctionError",
                        new String[] {"example", "iam_no_base64"}),
                Arguments.of(
                        "fromJson error (ESO: silent)",
                        "{{ \"{ # no json # }\" | fromJson }}",
                        "TemplateFunctionError",
                        new String[0]));
    }

    private static Arguments row(String name, String template, String expected, String... values) {
        return Arguments.of(name, template, expected, values);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rendered")
    void rendersAsEso(String name, String template, String expected, String[] values) {
        assertEquals(expected, Render.render(template, values));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failing")
    void failsAsEso(String name, String template, String reason, String[] values) {
        TemplateException e = assertThrows(TemplateException.class, () -> Render.render(template, values));
        assertEquals(reason, e.reason(), e.getMessage());
    }
}

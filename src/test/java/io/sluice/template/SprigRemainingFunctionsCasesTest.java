package io.sluice.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sprig functions ESO ships that were added last: hello, wrap, wrapWith, urlParse, urlJoin, durationRound, encryptAES and
 * decryptAES. Each row is a Go template with the output ESO (Go text/template with ESO's copy of sprig) prints for
 * it; rows marked "sprig" are sprig's own test cases, the others follow from the Go code sprig calls (goutils'
 * WrapCustom, net/url's Parse and URL.String, sprig's durationRound and AES format).
 */
class SprigRemainingFunctionsCasesTest {
    private static final String FOX = "The Quick Brown Fox Jumped Over The Lazy Dog";

    static Stream<Arguments> rows() {
        return Stream.of(
                row("hello", "{{ hello }}", "Hello!"),
                row("sprig: wrap", "{{ wrap 10 \"" + FOX + "\" }}", "The Quick\nBrown Fox\nJumped\nOver The\nLazy Dog"),
                row(
                        "sprig: wrapWith",
                        "{{ wrapWith 10 \"\\t\" \"" + FOX + "\" }}",
                        "The Quick\tBrown Fox\tJumped\tOver The\tLazy Dog"),
                row("wrap lets a long word run over", "{{ wrap 3 \"abcdefgh ij\" }}", "abcdefgh\nij"),
                row("wrapWith cuts a long word", "{{ wrapWith 3 \"-\" \"abcdefgh ij\" }}", "abc-def-gh-ij"),
                row("wrap breaks at the last space that fits", "{{ wrap 2 \"a  b\" }}", "a \nb"),
                row("wrap drops the space that starts a line", "{{ wrap 2 \"ab  cd\" }}", "ab\ncd"),
                row("wrap of a short text is the text", "{{ \"short\" | wrap 80 }}", "short"),
                row("wrap below 1 is 1", "{{ wrap 0 \"a b\" }}", "a\nb"),
                row(
                        "sprig: urlParse host",
                        "{{ index ( urlParse \"https://user:pass@github.com/Masterminds/sprig/issues"
                                + "?foo=bar#shouldBeIgnored\" ) \"host\" }}",
                        "github.com"),
                row(
                        "urlParse: every part, unescaped as Go does",
                        "{{ $u := urlParse \"HTTPS://us%20er:p%3Aw@example.com:8443/a%2Fb/c?x=1&y=%20#frag%21\" }}"
                                + "{{ $u.scheme }}|{{ $u.userinfo }}|{{ $u.host }}|{{ $u.hostname }}|{{ $u.path }}|"
                                + "{{ $u.query }}|{{ $u.fragment }}|{{ $u.opaque }}",
                        "https|us%20er:p%3Aw|example.com:8443|example.com|/a/b/c|x=1&y=%20|frag!|"),
                row(
                        "urlParse: a rootless URL is opaque",
                        "{{ (urlParse \"mailto:joe@example.com\").opaque }}",
                        "joe@example.com"),
                row("urlParse: IPv6 hostname", "{{ (urlParse \"http://[::1]:80/x\").hostname }}", "::1"),
                row(
                        "urlParse: a relative path",
                        "{{ $u := urlParse \"a/b?q\" }}{{ $u.path }}|{{ $u.query }}|{{ $u.host }}",
                        "a/b|q|"),
                row(
                        "urlParse gives the keys ESO gives",
                        "{{ urlParse \"http://h\" | keys | sortAlpha | join \",\" }}",
                        "fragment,host,hostname,opaque,path,query,scheme,userinfo"),
                row(
                        "sprig: urlJoin with every part",
                        "{{ urlJoin (dict \"fragment\" \"fragment\" \"host\" \"host:80\" \"path\""
                                + " \"/path\" \"query\" \"query\" \"scheme\" \"http\") }}",
                        "http://host:80/path?query#fragment"),
                row(
                        "sprig: urlJoin without query",
                        "{{ urlJoin (dict \"fragment\" \"fragment\" \"host\" \"host:80\" \"path\""
                                + " \"/path\" \"scheme\" \"http\") }}",
                        "http://host:80/path#fragment"),
                row(
                        "sprig: urlJoin without fragment",
                        "{{ urlJoin (dict \"host\" \"host:80\" \"path\" \"/path\" \"query\""
                                + " \"query\" \"scheme\" \"http\") }}",
                        "http://host:80/path?query"),
                row(
                        "sprig: urlJoin host and path",
                        "{{ urlJoin (dict \"host\" \"host:80\" \"path\" \"/path\" \"scheme\"" + " \"http\") }}",
                        "http://host:80/path"),
                row(
                        "sprig: urlJoin with userinfo",
                        "{{ urlJoin (dict \"host\" \"host:80\" \"path\" \"/path\" \"scheme\""
                                + " \"http\" \"userinfo\" \"user:pass\") }}",
                        "http://user:pass@host:80/path"),
                row(
                        "urlJoin escapes the path and fragment as Go does",
                        "{{ urlJoin (dict \"scheme\" \"https\" \"host\" \"h\" \"path\" \"/a b/\u00fc?\" \"fragment\" \"x y!\") }}",
                        "https://h/a%20b/%C3%BC%3F#x%20y!"),
                row(
                        "urlJoin adds the slash between host and a relative path",
                        "{{ urlJoin (dict \"scheme\" \"https\" \"host\" \"h\" \"path\" \"p\") }}",
                        "https://h/p"),
                row(
                        "urlParse then urlJoin gives the URL back",
                        "{{ urlParse \"https://u:p@h:1/a%20b?q=1#f\" | urlJoin }}",
                        "https://u:p@h:1/a%20b?q=1#f"),
                row(
                        "urlJoin of an opaque URL",
                        "{{ urlJoin (dict \"scheme\" \"mailto\" \"opaque\" \"joe@example.com\") }}",
                        "mailto:joe@example.com"),
                row("durationRound: hours", "{{ durationRound \"2h10m5s\" }}", "2h"),
                row("durationRound: a day and a bit", "{{ durationRound \"24h5s\" }}", "1d"),
                row(
                        "durationRound: exactly an hour is 60 minutes (strictly greater)",
                        "{{ durationRound \"3600s\" }}",
                        "60m"),
                row("durationRound: the sign is dropped", "{{ durationRound \"-90s\" }}", "1m"),
                row("durationRound: a year is 365 days", "{{ durationRound \"8761h\" }}", "1y"),
                row("durationRound: a month is 30 days", "{{ durationRound \"721h\" }}", "1mo"),
                row(
                        "durationRound: fractions of a second",
                        "{{ durationRound \"1.5s\" }} {{ durationRound \"1s\" }}",
                        "1s 0s"),
                row("durationRound: not a Go duration is 0", "{{ durationRound \"400d\" }}", "0s"),
                row("durationRound: an int64 counts nanoseconds", "{{ durationRound (mul 7200 1000000000) }}", "2h"),
                row("durationRound: a Go int (a constant) is 0, as in sprig", "{{ durationRound 7200 }}", "0s"),
                row(
                        "sprig: encryptAES then decryptAES",
                        "{{ \"plaintext\" | encryptAES \"secretkey\" | decryptAES \"secretkey\" }}",
                        "plaintext"),
                row(
                        "decryptAES of sprig's own ciphertext",
                        "{{ decryptAES \"secretkey\" \"30tEfhuJSVRhpG97XCuWgz2okj7L8vQ1s6V9zVUPeDQ=\" }}",
                        "plaintext"),
                row(
                        "encryptAES: IV, then the text padded to whole blocks (a full block of padding here)",
                        "{{ encryptAES \"k\" \"0123456789abcdef\" | b64dec | len }}",
                        "48"),
                row(
                        "encryptAES and decryptAES of empty text are empty",
                        "[{{ encryptAES \"k\" \"\" }}][{{ decryptAES \"k\" \"\" }}]",
                        "[][]"),
                row(
                        "the key is the password cut to 32 bytes",
                        "{{ encryptAES (repeat 40 \"k\") \"x\" | decryptAES (repeat 32 \"k\") }}",
                        "x"));
    }

    private static Arguments row(String name, String template, String expected) {
        return Arguments.of(name, template, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rendersAsEso(String name, String template, String expected) {
        assertEquals(expected, Render.render(template));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{{ urlParse \"http://a b/\" }}",
                "{{ urlParse \":nope\" }}",
                "{{ urlParse \"http://h:port/\" }}",
                "{{ urlParse \"http://h/%zz\" }}",
                "{{ urlJoin (dict \"host\" 1) }}",
                "{{ decryptAES \"k\" \"not base64!\" }}",
                "{{ decryptAES \"k\" \"AAAA\" }}",
            })
    void failsWhereEsoFails(String template) {
        TemplateException e = assertThrows(TemplateException.class, () -> Render.render(template));
        assertEquals("TemplateFunctionError", e.reason(), e.getMessage());
    }

    @Test
    void urlErrorsDoNotQuoteTheUrl() {
        TemplateException e = assertThrows(
                TemplateException.class, () -> Render.render("{{ urlParse .u }}", "u", "https://admin:hunter2@h:x/"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{{ wrapWith 1 (repeat 1000 \"-\") (repeat 100000 \"x\") }}",
                "{{ wrap 1 (repeat 600000 \"x \") }}",
            })
    void wrapRefusesAResultOverTheLimitBeforeBuildingIt(String template) {
        TemplateException e = assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> assertThrows(TemplateException.class, () -> Render.render(template)));
        assertEquals("TemplateLimitExceeded", e.reason(), e.getMessage());
    }
}

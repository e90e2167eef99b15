package io.sluice.values;

import static io.sluice.values.Bytes.map;
import static io.sluice.values.Bytes.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.api.v1.RemoteRef.ConversionStrategy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyConversionTest {

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "Default | /foo/bar/baz/bing      | _foo_bar_baz_bing",
                "Default | foo/bar/baz/bing/      | foo_bar_baz_bing_",
                "Default | foo$bar%baz*bing       | foo_bar_baz_bing",
                "Default | keep-._Az09            | keep-._Az09",
                "NULL    | app/db password        | app_db_password",
                "Default | café                   | caf_",
                "Default | 😀x                    | _x",
                "Unicode | 😀foo😁bar😂baz😈bing | _U1f600_foo_U1f601_bar_U1f602_baz_U1f608_bing",
                "Unicode | app/db                 | app_U002f_db",
                "Unicode | a b:c                  | a_U0020_b_U003a_c",
                "Unicode | café                   | caf_U00e9_",
                "Unicode | keep-._Az09            | keep-._Az09",
            })
    void convertsLikeEso(ConversionStrategy strategy, String key, String expected) {
        assertEquals(expected, KeyConversion.convert(strategy, key));
    }

    @Test
    void convertAllKeepsValues() {
        assertEquals(
                Map.of("app_user", "u", "app_pass", "p"),
                text(KeyConversion.convertAll(ConversionStrategy.Default, map("app/user", "u", "app/pass", "p"))));
    }

    @Test
    void collisionNamesBothKeys() {
        ExtractionException e = assertThrows(
                ExtractionException.DuplicateKey.class,
                () -> KeyConversion.convertAll(
                        ConversionStrategy.Default, map("foo$bar%baz*bing", "one", "foo_bar_baz$bing", "two")));
        assertEquals(
                "secret name collision during conversion: keys \"foo$bar%baz*bing\" and \"foo_bar_baz$bing\""
                        + " both convert to \"foo_bar_baz_bing\"",
                e.getMessage());
        assertEquals("DuplicateKey", e.reason());
    }
}

package io.sluice.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The functions and range forms that build lists or strings from a number refuse a size beyond the
 * limits before allocating: each of these would need gigabytes if it were built first.
 */
class NewFunctionLimitsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{{ until 2000000000 | len }}",
                "{{ untilStep 0 2000000000 1 | len }}",
                "{{ seq 1 2000000000 }}",
                "{{ range 2000000000 }}x{{ end }}",
                "{{ randAlphaNum 2000000000 }}",
                "{{ randBytes 2000000000 }}",
                "{{ \"ab\" | regexReplaceAll \"\" (repeat 1000000 \"x\") }}",
            })
    void refusedBeforeAllocating(String template) {
        TemplateException e = assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> assertThrows(TemplateException.class, () -> Render.render(template)));
        assertEquals("TemplateLimitExceeded", e.reason(), e.getMessage());
    }
}

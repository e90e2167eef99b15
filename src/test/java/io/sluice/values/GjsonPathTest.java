package io.sluice.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GjsonPathTest {

    @ParameterizedTest(name = "{0} -> {1} (#: {2})")
    @CsvSource(
            delimiter = '|',
            value = {
                "name.first        | name,first        | false",
                "friends.1.first   | friends,1,first   | false",
                "a\\.b             | a.b               | false",
                "x.y\\.z           | x,y.z             | false",
                "a\\*b             | a*b               | false",
                "a.\\#             | a,#               | false",
                "friends.#         | friends           | true",
                "a.b#              | a,b#              | false",
            })
    void parsesSupportedPaths(String property, String keys, boolean arrayLength) {
        assertEquals(new GjsonPath(List.of(keys.split(",")), arrayLength), GjsonPath.parse(property));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"a*", "a?", "a|b", "@reverse", "a.@this", "friends.#.first", "friends.#(first==\"x\")", "#.a"})
    void rejectsUnsupportedSyntax(String property) {
        assertNull(GjsonPath.parse(property));
    }

    @org.junit.jupiter.api.Test
    void loneHashIsTheRootArrayLength() {
        assertEquals(new GjsonPath(Arrays.asList(), true), GjsonPath.parse("#"));
    }
}

package io.sluice.values;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;

/**
 * Streaming JSON helpers that keep the source text of nested values byte for byte, like gjson's {@code Raw}
 * and Go's {@code json.RawMessage}: a re-serialised tree would change spacing and number spelling.
 */
final class JsonText {

    /** Go's {@code encoding/json} limit, which ESO's {@code GetSecretMap} runs into; Jackson's default is 1000. */
    static final int MAX_NESTING_DEPTH = 10_000;
    /** Go reads numbers of any length; a provider value (at most 1 MiB in a Secret) bounds them here. */
    private static final int MAX_NUMBER_LENGTH = 1024 * 1024;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .build();

    private JsonText() {}

    /** A parser over {@code source}, positioned on its first token (null when the source is blank). */
    static JsonParser open(String source) throws IOException {
        JsonParser parser = FACTORY.createParser(source);
        parser.nextToken();
        return parser;
    }

    /**
     * The source text of the value at the current token: objects and arrays verbatim, numbers as written,
     * {@code true}/{@code false}/{@code null}, strings with their quotes. Leaves the parser on the value's
     * last token.
     */
    static String rawValue(JsonParser parser, String source) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            int start = (int) parser.currentTokenLocation().getCharOffset();
            parser.skipChildren();
            int end = (int) parser.currentTokenLocation().getCharOffset() + 1;
            return source.substring(start, end);
        }
        if (token == JsonToken.VALUE_STRING) {
            int start = (int) parser.currentTokenLocation().getCharOffset();
            parser.getText();
            return source.substring(start, (int) parser.currentLocation().getCharOffset());
        }
        return parser.getText();
    }

    /**
     * Why a value is not usable JSON, for messages: Jackson's own text quotes the input, so it is never used.
     * A value over the parser's limits (deeper than Go allows) is not a parse error, but must end the same way.
     */
    static String problem(JsonProcessingException e) {
        if (!(e instanceof StreamConstraintsException)) {
            return "not valid JSON";
        }
        // Jackson's constraint messages name the limit, never the input
        return e.getMessage().contains("nesting depth")
                ? "nested deeper than " + MAX_NESTING_DEPTH + " levels"
                : "JSON with a number or string over the parser's size limits";
    }

    /** The JSON type of a value token, for messages ("object", "array", "string", ...). */
    static String kind(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "object";
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }
}

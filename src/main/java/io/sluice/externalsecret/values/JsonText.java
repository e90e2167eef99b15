package io.sluice.externalsecret.values;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;

/**
 * Streaming JSON helpers that keep the source text of nested values byte for byte, like gjson's {@code Raw}
 * and Go's {@code json.RawMessage}: a re-serialised tree would change spacing and number spelling.
 */
final class JsonText {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonText() {
    }

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
     * The value is JSON beyond Jackson's {@link StreamReadConstraints} (nesting depth, number and string length):
     * refused as a whole, like malformed JSON, never read in part. Jackson's message quotes no input, but is not
     * kept either.
     */
    static ExtractionException beyondLimits(String remoteKey) {
        StreamReadConstraints limits = FACTORY.streamReadConstraints();
        return new ExtractionException.InvalidJson("secret " + remoteKey + " is JSON beyond the limits Sluice reads: "
                + "nesting at most " + limits.getMaxNestingDepth() + " levels deep, numbers at most "
                + limits.getMaxNumberLength() + " digits, strings at most " + limits.getMaxStringLength() + " characters");
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

package io.sluice.template.functions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.List;

/**
 * toJson, toRawJson, toPrettyJson, fromJson (and their must forms), toYaml, fromYaml, as Go's
 * encoding/json writes and reads them: keys sorted, HTML characters escaped, numbers read as float64.
 * Parse errors never quote the input.
 */
final class SerializationFunctions {
    private static final SimpleModule BYTES_AS_TEXT = new SimpleModule()
            .addSerializer(Bytes.class, new StdSerializer<>(Bytes.class) {
                @Override
                public void serialize(Bytes value, JsonGenerator generator, SerializerProvider provider)
                        throws IOException {
                    generator.writeString(Args.text(value));
                }
            })
            .addSerializer(Double.class, new StdSerializer<>(Double.class) {
                @Override
                public void serialize(Double value, JsonGenerator generator, SerializerProvider provider)
                        throws IOException {
                    generator.writeRawValue(GoJson.formatFloat(value));
                }
            });
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(BYTES_AS_TEXT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .build())
            .addModule(BYTES_AS_TEXT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private SerializationFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        for (String name : List.of("toJson", "mustToJson")) {
            library.one(name, name + " VALUE", v -> GoJson.escapeHtml(write(name, JSON.writer(), v)));
        }
        for (String name : List.of("toRawJson", "mustToRawJson")) {
            library.one(name, name + " VALUE", v -> write(name, JSON.writer(), v));
        }
        for (String name : List.of("toPrettyJson", "mustToPrettyJson")) {
            library.one(name, name + " VALUE", v -> GoJson.escapeHtml(write(name, JSON.writer(GoJson.PRETTY), v)));
        }
        for (String name : List.of("fromJson", "mustFromJson")) {
            library.one(name, name + " TEXT", v -> GoJson.numbersAsFloat64(read(name, JSON, v, "JSON")));
        }
        library.one(
                "toYaml", "toYaml VALUE", v -> write("toYaml", YAML.writer(), v).stripTrailing());
        library.one("fromYaml", "fromYaml TEXT", v -> GoJson.numbersAsFloat64(read("fromYaml", YAML, v, "YAML")));
    }

    private static String write(String function, ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new FunctionFailure(
                    function,
                    "cannot serialize a value of type " + value.getClass().getSimpleName());
        }
    }

    private static Object read(String function, ObjectMapper mapper, Object value, String format) {
        try {
            return mapper.readValue(Args.text(value), Object.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            throw new FunctionFailure(function, "input is not valid " + format + where);
        }
    }
}

package io.sluice.template.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** toJson, fromJson, toYaml, fromYaml. Parse errors never quote the input. */
final class SerializationFunctions {
    private static final SimpleModule BYTES_AS_TEXT = new SimpleModule()
            .addSerializer(Bytes.class, new StdSerializer<>(Bytes.class) {
                @Override
                public void serialize(Bytes value, JsonGenerator generator, SerializerProvider provider)
                        throws java.io.IOException {
                    generator.writeString(Args.text(value));
                }
            });
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(BYTES_AS_TEXT).build();
    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .build())
            .addModule(BYTES_AS_TEXT).build();

    private SerializationFunctions() {
    }

    static void register(FunctionLibrary.Builder library) {
        library.one("toJson", "toJson VALUE", v -> write("toJson", JSON, v));
        library.one("fromJson", "fromJson TEXT", v -> read("fromJson", JSON, v, "JSON"));
        library.one("toYaml", "toYaml VALUE", v -> write("toYaml", YAML, v).stripTrailing());
        library.one("fromYaml", "fromYaml TEXT", v -> read("fromYaml", YAML, v, "YAML"));
    }

    private static String write(String function, ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new FunctionFailure(function, "cannot serialize a value of type " + value.getClass().getSimpleName());
        }
    }

    private static Object read(String function, ObjectMapper mapper, Object value, String format) {
        try {
            return mapper.readValue(Args.text(value), Object.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new FunctionFailure(function, "input is not valid " + format + where);
        }
    }
}

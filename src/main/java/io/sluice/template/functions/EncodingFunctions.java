package io.sluice.template.functions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.util.encoders.Base32;

/** b64enc, b64dec, b32enc, b32dec (standard alphabets with padding, as in sprig), hexdec. */
final class EncodingFunctions {
    private EncodingFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.one("b64enc", "b64enc VALUE", v -> Base64.getEncoder().encodeToString(Args.bytes(v)));
        library.one("b64dec", "b64dec VALUE", EncodingFunctions::b64dec);
        library.one("b32enc", "b32enc VALUE", v -> new String(Base32.encode(Args.bytes(v)), StandardCharsets.US_ASCII));
        library.one("b32dec", "b32dec VALUE", EncodingFunctions::b32dec);
        library.one("hexdec", "hexdec VALUE", EncodingFunctions::hexdec);
    }

    private static Object b64dec(Object value) {
        try {
            return Bytes.of(Base64.getDecoder().decode(Args.text(value).trim()));
        } catch (IllegalArgumentException e) {
            throw new FunctionFailure("b64dec", "input is not valid base64");
        }
    }

    private static Object hexdec(Object value) {
        try {
            return Bytes.of(HexFormat.of().parseHex(Args.text(value)));
        } catch (IllegalArgumentException e) {
            throw new FunctionFailure("hexdec", "input is not valid hex");
        }
    }

    private static Object b32dec(Object value) {
        String text = Args.text(value).trim().toUpperCase(Locale.ROOT);
        if (!text.matches("[A-Z2-7]*=*") || text.length() % 8 != 0) {
            throw new FunctionFailure("b32dec", "input is not valid base32");
        }
        try {
            return Bytes.of(Base32.decode(text));
        } catch (RuntimeException e) {
            throw new FunctionFailure("b32dec", "input is not valid base32");
        }
    }
}

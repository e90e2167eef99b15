package io.sluice.template.functions;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PEM blocks read and written as Go's encoding/pem does, which ESO's functions use: a block starts with
 * {@code -----BEGIN TYPE-----} at the start of the input or of a line; text before such a line is skipped, and a
 * block that does not decode is passed over. Written blocks have 64-character lines and their headers.
 */
final class Pem {
    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    /** One block; {@code headers} are RFC 1421 headers such as Proc-Type. */
    record Block(String type, Map<String, String> headers, byte[] der) {
        Block(String type, byte[] der) {
            this(type, Map.of(), der);
        }
    }

    /** A decoded block and the input after it; {@code block} is null when none was found (rest is the input). */
    record Decoded(Block block, String rest) {}

    private Pem() {}

    /** Every block Go's pem.Decode finds when called until it returns nil. */
    static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        for (Decoded d = decode(text); d.block() != null; d = decode(d.rest())) {
            blocks.add(d.block());
        }
        return blocks;
    }

    /** Go's pem.Decode. */
    static Decoded decode(String data) {
        String rest = data;
        while (true) {
            if (rest.startsWith(BEGIN)) {
                rest = rest.substring(BEGIN.length());
            } else {
                int at = rest.indexOf("\n" + BEGIN);
                if (at < 0) {
                    return new Decoded(null, data);
                }
                rest = rest.substring(at + 1 + BEGIN.length());
            }
            String[] typeLine = line(rest);
            rest = typeLine[1];
            if (!typeLine[0].endsWith(DASHES)) {
                continue;
            }
            String type = typeLine[0].substring(0, typeLine[0].length() - DASHES.length());
            Map<String, String> headers = new TreeMap<>();
            boolean truncated = false;
            while (true) {
                if (rest.isEmpty()) {
                    truncated = true;
                    break;
                }
                String[] next = line(rest);
                int colon = next[0].indexOf(':');
                if (colon < 0) {
                    break;
                }
                headers.put(
                        next[0].substring(0, colon).strip(),
                        next[0].substring(colon + 1).strip());
                rest = next[1];
            }
            if (truncated) {
                return new Decoded(null, data);
            }
            int endIndex;
            int trailerIndex;
            if (headers.isEmpty() && rest.startsWith(END)) {
                endIndex = 0;
                trailerIndex = END.length();
            } else {
                endIndex = rest.indexOf("\n" + END);
                trailerIndex = endIndex + 1 + END.length();
            }
            if (endIndex < 0) {
                continue;
            }
            String trailer = rest.substring(trailerIndex);
            int trailerLength = type.length() + DASHES.length();
            if (trailer.length() < trailerLength
                    || !trailer.startsWith(type)
                    || !trailer.substring(0, trailerLength).endsWith(DASHES)
                    || !line(trailer.substring(trailerLength))[0].isEmpty()) {
                continue;
            }
            byte[] der = base64(rest.substring(0, endIndex));
            if (der == null) {
                continue;
            }
            return new Decoded(new Block(type, headers, der), line(rest.substring(endIndex + END.length()))[1]);
        }
    }

    /** Go's pem.Encode. */
    static String encode(Block block) {
        StringBuilder out = new StringBuilder(BEGIN).append(block.type()).append("-----\n");
        if (!block.headers().isEmpty()) {
            String procType = block.headers().get("Proc-Type");
            if (procType != null) {
                out.append("Proc-Type: ").append(procType).append('\n');
            }
            block.headers().forEach((k, v) -> {
                if (!k.equals("Proc-Type")) {
                    out.append(k).append(": ").append(v).append('\n');
                }
            });
            out.append('\n');
        }
        String body = Base64.getEncoder().encodeToString(block.der());
        for (int i = 0; i < body.length(); i += 64) {
            out.append(body, i, Math.min(body.length(), i + 64)).append('\n');
        }
        return out.append(END).append(block.type()).append("-----\n").toString();
    }

    static String encode(String type, byte[] der) {
        return encode(new Block(type, der));
    }

    /** Go's getLine: the first line without trailing spaces and tabs (and \r), and the rest after its newline. */
    private static String[] line(String data) {
        int newline = data.indexOf('\n');
        int end = newline < 0 ? data.length() : newline;
        String rest = newline < 0 ? "" : data.substring(newline + 1);
        if (newline > 0 && data.charAt(newline - 1) == '\r') {
            end--;
        }
        String line = data.substring(0, end);
        int trimmed = line.length();
        while (trimmed > 0 && (line.charAt(trimmed - 1) == ' ' || line.charAt(trimmed - 1) == '\t')) {
            trimmed--;
        }
        return new String[] {line.substring(0, trimmed), rest};
    }

    /** Go's base64.StdEncoding after pem removes spaces and tabs: newlines are skipped, padding is required. */
    private static byte[] base64(String body) {
        StringBuilder clean = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                clean.append(c);
            }
        }
        if (clean.length() % 4 != 0) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(clean.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

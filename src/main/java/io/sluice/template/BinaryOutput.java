package io.sluice.template;

import io.sluice.template.functions.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets a template write binary values (a decoded keystore) into the Secret byte for byte. Qute
 * renders to a String, so a {@link Bytes} result is written as a placeholder unique to the render,
 * and {@link #render} splices the bytes back in. Rendering is synchronous (every resolver completes
 * at once), so the placeholders are kept per thread.
 */
final class BinaryOutput {
    private static final ThreadLocal<Session> CURRENT = new ThreadLocal<>();

    private record Session(String nonce, List<byte[]> chunks) {}

    private BinaryOutput() {}

    /** Runs {@code render} and returns its output as bytes, with binary values in place. */
    static byte[] render(Supplier<String> render) {
        Session session = new Session(UUID.randomUUID().toString(), new ArrayList<>());
        Session outer = CURRENT.get();
        CURRENT.set(session);
        try {
            String text = render.get();
            return session.chunks().isEmpty() ? text.getBytes(StandardCharsets.UTF_8) : splice(text, session);
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** Called by the result mapper for a {@link Bytes} value. */
    static String placeholder(Bytes value) {
        Session session = CURRENT.get();
        if (session == null) {
            throw new IllegalStateException("binary template output outside a render");
        }
        session.chunks().add(value.content());
        return "\u0000" + session.nonce() + ":" + (session.chunks().size() - 1) + "\u0000";
    }

    private static byte[] splice(String text, Session session) {
        Pattern placeholder = Pattern.compile("\u0000" + Pattern.quote(session.nonce()) + ":(\\d+)\u0000");
        Matcher m = placeholder.matcher(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int last = 0;
        while (m.find()) {
            out.writeBytes(text.substring(last, m.start()).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(session.chunks().get(Integer.parseInt(m.group(1))));
            last = m.end();
        }
        out.writeBytes(text.substring(last).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}

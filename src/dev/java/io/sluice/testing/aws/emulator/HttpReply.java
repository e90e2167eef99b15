package io.sluice.testing.aws.emulator;

import java.nio.charset.StandardCharsets;

/** What the emulator sends back: status, content type and body. */
public record HttpReply(int status, String contentType, byte[] body) {

    static HttpReply of(int status, String contentType, String body) {
        return new HttpReply(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}

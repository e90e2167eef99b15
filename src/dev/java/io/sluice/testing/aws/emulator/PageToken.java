package io.sluice.testing.aws.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Offset-based paging with an opaque NextToken, good enough for lists that do not change between pages. */
final class PageToken {

    private static final String PREFIX = "offset:";

    private PageToken() {}

    record Page<T>(List<T> items, String nextToken) {}

    static <T> Page<T> page(List<T> all, int maxResults, String token) {
        int from = token == null ? 0 : decode(token);
        if (from > all.size()) {
            throw invalid();
        }
        int to = Math.min(all.size(), from + maxResults);
        return new Page<>(all.subList(from, to), to < all.size() ? encode(to) : null);
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                throw invalid();
            }
            return Integer.parseInt(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static AwsError invalid() {
        return AwsError.badRequest("InvalidNextTokenException", "The NextToken value is invalid.");
    }
}

package io.trestle.login;

import java.security.SecureRandom;
import java.util.Base64;

/** New session ids: 32 bytes from one shared {@link SecureRandom}, base64url without padding. */
final class SessionIds {
    static final int BYTES = 32;
    static final int LENGTH = 43; // ceil(32 * 4 / 3) without padding

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SessionIds() {
    }

    static String next() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** Whether {@code id} could be one of ours; anything else is refused before a store lookup. */
    static boolean isWellFormed(String id) {
        if (id == null || id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = id.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}

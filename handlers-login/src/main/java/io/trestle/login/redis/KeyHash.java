package io.trestle.login.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a key, in hex. Redis never sees a session id in the clear (whoever reads the keys
 * cannot take over a session), nor a user name as typed (people type passwords into the name
 * field); every key also has the same short length, however long the text.
 */
final class KeyHash {
    private static final HexFormat HEX = HexFormat.of();

    private KeyHash() {
    }

    static String sha256(String text) {
        return hex("SHA-256", text);
    }

    /** The SHA-1 Redis names a Lua script by (for {@code EVALSHA}); not a security use. */
    static String scriptSha1(String script) {
        return hex("SHA-1", script);
    }

    private static String hex(String algorithm, String text) {
        try {
            // A new digest per call: MessageDigest is not thread-safe, and one is cheap to make.
            return HEX.formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }
}

package io.trestle.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashTest {

    @Test
    void theRightPasswordMatchesAndOthersDoNot() {
        PasswordHash h = PasswordHash.create("correct horse".toCharArray(), 1000);
        assertTrue(h.matches("correct horse".toCharArray()));
        assertFalse(h.matches("correct hors".toCharArray()));
        assertFalse(h.matches("Correct horse".toCharArray()));
        assertFalse(h.matches("".toCharArray()));
    }

    @Test
    void theEncodedFormRoundTrips() {
        PasswordHash h = PasswordHash.create("pw".toCharArray(), 1234);
        String encoded = h.encoded();
        assertTrue(encoded.startsWith("pbkdf2-sha256$1234$"), encoded);
        assertFalse(encoded.contains("="), "no padding, so the line stays one key=value: " + encoded);
        PasswordHash back = PasswordHash.parse(encoded);
        assertEquals(h, back);
        assertTrue(back.matches("pw".toCharArray()));
    }

    @Test
    void eachHashHasItsOwnSalt() {
        PasswordHash a = PasswordHash.create("same".toCharArray(), 1000);
        PasswordHash b = PasswordHash.create("same".toCharArray(), 1000);
        assertNotEquals(a.encoded(), b.encoded());
        assertEquals(PasswordHash.SALT_BYTES, a.salt().length);
    }

    @Test
    void matchesAKnownPbkdf2Vector() {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256("passwd", "salt", 1, 64); its first 32 bytes.
        byte[] expected = java.util.HexFormat.of().parseHex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
        byte[] salt = "salt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(java.util.HexFormat.of().formatHex(expected),
                java.util.HexFormat.of().formatHex(PasswordHash.derive("passwd".toCharArray(), salt, 1)));
    }

    @Test
    void theRecommendedCountWorksEndToEnd() {
        PasswordHash h = PasswordHash.create("123456".toCharArray(), PasswordHash.RECOMMENDED_ITERATIONS);
        assertEquals(600_000, h.iterations());
        assertTrue(h.matches("123456".toCharArray()));
    }

    @Test
    void toStringShowsNeitherSaltNorHash() {
        PasswordHash h = PasswordHash.create("pw".toCharArray(), 1000);
        String s = h.toString();
        assertFalse(s.contains(h.encoded().split("\\$")[2]), s);
        assertFalse(s.contains(h.encoded().split("\\$")[3]), s);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "pbkdf2-sha256",
        "pbkdf2-sha256$1000$c2FsdHNhbHQ",
        "pbkdf2-sha256$1000$c2FsdHNhbHQ$aGFzaA$extra",
        "bcrypt$1000$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "pbkdf2-sha256$many$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "pbkdf2-sha256$0$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "pbkdf2-sha256$-5$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "pbkdf2-sha256$999999999$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "pbkdf2-sha256$1000$not*base64$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "pbkdf2-sha256$1000$c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "pbkdf2-sha256$1000$c2FsdHNhbHQ$aGFzaA",
        "pbkdf2-sha256$1000$c2FsdHNhbHQ$",
    })
    void malformedHashesAreRefused(String encoded) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse(encoded));
        assertFalse(e.getMessage().isBlank());
    }
}

package io.trestle.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8Test {

    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "41", "7f", "c280", "dfbf", "e0a080", "e282ac", "ed9fbf", "ee8080", "efbfbf",
        "f0908080", "f09f9880", "f48fbfbf", "636166c3a9"})
    void acceptsWellFormed(String h) {
        byte[] b = hex(h);
        assertTrue(Utf8.isValid(b, 0, b.length));
        assertEquals(new String(b, StandardCharsets.UTF_8), Utf8.decodeOrNull(b, 0, b.length));
    }

    @ParameterizedTest
    @ValueSource(strings = {"80", "bf", "c0af", "c180", "c2", "c241", "e080af", "e09f80", "eda080", "edbfbf", "e282",
        "f08f8080", "f4908080", "f5808080", "f8", "fe", "ff", "e2c082", "f09f98"})
    void refusesMalformed(String h) {
        byte[] b = hex(h);
        assertFalse(Utf8.isValid(b, 0, b.length));
        assertNull(Utf8.decodeOrNull(b, 0, b.length));
    }

    @Test
    void honoursTheRange() {
        byte[] b = hex("41c3a942");
        assertTrue(Utf8.isValid(b, 1, 3));
        assertFalse(Utf8.isValid(b, 1, 2)); // cut in the middle of é
        assertEquals("é", Utf8.decodeOrNull(b, 1, 3));
    }

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        Random random = new Random(1234);
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[1 + random.nextInt(6)];
            for (int i = 0; i < b.length; i++) {
                // mostly high bytes, where the interesting cases are
                b[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(128) : 0x80 + random.nextInt(128));
            }
            boolean jdk;
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
                jdk = true;
            } catch (CharacterCodingException e) {
                jdk = false;
            }
            assertEquals(jdk, Utf8.isValid(b, 0, b.length), HexFormat.of().formatHex(b));
        }
    }
}

package io.trestle.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.trestle.HttpException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PercentDecoderTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "abc|abc|true",
        "a+b|a b|true",
        "a+b|a+b|false",
        "%41%62%63|Abc|true",
        "%e2%82%ac|€|true",
        "%E2%82%AC|€|false",
        "100%25|100%|true",
        "%2B+x|+ x|true",
        "é%C3%A9|éé|true",
        "😀%F0%9F%98%80|😀😀|true",
    })
    void decodesStrings(String in, String out, boolean plus) {
        assertEquals(out, PercentDecoder.decode(in, 0, in.length(), plus, "test"));
        byte[] bytes = in.getBytes(StandardCharsets.UTF_8);
        assertEquals(out, PercentDecoder.decode(bytes, 0, bytes.length, plus, StandardCharsets.UTF_8, "test"));
    }

    @Test
    void decodesASubrange() {
        assertEquals("b c", PercentDecoder.decode("xx=b+c&", 3, 6, true, "test"));
        byte[] b = "xx=b%20c&".getBytes(StandardCharsets.US_ASCII);
        assertEquals("b c", PercentDecoder.decode(b, 3, 8, true, StandardCharsets.UTF_8, "test"));
    }

    @Test
    void plainTextIsNotCopied() {
        String s = "nothing-to-decode";
        assertSame(s, PercentDecoder.decode(s, 0, s.length(), true, "test"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "%4", "a%4", "%G1", "%1G", "%%", "%-1", "% 1", "%C3", "%C3%", "%FF", "%C0%80", "%ED%B0%80"})
    void refusesMalformed(String in) {
        HttpException e = assertThrows(HttpException.class, () -> PercentDecoder.decode(in, 0, in.length(), false, "test"));
        assertEquals(400, e.status());
        byte[] b = in.getBytes(StandardCharsets.US_ASCII);
        assertEquals(400, assertThrows(HttpException.class,
                () -> PercentDecoder.decode(b, 0, b.length, false, StandardCharsets.UTF_8, "test")).status());
    }

    @Test
    void anEscapeCutByTheRangeIsMalformed() {
        assertThrows(HttpException.class, () -> PercentDecoder.decode("a%41", 0, 3, false, "test"));
    }

    @Test
    void hexValues() {
        assertEquals(0, PercentDecoder.hexValue('0'));
        assertEquals(15, PercentDecoder.hexValue('f'));
        assertEquals(10, PercentDecoder.hexValue('A'));
        assertEquals(-1, PercentDecoder.hexValue('g'));
        assertEquals(-1, PercentDecoder.hexValue('/'));
        assertEquals(-1, PercentDecoder.hexValue(':'));
    }
}

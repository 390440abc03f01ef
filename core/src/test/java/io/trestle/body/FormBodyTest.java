package io.trestle.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.trestle.HttpException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormBodyTest {

    private static Map<String, List<String>> parse(String body, long max) throws IOException {
        return FormBody.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8, max);
    }

    @Test
    void parsesLikeAQuery() throws IOException {
        Map<String, List<String>> form = parse("user=ann+lee&pass=p%26ss&tag=a&tag=b&remember", 1000);
        assertEquals(Map.of("user", List.of("ann lee"), "pass", List.of("p&ss"), "tag", List.of("a", "b"),
                "remember", List.of("")), form);
        assertEquals(List.of("user", "pass", "tag", "remember"), List.copyOf(form.keySet()));
    }

    @Test
    void emptyBodyIsNoFields() throws IOException {
        assertEquals(Map.of(), parse("", 10));
    }

    @Test
    void rawUtf8BytesAndEscapesMix() throws IOException {
        assertEquals(Map.of("name", List.of("Zoë Ünal")), parse("name=Zo%C3%AB+Ünal", 100));
    }

    @Test
    void honoursOtherAsciiCompatibleCharsets() throws IOException {
        Charset latin1 = StandardCharsets.ISO_8859_1;
        byte[] body = "city=M%FCnchen&street=Stra\u00dfe".getBytes(latin1);
        assertEquals(Map.of("city", List.of("München"), "street", List.of("Straße")),
                FormBody.parse(new ByteArrayInputStream(body), latin1, 100));
        Charset win1252 = Charset.forName("windows-1252");
        assertEquals(Map.of("p", List.of("€")),
                FormBody.parse(new ByteArrayInputStream("p=%80".getBytes(win1252)), win1252, 100));
    }

    @Test
    void refusesUtf16() {
        HttpException e = assertThrows(HttpException.class, () -> FormBody.parse(
                new ByteArrayInputStream("a=1".getBytes(StandardCharsets.UTF_16)), StandardCharsets.UTF_16, 100));
        assertEquals(415, e.status());
    }

    @Test
    void exactlyMaxBytesIsFineOneMoreIs413() throws IOException {
        assertEquals(Map.of("a", List.of("12345")), parse("a=12345", 7));
        HttpException e = assertThrows(HttpException.class, () -> parse("a=123456", 7));
        assertEquals(413, e.status());
        assertEquals(413, assertThrows(HttpException.class, () -> parse("a", 0)).status());
    }

    @Test
    void largeBodiesGrowTheBufferAndStillHitTheLimit() throws IOException {
        String big = "v=" + "x".repeat(100_000);
        assertEquals(100_000, parse(big, 200_000).get("v").get(0).length());
        assertEquals(413, assertThrows(HttpException.class, () -> parse(big, 50_000)).status());
    }

    @Test
    void readsABodyThatArrivesOneByteAtATime() throws IOException {
        InputStream slow = new OneByteInputStream("a=1&b=%C3%A9".getBytes(StandardCharsets.UTF_8));
        assertEquals(Map.of("a", List.of("1"), "b", List.of("é")), FormBody.parse(slow, StandardCharsets.UTF_8, 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%", "a=%4", "a=%GG", "a=%C3", "%FF=1", "a=%E2%82"})
    void refusesMalformedEscapes(String body) {
        assertEquals(400, assertThrows(HttpException.class, () -> parse(body, 1000)).status());
    }

    @Test
    void refusesRawBytesInvalidInTheCharset() {
        byte[] body = {'a', '=', (byte) 0xC3, '('};
        HttpException e = assertThrows(HttpException.class,
                () -> FormBody.parse(new ByteArrayInputStream(body), StandardCharsets.UTF_8, 100));
        assertEquals(400, e.status());
        assertEquals("invalid UTF-8 in form field value", e.getMessage());
    }

    @Test
    void capsTheNumberOfFields() {
        String many = "a=1&".repeat(1001);
        HttpException e = assertThrows(HttpException.class, () -> parse(many, 1_000_000));
        assertEquals(400, e.status());
        assertEquals("too many form parameters (more than 1000)", e.getMessage());
    }
}

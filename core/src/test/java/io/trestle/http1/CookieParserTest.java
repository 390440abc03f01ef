package io.trestle.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CookieParserTest {

    static Stream<Arguments> headers() {
        return Stream.of(
                Arguments.of("a=1", Map.of("a", "1")),
                Arguments.of("a=1; b=2", Map.of("a", "1", "b", "2")),
                Arguments.of("a=1;b=2", Map.of("a", "1", "b", "2")),
                Arguments.of("  a = 1 ;\tb=2  ", Map.of("a", "1", "b", "2")),
                Arguments.of("a=", Map.of("a", "")),
                Arguments.of("a=\"\"", Map.of("a", "")),
                Arguments.of("a=\"quoted value\"", Map.of("a", "quoted value")),
                Arguments.of("a=x=y==", Map.of("a", "x=y==")),
                Arguments.of("a=1; a=2", Map.of("a", "1")),
                Arguments.of("a=%C3%A9", Map.of("a", "%C3%A9")),
                Arguments.of("a=b c", Map.of("a", "b c")),
                Arguments.of("$Version=1; a=1", Map.of("$Version", "1", "a", "1")),
                Arguments.of("", Map.of()),
                Arguments.of(";;;", Map.of()),
                // malformed pairs are skipped, the rest kept
                Arguments.of("novalue; a=1", Map.of("a", "1")),
                Arguments.of("=1; a=1", Map.of("a", "1")),
                Arguments.of("a b=1; c=2", Map.of("c", "2")),
                Arguments.of("a(b)=1; c=2", Map.of("c", "2")),
                Arguments.of("a=\"open; c=2", Map.of("c", "2")),
                Arguments.of("a=\"; c=2", Map.of("c", "2")),
                Arguments.of("a=in\"side; c=2", Map.of("c", "2")),
                Arguments.of("a=x\u0001y; c=2", Map.of("c", "2")),
                Arguments.of("a=x\u007fy; c=2", Map.of("c", "2")),
                Arguments.of("é=1; c=2", Map.of("c", "2")));
    }

    @ParameterizedTest
    @MethodSource("headers")
    void parses(String header, Map<String, String> expected) {
        assertEquals(expected, CookieParser.parse(List.of(header)));
    }

    @Test
    void readsEveryCookieHeaderInOrderFirstWins() {
        Map<String, String> cookies = CookieParser.parse(List.of("z=1; s=first", "s=second; a=2"));
        assertEquals(Map.of("z", "1", "s", "first", "a", "2"), cookies);
        assertEquals(List.of("z", "s", "a"), List.copyOf(cookies.keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=1", ""})
    void resultIsUnmodifiable(String header) {
        Map<String, String> cookies = CookieParser.parse(List.of(header));
        assertThrows(UnsupportedOperationException.class, () -> cookies.put("x", "y"));
    }

    @Test
    void noHeadersNoCookies() {
        assertEquals(Map.of(), CookieParser.parse(List.of()));
    }
}

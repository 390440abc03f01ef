package io.trestle.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.HttpException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryStringTest {

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of(null, Map.of()),
                Arguments.of("", Map.of()),
                Arguments.of("&&&", Map.of()),
                Arguments.of("a=1", Map.of("a", List.of("1"))),
                Arguments.of("a=1&b=2", Map.of("a", List.of("1"), "b", List.of("2"))),
                Arguments.of("a=1&a=2&a=3", Map.of("a", List.of("1", "2", "3"))),
                Arguments.of("flag", Map.of("flag", List.of(""))),
                Arguments.of("flag&x=", Map.of("flag", List.of(""), "x", List.of(""))),
                Arguments.of("=v", Map.of("", List.of("v"))),
                Arguments.of("a=1&&b=2&", Map.of("a", List.of("1"), "b", List.of("2"))),
                Arguments.of("q=a+b", Map.of("q", List.of("a b"))),
                Arguments.of("q=a%2Bb", Map.of("q", List.of("a+b"))),
                Arguments.of("q=caf%C3%A9", Map.of("q", List.of("café"))),
                Arguments.of("caf%C3%A9=1", Map.of("café", List.of("1"))),
                Arguments.of("e=a=b=c", Map.of("e", List.of("a=b=c"))),
                Arguments.of("x=%26%3D", Map.of("x", List.of("&="))),
                Arguments.of("x=%0A", Map.of("x", List.of("\n"))),
                Arguments.of("x=%F0%9F%98%80", Map.of("x", List.of("😀"))),
                Arguments.of("x=é", Map.of("x", List.of("é"))),
                Arguments.of("x=é%20ü", Map.of("x", List.of("é ü"))),
                Arguments.of("a;b=c", Map.of("a;b", List.of("c"))));
    }

    @ParameterizedTest
    @MethodSource("queries")
    void parses(String raw, Map<String, List<String>> expected) {
        assertEquals(expected, QueryString.parse(raw));
    }

    @Test
    void keepsInsertionOrder() {
        Map<String, List<String>> q = QueryString.parse("z=1&a=2&m=3&a=4");
        assertEquals(List.of("z", "a", "m"), List.copyOf(q.keySet()));
        assertEquals(List.of("2", "4"), q.get("a"));
    }

    @Test
    void resultAndItsListsAreUnmodifiable() {
        Map<String, List<String>> q = QueryString.parse("a=1&b=2&b=3");
        assertThrows(UnsupportedOperationException.class, () -> q.put("c", List.of()));
        assertThrows(UnsupportedOperationException.class, () -> q.get("a").add("x"));
        assertThrows(UnsupportedOperationException.class, () -> q.get("b").add("x"));
        assertThrows(UnsupportedOperationException.class, () -> QueryString.parse("").put("c", List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%", "a=%2", "a=%zz", "%=1", "a=%C3", "a=%C3%28", "a=%FF", "a=%C0%80", "a=%ED%A0%80",
        "a=1&b=%G0", "a=%41\uD800"})
    void refusesMalformedInput(String raw) {
        HttpException e = assertThrows(HttpException.class, () -> QueryString.parse(raw));
        assertEquals(400, e.status());
    }

    @Test
    void capsTheNumberOfParameters() {
        StringBuilder ok = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            ok.append("p").append(i).append("=1&");
        }
        assertEquals(1000, QueryString.parse(ok.toString()).size());
        HttpException e = assertThrows(HttpException.class, () -> QueryString.parse(ok + "one=more"));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("too many query parameters"), e.getMessage());
        assertEquals(400, assertThrows(HttpException.class, () -> QueryString.parse("a&b&c", 2)).status());
        assertEquals(2, QueryString.parse("a&b", 2).size());
    }
}

package io.trestle.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderParamsTest {

    static Stream<Arguments> headers() {
        return Stream.of(
                Arguments.of("text/plain", "text/plain", Map.of()),
                Arguments.of(" Text/HTML ; Charset=UTF-8", "text/html", Map.of("charset", "UTF-8")),
                Arguments.of("form-data; name=\"a b\"; filename=\"x.txt\"", "form-data", Map.of("name", "a b", "filename", "x.txt")),
                Arguments.of("form-data;name=a;;", "form-data", Map.of("name", "a")),
                Arguments.of("a; k = v ; k2 = \"w\" ", "a", Map.of("k", "v", "k2", "w")),
                Arguments.of("a; k=\"semi;colon, comma\"", "a", Map.of("k", "semi;colon, comma")),
                Arguments.of("a; k=\"q\\\"uote\"", "a", Map.of("k", "q\"uote")),
                Arguments.of("a; k=\"back\\\\slash\"", "a", Map.of("k", "back\\slash")),
                Arguments.of("a; k=\"C:\\dir\\f\"", "a", Map.of("k", "C:\\dir\\f")),
                Arguments.of("a; k=", "a", Map.of("k", "")),
                Arguments.of("a; boundary=x/y:z", "a", Map.of("boundary", "x/y:z")),
                Arguments.of("a; k*=UTF-8''%C3%A9", "a", Map.of("k*", "UTF-8''%C3%A9")),
                Arguments.of("", "", Map.of()));
    }

    @ParameterizedTest
    @MethodSource("headers")
    void parses(String header, String value, Map<String, String> params) {
        HeaderParams p = HeaderParams.parse(header);
        assertEquals(value, p.value());
        assertEquals(params, p.params());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a; k", "a; =v", "a; k=\"open", "a; k=v; K=w", "a; k=\"x\"junk", "a; k=a\"b", "a; k=\"\u0001\"",
        "a; k=x\u0000", "a; (k)=v"})
    void refusesMalformed(String header) {
        assertNull(HeaderParams.parse(header));
    }

    @Test
    void getIsByLowerCaseName() {
        HeaderParams p = HeaderParams.parse("form-data; NAME=field");
        assertEquals("field", p.get("name"));
        assertNull(p.get("NAME"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "UTF-8''na%C3%AFve.txt|naïve.txt",
        "utf-8'en'%E2%82%AC%20rates|€ rates",
        "ISO-8859-1''caf%E9|café",
        "UTF-8''plain|plain",
        "UTF-8''bad%C3|NULL",
        "UTF-8''bad%G1|NULL",
        "UTF-8''sp ace|NULL",
        "KOI8-R''x|NULL",
        "no-quotes|NULL",
        "UTF-8'only-one|NULL",
    })
    void extendedValues(String value, String expected) {
        assertEquals(expected, ContentDisposition.extendedValue(value));
    }
}

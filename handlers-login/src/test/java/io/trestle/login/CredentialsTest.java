package io.trestle.login;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsTest {

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("", "empty"),
                Arguments.of("  \r\n\t", "empty"),
                Arguments.of("{", "not valid JSON"),
                Arguments.of("{\"username\": \"eiger\", \"password\": \"123456\"", "not valid JSON"),
                Arguments.of("{'username': 'eiger', 'password': '123456'}", "not valid JSON"),
                Arguments.of("username=eiger&password=123456", "not valid JSON"),
                Arguments.of("{\"username\":\"eiger\",\"password\":\"123456\"} trailing", "not valid JSON"),
                Arguments.of("{\"username\":\"eiger\",\"password\":\"123456\"}{}", "not valid JSON"),
                Arguments.of("{\"username\":\"eiger\",\"username\":\"x\",\"password\":\"123456\"}", "not valid JSON"),
                Arguments.of("[]", "expected a JSON object"),
                Arguments.of("[{\"username\":\"eiger\",\"password\":\"123456\"}]", "expected a JSON object"),
                Arguments.of("\"eiger\"", "expected a JSON object"),
                Arguments.of("42", "expected a JSON object"),
                Arguments.of("true", "expected a JSON object"),
                Arguments.of("null", "expected a JSON object"),
                Arguments.of("{}", "username is missing"),
                Arguments.of("{\"password\":\"123456\"}", "username is missing"),
                Arguments.of("{\"username\":\"eiger\"}", "password is missing"),
                Arguments.of("{\"username\":42,\"password\":\"123456\"}", "username must be a string"),
                Arguments.of("{\"username\":\"eiger\",\"password\":123456}", "password must be a string"),
                Arguments.of("{\"username\":null,\"password\":\"123456\"}", "username must be a string"),
                Arguments.of("{\"username\":\"eiger\",\"password\":null}", "password must be a string"),
                Arguments.of("{\"username\":[\"eiger\"],\"password\":\"123456\"}", "username must be a string"),
                Arguments.of("{\"username\":{\"n\":\"eiger\"},\"password\":\"123456\"}", "username must be a string"),
                Arguments.of("{\"username\":true,\"password\":\"123456\"}", "username must be a string"),
                Arguments.of("{\"username\":\"\",\"password\":\"123456\"}", "username is empty"),
                Arguments.of("{\"username\":\"eiger\",\"password\":\"\"}", "password is empty"),
                Arguments.of("{\"username\":\"" + "x".repeat(257) + "\",\"password\":\"p\"}", "longer than 256"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodiesGetAShortReason(String body, String reason) {
        Credentials.BadRequest e = assertThrows(Credentials.BadRequest.class,
                () -> Credentials.parse(body.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().length() < 100, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"password\": \"hunter2\", \"username\": 5}",
        "{\"username\": \"eiger\", \"password\": \"hunter2\" trailing",
        "{\"username\": \"eiger\", \"password\": \"hunter2\\x\"}",
    })
    void errorMessagesNeverQuoteTheBody(String body) {
        Credentials.BadRequest e = assertThrows(Credentials.BadRequest.class,
                () -> Credentials.parse(body.getBytes(StandardCharsets.UTF_8)));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void readsBothFieldsAndIgnoresOthers() throws Exception {
        Credentials c = Credentials.parse("{\"username\":\"eiger\",\"password\":\"12 3\\u00e9\",\"remember\":true}"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("eiger", c.username());
        assertArrayEquals("12 3é".toCharArray(), c.password());
        c.clear();
        assertArrayEquals(new char[5], c.password());
    }

    @Test
    void invalidUtf8IsABadRequest() {
        byte[] body = {'{', '"', 'u', '"', ':', '"', (byte) 0xC3, '"', '}'};
        assertThrows(Credentials.BadRequest.class, () -> Credentials.parse(body));
    }

    @Test
    void deepNestingIsABadRequestNotACrash() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThrows(Credentials.BadRequest.class, () -> Credentials.parse(deep.getBytes(StandardCharsets.UTF_8)));
    }
}

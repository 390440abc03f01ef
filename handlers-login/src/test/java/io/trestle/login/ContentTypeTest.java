package io.trestle.login;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentTypeTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "Application/JSON", "application/json; charset=utf-8",
        "application/json;charset=UTF-8", "application/json; charset=\"utf-8\"", " application/json ",
        "application/json; foo=bar; charset=utf8"})
    void jsonInUtf8IsAccepted(String type) {
        assertTrue(LoginHandler.isJson(type), type);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/jsonx", "application/json-patch+json", "text/json", "application/json; charset=iso-8859-1",
        "application/json; charset=utf-16"})
    void anythingElseIsNot(String type) {
        assertFalse(LoginHandler.isJson(type), type);
    }
}

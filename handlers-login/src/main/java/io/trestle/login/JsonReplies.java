package io.trestle.login;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trestle.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the login API's JSON answers. Bodies are serialized here rather than with
 * {@code res.json} so the field order and the {@code {"message", "code"}} shape are fixed
 * whatever the core's JSON settings. Every answer says {@code Cache-Control: no-store}: they
 * carry who is signed in.
 */
final class JsonReplies {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReplies() {
    }

    static void send(Response res, int status, Map<String, ?> body) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a reply of strings and numbers", e);
        }
        noStore(res);
        res.status(status).contentType("application/json").send(bytes);
    }

    /** {@code {"message": message, "code": code}} with {@code status}. */
    static void error(Response res, int status, String message, int code) {
        send(res, status, body(message, code));
    }

    /** A modifiable, ordered {@code message}/{@code code} body to add fields to. */
    static Map<String, Object> body(String message, int code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("code", code);
        return body;
    }

    static void noStore(Response res) {
        res.header("Cache-Control", "no-store");
    }
}

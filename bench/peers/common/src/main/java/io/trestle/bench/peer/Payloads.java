package io.trestle.bench.peer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/**
 * The bodies of {@code /plaintext} and {@code /json}. The JSON body is serialized on every
 * request, with the same library (Jackson) that Trestle's {@code res.json} uses, as the
 * TechEmpower rules ask.
 */
public final class Payloads {
    public static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    public static final String TEXT_PLAIN = "text/plain";
    public static final String APPLICATION_JSON = "application/json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The JSON body's shape: {@code {"message":"Hello, World!"}}. */
    public record Message(String message) {
    }

    private Payloads() {
    }

    /** Serializes a fresh message object. */
    public static byte[] json() {
        try {
            return MAPPER.writeValueAsBytes(new Message("Hello, World!"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.trestle.login;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.Arrays;

/**
 * The user name and password of a sign-in request, read strictly from its JSON body
 * {@code {"username": "...", "password": "..."}}: both fields must be non-empty strings; other
 * fields are ignored, duplicate fields and trailing content refused.
 *
 * <pre>{@code
 * Credentials c = Credentials.parse(req.bodyBytes());   // BadRequest with a short message
 * try { users.verify(c.username(), c.password()); } finally { c.clear(); }
 * }</pre>
 */
final class Credentials {
    /** Longer names cannot be in the users file; refusing them keeps throttle keys small. */
    static final int MAX_USERNAME_LENGTH = 256;

    private static final ObjectReader READER = JsonReplies.MAPPER.reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String username;
    private final char[] password;

    private Credentials(String username, char[] password) {
        this.username = username;
        this.password = password;
    }

    /** A body that is not a valid sign-in request; the message is safe to send to the client. */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    static Credentials parse(byte[] body) throws BadRequest {
        if (isBlank(body)) {
            throw new BadRequest("the body is empty; send {\"username\": ..., \"password\": ...}");
        }
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (JacksonException e) {
            // Jackson's message quotes the input, which may hold a password: say less.
            throw new BadRequest("the body is not valid JSON");
        } catch (java.io.IOException e) {
            throw new BadRequest("the body cannot be read as JSON");
        }
        if (root == null || !root.isObject()) {
            throw new BadRequest("expected a JSON object {\"username\": ..., \"password\": ...}");
        }
        String username = text(root, "username");
        String password = text(root, "password");
        if (username.length() > MAX_USERNAME_LENGTH) {
            throw new BadRequest("username is longer than " + MAX_USERNAME_LENGTH + " characters");
        }
        return new Credentials(username, password.toCharArray());
    }

    String username() {
        return username;
    }

    char[] password() {
        return password;
    }

    /** Overwrites the password, so it does not linger in this array. */
    void clear() {
        Arrays.fill(password, '\0');
    }

    private static String text(JsonNode root, String field) throws BadRequest {
        JsonNode node = root.get(field);
        if (node == null) {
            throw new BadRequest(field + " is missing");
        }
        if (!node.isTextual()) {
            throw new BadRequest(field + " must be a string");
        }
        String value = node.textValue();
        if (value.isEmpty()) {
            throw new BadRequest(field + " is empty");
        }
        return value;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}

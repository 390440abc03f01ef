package io.trestle.login.redis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.trestle.login.Session;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A session as Redis keeps it: {@code {"user":"eiger","created":…,"lastAccess":…,"expires":…}},
 * times in epoch milliseconds. The id is not in it: it is the key, hashed. Written and read with
 * Jackson's streaming API, so no reflection runs per request.
 */
final class SessionJson {
    private static final JsonFactory JSON = new JsonFactory();

    private SessionJson() {
    }

    static String write(Session s) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("user", s.username());
            g.writeNumberField("created", s.createdAt().toEpochMilli());
            g.writeNumberField("lastAccess", s.lastAccessAt().toEpochMilli());
            g.writeNumberField("expires", s.expiresAt().toEpochMilli());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string cannot fail", e);
        }
        return out.toString();
    }

    /**
     * The session with {@code id} that {@code json} describes.
     *
     * @throws IllegalArgumentException when {@code json} is not a complete session
     */
    static Session read(String id, String json) {
        String user = null;
        long created = -1;
        long lastAccess = -1;
        long expires = -1;
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a stored session is a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "user" -> user = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "created" -> created = millis(p, value);
                    case "lastAccess" -> lastAccess = millis(p, value);
                    case "expires" -> expires = millis(p, value);
                    default -> p.skipChildren(); // written by a newer version: ignore
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a stored session is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string cannot fail", e);
        }
        if (user == null || user.isEmpty() || created < 0 || lastAccess < 0 || expires < 0) {
            throw new IllegalArgumentException("a stored session lacks its user or times");
        }
        return new Session(id, user, Instant.ofEpochMilli(created), Instant.ofEpochMilli(lastAccess),
                Instant.ofEpochMilli(expires));
    }

    private static long millis(JsonParser p, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
    }
}

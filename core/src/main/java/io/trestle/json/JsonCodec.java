package io.trestle.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.trestle.HttpException;
import io.trestle.Status;
import java.io.IOException;
import java.io.InputStream;

/**
 * The one Jackson mapper of the server: {@code Response.json} and {@code Request.bodyAs} use it.
 * Building a mapper is costly and it caches per type, so there is one, shared.
 */
public final class JsonCodec {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Forgets every type, serializer and deserializer Jackson has cached. Called when a plugin jar
     * is unloaded: those caches hold its classes (and through them its class loader) until
     * dropped. Jackson cannot evict by class loader, so everything goes; the app's own types are
     * introspected again on first use, a one-off cost of a few milliseconds.
     */
    public static void clearCaches() {
        MAPPER.clearCaches();
    }

    /** Serializes {@code value}; a value Jackson can't serialize is a programming error (500). */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot serialize " + value.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * Reads JSON into {@code type}.
     *
     * @throws HttpException 400 for malformed JSON or JSON that does not fit {@code type}
     */
    public static <T> T read(InputStream in, Class<T> type) throws IOException {
        try {
            T value = MAPPER.readValue(in, type);
            if (value == null) {
                throw new HttpException(Status.BAD_REQUEST, "the request body is empty or null, expected JSON");
            }
            return value;
        } catch (JacksonException e) {
            throw new HttpException(Status.BAD_REQUEST, describe(e));
        }
    }

    public static <T> T read(byte[] json, Class<T> type) {
        if (json.length == 0) {
            throw new HttpException(Status.BAD_REQUEST, "the request body is empty, expected JSON");
        }
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new HttpException(Status.BAD_REQUEST, "the request body is null, expected JSON");
            }
            return value;
        } catch (JacksonException e) {
            throw new HttpException(Status.BAD_REQUEST, describe(e));
        } catch (IOException e) {
            throw new HttpException(Status.BAD_REQUEST, "malformed JSON");
        }
    }

    /** A short message for the client: what was wrong and where, without Java class names. */
    private static String describe(JacksonException e) {
        String msg = e.getOriginalMessage();
        if (msg == null) {
            return "malformed JSON";
        }
        int cut = msg.indexOf('\n');
        if (cut > 0) {
            msg = msg.substring(0, cut);
        }
        // Jackson names Java types in its messages; the client needs only the gist.
        if (msg.contains("`")) {
            msg = "JSON does not match the expected shape";
        }
        var loc = e.getLocation();
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        return "malformed JSON" + where + ": " + msg;
    }
}

package io.trestle.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.testing.RawConnection;
import io.trestle.testing.RawResponse;
import io.trestle.testing.TrestleTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A body's text is decoded in the charset its Content-Type names, found like any header parameter. */
class RequestCharsetTest {
    static TrestleTest t;

    @BeforeAll
    static void start() {
        t = TrestleTest.start(r -> r
                .post("/text", (req, res) -> res.text(req.bodyString()))
                .post("/form", (req, res) -> res.text(req.formParam("name"))));
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static RawResponse post(String path, String contentType, byte[] body) throws Exception {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        request.write(body);
        try (RawConnection c = t.connect()) {
            c.send(request.toByteArray());
            return c.readResponse();
        }
    }

    private static final byte[] CAFE_LATIN1 = "café".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void theNamedCharsetDecodesTheBody() throws Exception {
        assertEquals("café", post("/text", "text/plain; charset=ISO-8859-1", CAFE_LATIN1).bodyText());
        assertEquals("café", post("/text", "text/plain;charset=\"iso-8859-1\"", CAFE_LATIN1).bodyText());
        assertEquals("café", post("/text", "text/plain; format=flowed; Charset=latin1", CAFE_LATIN1).bodyText());
    }

    @Test
    void withoutACharsetTheBodyIsUtf8() throws Exception {
        byte[] utf8 = "café".getBytes(StandardCharsets.UTF_8);
        assertEquals("café", post("/text", "text/plain", utf8).bodyText());
        assertEquals("café", post("/text", "text/plain;", utf8).bodyText());
    }

    @Test
    void aParameterThatOnlyEndsInCharsetIsNotTheCharset() throws Exception {
        byte[] utf8 = "café".getBytes(StandardCharsets.UTF_8);
        assertEquals("café", post("/text", "text/plain; xcharset=ISO-8859-1", utf8).bodyText());
        assertEquals("café", post("/text", "text/plain; note=\"charset=ISO-8859-1\"", utf8).bodyText());
    }

    @Test
    void aFormIsDecodedInItsCharset() throws Exception {
        byte[] form = "name=caf%E9".getBytes(StandardCharsets.US_ASCII);
        assertEquals("café", post("/form", "application/x-www-form-urlencoded; charset=ISO-8859-1", form).bodyText());
    }

    @Test
    void anUnknownCharsetIs415() throws Exception {
        RawResponse res = post("/text", "text/plain; charset=no-such-charset", CAFE_LATIN1);
        assertEquals(415, res.status());
        assertTrue(res.bodyText().contains("unknown charset no-such-charset"), res.bodyText());
    }

    @Test
    void aMalformedContentTypeIs400() throws Exception {
        RawResponse res = post("/text", "text/plain; charset", CAFE_LATIN1);
        assertEquals(400, res.status());
        assertTrue(res.bodyText().contains("malformed Content-Type"), res.bodyText());
    }
}

package io.trestle.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Pipelined requests: several heads and bodies in one stream, each head parsed after the
 * previous body, fed whole, split at every byte and one byte per read.
 */
class PipelineParserTest {
    /** Parses every request in the stream, reading (or skipping) each body; describes what it saw. */
    private static String transcript(InputStream stream, int bufferSize, boolean skipBodies) throws IOException {
        ConnectionInput in = new ConnectionInput(stream, bufferSize, null);
        RequestHeadParser parser = new RequestHeadParser(Limits.DEFAULTS); // one per connection, as served
        StringBuilder seen = new StringBuilder();
        RequestHead head;
        while ((head = parser.parse(in)) != null) {
            seen.append(head.method()).append(' ').append(head.target());
            BodyInputStream body = head.isChunked() ? new ChunkedInputStream(in, 1000, Limits.DEFAULTS)
                    : new FixedLengthInputStream(in, Math.max(head.contentLength(), 0));
            if (skipBodies) {
                seen.append(" skipped=").append(body.skipRemaining(1000)).append(' ').append(body.bytesRead());
            } else {
                seen.append(" body=").append(new String(body.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
            if (body instanceof ChunkedInputStream chunked) {
                seen.append(" trailers=").append(chunked.trailers().size());
            }
            seen.append('\n');
        }
        return seen.toString();
    }

    private static void assertEveryWay(String input, String expectedRead, String expectedSkipped) throws IOException {
        byte[] data = input.getBytes(StandardCharsets.ISO_8859_1);
        for (boolean skip : new boolean[] {false, true}) {
            String expected = skip ? expectedSkipped : expectedRead;
            assertEquals(expected, transcript(TrickleInputStream.whole(data), 8192, skip));
            assertEquals(expected, transcript(TrickleInputStream.oneByteReads(data), 8192, skip));
            assertEquals(expected, transcript(TrickleInputStream.oneByteReads(data), Feeds.TINY_BUFFER, skip));
            for (int at = 1; at < data.length; at++) {
                assertEquals(expected, transcript(TrickleInputStream.splitAt(data, at), 8192, skip), "split at " + at);
            }
        }
    }

    @Test
    void twoHeadsWithoutBodies() throws IOException {
        String input = "GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n";
        assertEveryWay(input, "GET /a body=\nGET /b body=\n", "GET /a skipped=true 0\nGET /b skipped=true 0\n");
    }

    @Test
    void headsAfterFixedLengthAndChunkedBodies() throws IOException {
        String input = "POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello world"
                + "PUT /b HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nDigest: x\r\n\r\n"
                + "\r\nGET /c HTTP/1.1\r\nHost: h\r\n\r\n";
        assertEveryWay(input,
                "POST /a body=hello world\nPUT /b body=hello world trailers=1\nGET /c body=\n",
                "POST /a skipped=true 11\nPUT /b skipped=true 11 trailers=1\nGET /c skipped=true 0\n");
    }

    @Test
    void bodyBytesThatLookLikeARequestAreNotParsedAsOne() throws IOException {
        String smuggled = "GET /admin HTTP/1.1\r\nHost: h\r\n\r\n";
        String input = "POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: " + smuggled.length() + "\r\n\r\n" + smuggled;
        assertEveryWay(input, "POST /a body=" + smuggled + "\n", "POST /a skipped=true " + smuggled.length() + "\n");
    }
}

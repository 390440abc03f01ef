package io.trestle.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartByteRangesTest {

    @Test
    void writesExactlyItsLengthInTheRfcLayout() throws IOException {
        byte[] content = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
        MultipartByteRanges body = new MultipartByteRanges(
                List.of(new ByteRange(0, 2), new ByteRange(10, 12)), "text/plain; charset=utf-8", content.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.write(out, (offset, length, o) -> o.write(content, (int) offset, (int) length));
        String b = body.boundary();
        String expected = "--" + b + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Range: bytes 0-2/20\r\n\r\n"
                + "012"
                + "\r\n--" + b + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Range: bytes 10-12/20\r\n\r\n"
                + "abc"
                + "\r\n--" + b + "--\r\n";
        assertEquals(expected, out.toString(StandardCharsets.US_ASCII));
        assertEquals(out.size(), body.length());
        assertEquals("multipart/byteranges; boundary=" + b, body.contentType());
    }

    @Test
    void boundariesDifferPerResponse() {
        List<ByteRange> ranges = List.of(new ByteRange(0, 1), new ByteRange(3, 4));
        assertNotEquals(new MultipartByteRanges(ranges, "a/b", 10).boundary(),
                new MultipartByteRanges(ranges, "a/b", 10).boundary());
    }
}

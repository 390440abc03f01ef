package io.trestle.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.testing.TrestleTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Byte ranges of a cached small file and of an uncached 1 MiB file. */
class RangesTest {
    static final int MIB = 1 << 20;
    static final String TEXT = "0123456789abcdefghijklmnopqrstuvwxyz";

    @TempDir
    static Path web;
    static TrestleTest t;
    static byte[] big;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(web.resolve("abc.txt"), TEXT);
        big = new byte[MIB];
        new Random(11).nextBytes(big);
        Files.write(web.resolve("big.bin"), big);
        t = StaticServer.start(web);
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static HttpResponse<byte[]> get(String path, String... headers) {
        return t.send(StaticServer.request(t, path, headers), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bytes=0-9|0|9",
        "bytes=10-|10|35",
        "bytes=-5|31|35",
        "bytes=30-1000|30|35",
        "bytes=-100|0|35",
        "bytes=35-35|35|35"})
    void singleRangeOfASmallFile(String range, int first, int last) {
        HttpResponse<byte[]> r = get("/abc.txt", "Range", range);
        assertEquals(206, r.statusCode());
        assertEquals("bytes " + first + "-" + last + "/36", header(r, "Content-Range"));
        assertEquals(TEXT.substring(first, last + 1), new String(r.body(), StandardCharsets.US_ASCII));
        assertEquals(Integer.toString(last - first + 1), header(r, "Content-Length"));
        assertEquals("text/plain; charset=utf-8", header(r, "Content-Type"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bytes=0-0|0|0",
        "bytes=1000-200000|1000|200000",
        "bytes=-4096|1044480|1048575",
        "bytes=524288-|524288|1048575"})
    void rangesOfTheBigFileMatchByChecksum(String range, int first, int last) {
        HttpResponse<byte[]> r = get("/big.bin", "Range", range);
        assertEquals(206, r.statusCode());
        assertEquals("bytes " + first + "-" + last + "/" + MIB, header(r, "Content-Range"));
        assertEquals(StaticServer.sha256(big, first, last - first + 1), StaticServer.sha256(r.body()));
    }

    @Test
    void unsatisfiableRangeIs416WithTheSize() {
        HttpResponse<byte[]> r = get("/abc.txt", "Range", "bytes=36-");
        assertEquals(416, r.statusCode());
        assertEquals("bytes */36", header(r, "Content-Range"));
        HttpResponse<byte[]> big416 = get("/big.bin", "Range", "bytes=2000000-3000000");
        assertEquals(416, big416.statusCode());
        assertEquals("bytes */" + MIB, header(big416, "Content-Range"));
    }

    @Test
    void malformedRangeSendsTheWholeFile() {
        HttpResponse<byte[]> r = get("/abc.txt", "Range", "bytes=5-1");
        assertEquals(200, r.statusCode());
        assertEquals(TEXT, new String(r.body(), StandardCharsets.US_ASCII));
        assertEquals(200, get("/abc.txt", "Range", "lines=1-2").statusCode());
    }

    @Test
    void ifRangeWithTheCurrentTagOrDateHonoursTheRange() {
        HttpResponse<byte[]> whole = get("/abc.txt");
        String etag = header(whole, "ETag");
        String lastModified = header(whole, "Last-Modified");
        assertEquals(206, get("/abc.txt", "Range", "bytes=0-1", "If-Range", etag).statusCode());
        assertEquals(206, get("/abc.txt", "Range", "bytes=0-1", "If-Range", lastModified).statusCode());
        HttpResponse<byte[]> stale = get("/abc.txt", "Range", "bytes=0-1", "If-Range", "\"stale\"");
        assertEquals(200, stale.statusCode());
        assertEquals(TEXT, new String(stale.body(), StandardCharsets.US_ASCII));
        assertEquals(200,
                get("/abc.txt", "Range", "bytes=0-1", "If-Range", "Mon, 01 Jan 2001 00:00:00 GMT").statusCode());
    }

    @Test
    void severalRangesComeAsMultipartByteranges() {
        HttpResponse<byte[]> r = get("/abc.txt", "Range", "bytes=0-2,10-12,-3");
        assertEquals(206, r.statusCode());
        String type = header(r, "Content-Type");
        assertTrue(type.startsWith("multipart/byteranges; boundary="), type);
        List<Part> parts = Part.parse(r.body(), type.substring(type.indexOf('=') + 1));
        assertEquals(3, parts.size());
        assertEquals("bytes 0-2/36", parts.get(0).contentRange());
        assertEquals("012", parts.get(0).text());
        assertEquals("bytes 10-12/36", parts.get(1).contentRange());
        assertEquals("abc", parts.get(1).text());
        assertEquals("bytes 33-35/36", parts.get(2).contentRange());
        assertEquals("xyz", parts.get(2).text());
        assertEquals("text/plain; charset=utf-8", parts.get(0).contentType());
        assertEquals(Integer.toString(r.body().length), header(r, "Content-Length"));
    }

    @Test
    void severalRangesOfTheBigFileMatchByChecksum() {
        HttpResponse<byte[]> r = get("/big.bin", "Range", "bytes=100-199999,500000-500099,-70000");
        assertEquals(206, r.statusCode());
        String type = header(r, "Content-Type");
        List<Part> parts = Part.parse(r.body(), type.substring(type.indexOf('=') + 1));
        assertEquals(3, parts.size());
        assertEquals(StaticServer.sha256(big, 100, 199900), StaticServer.sha256(parts.get(0).body()));
        assertEquals(StaticServer.sha256(big, 500000, 100), StaticServer.sha256(parts.get(1).body()));
        assertEquals(StaticServer.sha256(big, MIB - 70000, 70000), StaticServer.sha256(parts.get(2).body()));
        assertEquals("bytes " + (MIB - 70000) + "-" + (MIB - 1) + "/" + MIB, parts.get(2).contentRange());
    }

    @Test
    void overlappingRangesAreMergedIntoOne() {
        HttpResponse<byte[]> r = get("/abc.txt", "Range", "bytes=0-5,3-9");
        assertEquals(206, r.statusCode());
        assertEquals("bytes 0-9/36", header(r, "Content-Range"));
        assertEquals("0123456789", new String(r.body(), StandardCharsets.US_ASCII));
    }

    /** One part of a multipart/byteranges body, read byte-exactly (ISO-8859-1 maps bytes 1:1). */
    record Part(String contentType, String contentRange, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.US_ASCII);
        }

        static List<Part> parse(byte[] body, String boundary) {
            String all = new String(body, StandardCharsets.ISO_8859_1);
            String delimiter = "--" + boundary;
            assertTrue(all.startsWith(delimiter + "\r\n"), "starts with the first boundary");
            assertTrue(all.endsWith("\r\n" + delimiter + "--\r\n"), "ends with the close delimiter");
            List<Part> parts = new ArrayList<>();
            int at = delimiter.length() + 2;
            while (true) {
                int headEnd = all.indexOf("\r\n\r\n", at);
                String type = null;
                String range = null;
                for (String line : all.substring(at, headEnd).split("\r\n")) {
                    String lower = line.toLowerCase();
                    if (lower.startsWith("content-type:")) {
                        type = line.substring(13).trim();
                    } else if (lower.startsWith("content-range:")) {
                        range = line.substring(14).trim();
                    }
                }
                int next = all.indexOf("\r\n" + delimiter, headEnd + 4);
                byte[] bytes = all.substring(headEnd + 4, next).getBytes(StandardCharsets.ISO_8859_1);
                parts.add(new Part(type, range, bytes));
                at = next + 2 + delimiter.length();
                if (all.startsWith("--", at)) {
                    return parts;
                }
                at += 2;
            }
        }
    }
}

package io.trestle.staticfiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.testing.TrestleTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Precompressed .br/.gz variants, and gzip on the fly with {@code --gzip}. */
class CompressionTest {
    static final String JS = "function hello() { return 'hello, world'; }\n".repeat(100);
    static final byte[] BROTLI = {0x1b, 0x2a, 0x00, 0x42, 0x52};    // the server never decodes it
    static final String BIG_TEXT = "line of static text that compresses well\n".repeat(5000);  // ~200 KiB

    @TempDir
    static Path web;
    static TrestleTest plain;
    static TrestleTest gzipping;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(web.resolve("app.js"), JS);
        Files.write(web.resolve("app.js.gz"), FileCache.gzip(JS.getBytes(StandardCharsets.UTF_8)));
        Files.write(web.resolve("app.js.br"), BROTLI);
        Files.writeString(web.resolve("only-gz.css"), "p{color:red}");
        Files.write(web.resolve("only-gz.css.gz"), FileCache.gzip("p{color:red}".getBytes(StandardCharsets.UTF_8)));
        Files.writeString(web.resolve("page.html"), JS);
        Files.writeString(web.resolve("big.txt"), BIG_TEXT);
        Files.writeString(web.resolve("tiny.txt"), "tiny");
        Files.write(web.resolve("photo.png"), new byte[4096]);
        Files.write(web.resolve("archive.tar.gz"), FileCache.gzip(new byte[100]));
        plain = StaticServer.start(web);
        gzipping = StaticServer.start(web, "gzip", "true", "memory-cache-max-file", "64KiB");
    }

    @AfterAll
    static void stop() {
        plain.close();
        gzipping.close();
    }

    private static HttpResponse<byte[]> get(TrestleTest t, String path, String... headers) {
        return t.send(StaticServer.request(t, path, headers), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void brotliIsPreferredWhenAccepted() {
        HttpResponse<byte[]> r = get(plain, "/app.js", "Accept-Encoding", "gzip, deflate, br");
        assertEquals(200, r.statusCode());
        assertEquals("br", header(r, "Content-Encoding"));
        assertEquals("Accept-Encoding", header(r, "Vary"));
        assertEquals("text/javascript; charset=utf-8", header(r, "Content-Type"));
        assertArrayEquals(BROTLI, r.body());
    }

    @Test
    void gzipVariantWhenOnlyGzipIsAccepted() throws IOException {
        HttpResponse<byte[]> r = get(plain, "/app.js", "Accept-Encoding", "gzip");
        assertEquals("gzip", header(r, "Content-Encoding"));
        assertEquals(JS, gunzip(r.body()));
        HttpResponse<byte[]> css = get(plain, "/only-gz.css", "Accept-Encoding", "br, gzip");
        assertEquals("gzip", header(css, "Content-Encoding"));
        assertEquals("text/css; charset=utf-8", header(css, "Content-Type"));
    }

    @Test
    void qualitiesDecide() {
        assertEquals("gzip", header(get(plain, "/app.js", "Accept-Encoding", "br;q=0.5, gzip"), "Content-Encoding"));
        assertEquals("br", header(get(plain, "/app.js", "Accept-Encoding", "br, gzip;q=0"), "Content-Encoding"));
        assertNull(header(get(plain, "/app.js", "Accept-Encoding", "br;q=0, gzip;q=0"), "Content-Encoding"));
    }

    @Test
    void identityWithoutAcceptEncodingButStillVaries() {
        HttpResponse<byte[]> r = get(plain, "/app.js");
        assertNull(header(r, "Content-Encoding"));
        assertEquals("Accept-Encoding", header(r, "Vary"));
        assertEquals(JS, new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void eachEncodingHasItsOwnEtagAnd304() {
        String identity = header(get(plain, "/app.js"), "ETag");
        String gz = header(get(plain, "/app.js", "Accept-Encoding", "gzip"), "ETag");
        String br = header(get(plain, "/app.js", "Accept-Encoding", "br"), "ETag");
        assertNotEquals(identity, gz);
        assertNotEquals(gz, br);
        HttpResponse<byte[]> notModified = get(plain, "/app.js", "Accept-Encoding", "gzip", "If-None-Match", gz);
        assertEquals(304, notModified.statusCode());
        assertEquals("Accept-Encoding", header(notModified, "Vary"));
        assertEquals(200, get(plain, "/app.js", "Accept-Encoding", "br", "If-None-Match", gz).statusCode());
    }

    @Test
    void rangeRequestsGetTheIdentityBytes() {
        HttpResponse<byte[]> r = get(plain, "/app.js", "Accept-Encoding", "gzip, br", "Range", "bytes=0-7");
        assertEquals(206, r.statusCode());
        assertNull(header(r, "Content-Encoding"));
        assertEquals("function", new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("bytes 0-7/" + JS.length(), header(r, "Content-Range"));
    }

    @Test
    void variantsAreNotLookedUpForIncompressibleTypesOrServedAsFiles() {
        HttpResponse<byte[]> r = get(plain, "/archive.tar.gz", "Accept-Encoding", "gzip");
        assertNull(header(r, "Content-Encoding"), "a .gz file is content, not an encoding");
        assertEquals("application/gzip", header(r, "Content-Type"));
        assertNull(header(get(plain, "/photo.png", "Accept-Encoding", "gzip"), "Vary"));
    }

    @Test
    void noOnTheFlyGzipByDefault() {
        HttpResponse<byte[]> r = get(plain, "/big.txt", "Accept-Encoding", "gzip");
        assertNull(header(r, "Content-Encoding"));
        assertNull(header(r, "Vary"));
        assertEquals(BIG_TEXT.length(), r.body().length);
    }

    @Test
    void onTheFlyGzipForCompressibleTypesAboveOneKibibyte() throws IOException {
        HttpResponse<byte[]> html = get(gzipping, "/page.html", "Accept-Encoding", "gzip");
        assertEquals("gzip", header(html, "Content-Encoding"));
        assertEquals("Accept-Encoding", header(html, "Vary"));
        assertEquals(JS, gunzip(html.body()));
        assertTrue(header(html, "ETag").startsWith("W/\""), header(html, "ETag"));
        assertEquals(Integer.toString(html.body().length), header(html, "Content-Length"), "cached: length known");

        HttpResponse<byte[]> big = get(gzipping, "/big.txt", "Accept-Encoding", "gzip");
        assertEquals("gzip", header(big, "Content-Encoding"));
        assertEquals(BIG_TEXT, gunzip(big.body()), "streamed through gzip");
        assertTrue(big.body().length < BIG_TEXT.length() / 10);

        assertNull(header(get(gzipping, "/tiny.txt", "Accept-Encoding", "gzip"), "Content-Encoding"));
        assertNull(header(get(gzipping, "/photo.png", "Accept-Encoding", "gzip"), "Content-Encoding"));
        assertNull(header(get(gzipping, "/page.html"), "Content-Encoding"));
    }

    @Test
    void onTheFlyGzipRevalidatesWithItsWeakTag() {
        String tag = header(get(gzipping, "/big.txt", "Accept-Encoding", "gzip"), "ETag");
        assertEquals(304, get(gzipping, "/big.txt", "Accept-Encoding", "gzip", "If-None-Match", tag).statusCode());
        assertEquals(200, get(gzipping, "/big.txt", "If-None-Match", tag).statusCode(),
                "identity is another representation");
    }

    @Test
    void precompressedVariantBeatsOnTheFlyGzip() {
        HttpResponse<byte[]> r = get(gzipping, "/app.js", "Accept-Encoding", "gzip");
        assertEquals("gzip", header(r, "Content-Encoding"));
        assertTrue(header(r, "ETag").startsWith("\""), "the variant's strong tag, not the on-the-fly weak one");
    }
}

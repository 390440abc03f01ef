package io.trestle.staticfiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.testing.RawConnection;
import io.trestle.testing.RawResponse;
import io.trestle.testing.TrestleTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Files, folders, content types, HEAD and methods, over real sockets. */
class ServingTest {
    static final int MIB = 1 << 20;

    @TempDir
    static Path web;
    static TrestleTest t;
    static byte[] big;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(web.resolve("index.html"), "<h1>home</h1>");
        Files.writeString(web.resolve("hello.txt"), "hello");
        Files.writeString(web.resolve("site.css"), "body{}");
        Files.writeString(web.resolve("app.js"), "console.log(1)");
        Files.writeString(web.resolve("data.json"), "{}");
        Files.write(web.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(web.resolve("blob.xyz"), "?");
        Files.writeString(web.resolve("with space.txt"), "spaced");
        Files.writeString(web.resolve("été €.txt"), "utf8 name");
        Files.writeString(web.resolve("a+b.txt"), "plus");
        Files.createDirectories(web.resolve("docs"));
        Files.writeString(web.resolve("docs/index.html"), "<h1>docs</h1>");
        Files.createDirectories(web.resolve("empty"));
        Files.createDirectories(web.resolve("api"));
        Files.writeString(web.resolve("api/hello"), "file, not api");
        Files.write(web.resolve("empty.txt"), new byte[0]);
        big = new byte[MIB];
        new Random(7).nextBytes(big);
        Files.write(web.resolve("big.bin"), big);
        t = StaticServer.start(web, r -> r.get("/api/hello", (req, res) -> res.text("api wins")));
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/hello.txt|text/plain; charset=utf-8",
        "/site.css|text/css; charset=utf-8",
        "/app.js|text/javascript; charset=utf-8",
        "/data.json|application/json; charset=utf-8",
        "/logo.png|image/png",
        "/blob.xyz|application/octet-stream",
        "/index.html|text/html; charset=utf-8"})
    void setsContentTypeAndNosniff(String path, String type) {
        HttpResponse<String> r = t.get(path);
        assertEquals(200, r.statusCode());
        assertEquals(type, r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("bytes", r.headers().firstValue("Accept-Ranges").orElseThrow());
    }

    @Test
    void servesIndexOfRootAndFolders() {
        assertEquals("<h1>home</h1>", t.get("/").body());
        assertEquals("<h1>docs</h1>", t.get("/docs/").body());
        assertEquals("<h1>home</h1>", t.get("/index.html").body());
    }

    @Test
    void redirectsFolderWithoutSlashKeepingTheQuery() {
        HttpResponse<String> r = t.get("/docs?lang=en&x=%20y");
        assertEquals(301, r.statusCode());
        assertEquals("/docs/?lang=en&x=%20y", r.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> plain = t.get("/docs");
        assertEquals("/docs/", plain.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void redirectCannotBecomeAnOpenRedirect() throws Exception {
        Files.createDirectories(web.resolve("evil.com"));
        RawResponse r = t.raw("GET //evil.com HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals(301, r.status());
        assertEquals("/evil.com/", r.header("Location"));
    }

    @Test
    void folderWithoutIndexIs404WhenListingIsOff() {
        assertEquals(404, t.get("/empty/").statusCode());
    }

    @Test
    void fileWithTrailingSlashIs404() {
        assertEquals(404, t.get("/hello.txt/").statusCode());
    }

    @Test
    void missingFileIs404() {
        HttpResponse<String> r = t.get("/nope.txt");
        assertEquals(404, r.statusCode());
    }

    @Test
    void namesWithSpacesAndUtf8Work() {
        assertEquals("spaced", t.get("/with%20space.txt").body());
        assertEquals("utf8 name", t.get("/%C3%A9t%C3%A9%20%E2%82%AC.txt").body());
        assertEquals("plus", t.get("/a+b.txt").body());
        assertEquals("plus", t.get("/a%2Bb.txt").body());
    }

    @Test
    void queryStringIsIgnoredForTheLookup() {
        assertEquals("hello", t.get("/hello.txt?v=123&x=../../etc/passwd").body());
    }

    @Test
    void emptyFile() {
        HttpResponse<String> r = t.get("/empty.txt");
        assertEquals(200, r.statusCode());
        assertEquals("", r.body());
        assertEquals("0", r.headers().firstValue("Content-Length").orElseThrow());
    }

    @Test
    void oneMebibyteArrivesIntact() {
        HttpResponse<byte[]> r = t.send(t.request("/big.bin"), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals(Integer.toString(MIB), r.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(StaticServer.sha256(big), StaticServer.sha256(r.body()));
    }

    @Test
    void headHasTheHeadersOfGetAndNoBody() throws Exception {
        try (RawConnection c = t.connect()) {
            c.send("HEAD /big.bin HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse head = c.readHeadResponse();
            c.send("GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse next = c.readResponse();
            assertEquals(200, head.status());
            assertEquals(Integer.toString(MIB), head.header("Content-Length"));
            assertEquals("application/octet-stream", head.header("Content-Type"));
            assertTrue(head.header("ETag").startsWith("\""));
            assertEquals("hello", next.bodyText(), "no body bytes were left between the two responses");
        }
    }

    @Test
    void otherMethodsAre405WithAllow() {
        HttpResponse<String> r = t.send(t.request("/hello.txt").POST(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(405, r.statusCode());
        assertEquals("GET, HEAD, OPTIONS", r.headers().firstValue("Allow").orElseThrow());
        HttpResponse<String> d = t.send(t.request("/hello.txt").DELETE());
        assertEquals(405, d.statusCode());
    }

    @Test
    void optionsListsTheMethods() {
        HttpResponse<String> r = t.send(t.request("/hello.txt").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertTrue(r.statusCode() == 200 || r.statusCode() == 204, "status " + r.statusCode());
        assertEquals("GET, HEAD, OPTIONS", r.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void apiRoutesWinOverFiles() {
        assertEquals("api wins", t.get("/api/hello").body());
    }

    @Test
    void keepsTheConnectionAcrossManyFiles() throws Exception {
        try (RawConnection c = t.connect()) {
            for (int i = 0; i < 20; i++) {
                c.send("GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n");
                RawResponse r = c.readResponse();
                assertEquals(200, r.status());
                assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), r.body());
            }
        }
    }

    @Test
    void noListingByDefault() {
        HttpResponse<String> r = t.get("/empty/");
        assertEquals(404, r.statusCode());
        assertNull(r.headers().firstValue("Last-Modified").orElse(null));
    }
}

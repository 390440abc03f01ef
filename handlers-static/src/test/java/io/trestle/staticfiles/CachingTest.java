package io.trestle.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.testing.RawResponse;
import io.trestle.testing.TrestleTest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validators, conditional requests and Cache-Control. */
class CachingTest {
    static final long MODIFIED = 1_700_000_000L;              // Tue, 14 Nov 2023 22:13:20 GMT
    static final String MODIFIED_TEXT = "Tue, 14 Nov 2023 22:13:20 GMT";

    @TempDir
    static Path web;
    static TrestleTest t;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(web.resolve("page.html"), "<p>page</p>");
        Files.writeString(web.resolve("style.css"), "p{}");
        for (String name : new String[] {"page.html", "style.css"}) {
            Files.setLastModifiedTime(web.resolve(name), FileTime.from(Instant.ofEpochSecond(MODIFIED)));
        }
        t = StaticServer.start(web);
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static HttpResponse<String> get(String path, String... headers) {
        return t.send(StaticServer.request(t, path, headers));
    }

    private static String etag(String path) {
        return t.get(path).headers().firstValue("ETag").orElseThrow();
    }

    @Test
    void sendsValidators() {
        HttpResponse<String> r = t.get("/style.css");
        assertEquals(MODIFIED_TEXT, r.headers().firstValue("Last-Modified").orElseThrow());
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.matches("\"[0-9a-f]+-[0-9a-f]+\""), etag);
        assertEquals(etag, etag("/style.css"), "stable while the file is unchanged");
    }

    @Test
    void cacheControlRevalidatesHtmlAndCachesTheRest() {
        assertEquals("no-cache", t.get("/page.html").headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("public, max-age=3600", t.get("/style.css").headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void cacheControlIsConfigurable(@TempDir Path other) throws Exception {
        Files.writeString(other.resolve("a.html"), "a");
        Files.writeString(other.resolve("a.js"), "a");
        try (TrestleTest custom = StaticServer.start(other,
                "cache-control-html", "no-store", "cache-control", "public, max-age=31536000, immutable")) {
            assertEquals("no-store", custom.get("/a.html").headers().firstValue("Cache-Control").orElseThrow());
            assertEquals("public, max-age=31536000, immutable",
                    custom.get("/a.js").headers().firstValue("Cache-Control").orElseThrow());
        }
    }

    @Test
    void ifNoneMatchGives304WithoutBody() {
        String etag = etag("/style.css");
        RawResponse r = t.raw("GET /style.css HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + etag
                + "\r\nConnection: close\r\n\r\n");
        assertEquals(304, r.status());
        assertEquals(etag, r.header("ETag"));
        assertEquals("public, max-age=3600", r.header("Cache-Control"));
        assertEquals(null, r.header("Content-Length"));
        assertEquals(0, r.body().length);
        assertEquals(200, get("/style.css", "If-None-Match", "\"other\"").statusCode());
        assertEquals(304, get("/style.css", "If-None-Match", "\"other\", " + etag).statusCode());
        assertEquals(304, get("/style.css", "If-None-Match", "*").statusCode());
    }

    @Test
    void ifModifiedSince() {
        assertEquals(304, get("/style.css", "If-Modified-Since", MODIFIED_TEXT).statusCode());
        assertEquals(304, get("/style.css", "If-Modified-Since", "Wed, 15 Nov 2023 00:00:00 GMT").statusCode());
        HttpResponse<String> older = get("/style.css", "If-Modified-Since", "Mon, 13 Nov 2023 00:00:00 GMT");
        assertEquals(200, older.statusCode());
        assertEquals("p{}", older.body());
        assertEquals(200, get("/style.css", "If-Modified-Since", "not a date").statusCode());
        assertEquals(200, get("/style.css", "If-None-Match", "\"x\"", "If-Modified-Since", MODIFIED_TEXT).statusCode(),
                "If-None-Match decides when both are sent");
    }

    @Test
    void failedIfMatchOrIfUnmodifiedSinceGive412() {
        String etag = etag("/style.css");
        assertEquals(412, get("/style.css", "If-Match", "\"other\"").statusCode());
        assertEquals(200, get("/style.css", "If-Match", etag).statusCode());
        assertEquals(200, get("/style.css", "If-Match", "*").statusCode());
        assertEquals(412, get("/style.css", "If-Unmodified-Since", "Mon, 13 Nov 2023 00:00:00 GMT").statusCode());
        assertEquals(200, get("/style.css", "If-Unmodified-Since", MODIFIED_TEXT).statusCode());
    }

    @Test
    void changedFileGetsNewValidatorsAndContentDespiteTheMemoryCache(@TempDir Path other) throws Exception {
        Path file = other.resolve("live.txt");
        Files.writeString(file, "version 1");
        try (TrestleTest live = StaticServer.start(other)) {
            HttpResponse<String> first = live.get("/live.txt");
            assertEquals("version 1", first.body());
            assertEquals("version 1", live.get("/live.txt").body());     // now from memory
            Files.writeString(file, "version 2, longer");
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
            HttpResponse<String> second = live.get("/live.txt");
            assertEquals("version 2, longer", second.body());
            assertNotEquals(first.headers().firstValue("ETag"), second.headers().firstValue("ETag"));
            assertNotEquals(first.headers().firstValue("Last-Modified"), second.headers().firstValue("Last-Modified"));
            String oldTag = first.headers().firstValue("ETag").orElseThrow();
            assertEquals(200, live.send(live.request("/live.txt").header("If-None-Match", oldTag)).statusCode());
        }
    }
}

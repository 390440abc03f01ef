package io.trestle.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.testing.TrestleTest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --list-dirs}, and a web root that is missing. */
class ListingAndRootTest {
    @TempDir
    Path web;

    @Test
    void listsFoldersWithEveryNameEscaped() throws Exception {
        Files.writeString(web.resolve("<script>.txt"), "x");
        Files.writeString(web.resolve("a \"quote\" & amp.txt"), "x");
        Files.createDirectories(web.resolve("sub dir"));
        Files.writeString(web.resolve("sub dir/inner.txt"), "inner");
        try (TrestleTest t = StaticServer.start(web, "list-dirs", "true")) {
            HttpResponse<String> r = t.get("/");
            assertEquals(200, r.statusCode());
            assertEquals("text/html; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElseThrow());
            String html = r.body();
            assertFalse(html.contains("<script>"), html);
            assertTrue(html.contains("&lt;script&gt;.txt"), html);
            assertTrue(html.contains("a &quot;quote&quot; &amp; amp.txt"), html);
            assertTrue(html.contains("href=\"sub%20dir/\""), html);

            assertEquals("x", t.get("/%3Cscript%3E.txt").body(), "the listed link works");
            HttpResponse<String> sub = t.get("/sub%20dir/");
            assertTrue(sub.body().contains("inner.txt"));
            assertTrue(sub.body().contains("Index of /sub dir/"));
        }
    }

    @Test
    void missingRootAnswers404AndTheServerStillStarts() {
        try (TrestleTest t = StaticServer.start(web.resolve("does-not-exist"),
                r -> r.get("/ping", (req, res) -> res.text("pong")))) {
            assertEquals(404, t.get("/").statusCode());
            assertEquals(404, t.get("/index.html").statusCode());
            assertEquals("pong", t.get("/ping").body());
        }
    }
}

package io.trestle.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trestle.Config;
import io.trestle.Server;
import io.trestle.WebResources;
import io.trestle.testing.TrestleTest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plugin jars' web folders, served after the web root, read per request from {@link WebResources}. */
class PluginWebFilesTest {

    @TempDir
    Path tmp;
    Path root;
    Path a;
    Path b;
    final WebResources web = WebResources.none();

    @BeforeEach
    void files() throws Exception {
        root = write(tmp.resolve("root"), "index.html", "root home", "clash.txt", "from the web root");
        a = write(tmp.resolve("a"), "clash.txt", "from a.jar", "both.txt", "both, a.jar", "a-only.txt", "only a",
                "hello/index.html", "<h1>hello page</h1>");
        b = write(tmp.resolve("b"), "clash.txt", "from b.jar", "both.txt", "both, b.jar", "b-only.txt", "only b");
        web.replace(List.of(new WebResources.Folder("a.jar", a), new WebResources.Folder("b.jar", b)));
    }

    private TrestleTest start() {
        StaticFilesPlugin plugin = new StaticFilesPlugin();
        plugin.webResources(web);         // what discovery does before install
        return TrestleTest.start(Server.builder().config(Config.of(Map.of("root", root.toString()))).plugin(plugin).accessLog(false));
    }

    @ParameterizedTest
    @CsvSource({
        "/clash.txt, from the web root",
        "/both.txt, 'both, a.jar'",
        "/a-only.txt, only a",
        "/b-only.txt, only b",
        "/hello/, <h1>hello page</h1>",
        "/, root home"
    })
    void theWebRootWinsThenTheJarsInOrder(String path, String body) {
        try (TrestleTest t = start()) {
            HttpResponse<String> r = t.get(path);
            assertEquals(200, r.statusCode(), path);
            assertEquals(body, r.body(), path);
        }
    }

    @Test
    void pluginFilesGetTheFullTreatment() {
        try (TrestleTest t = start()) {
            HttpResponse<String> r = t.send(t.request("/a-only.txt").header("Range", "bytes=0-1"));
            assertEquals(206, r.statusCode());
            assertEquals("on", r.body());
            String etag = t.get("/a-only.txt").headers().firstValue("ETag").orElseThrow();
            assertEquals(304, t.send(t.request("/a-only.txt").header("If-None-Match", etag)).statusCode());
            assertEquals(301, t.get("/hello").statusCode(), "a plugin's folder redirects to its slash form");
            assertEquals("text/html; charset=utf-8", t.get("/hello/").headers().firstValue("Content-Type").orElseThrow());
        }
    }

    @Test
    void aNewSnapshotIsServedAtOnce() {
        try (TrestleTest t = start()) {
            assertEquals("only a", t.get("/a-only.txt").body());
            web.replace(List.of(new WebResources.Folder("b.jar", b)));        // a.jar removed
            assertEquals(404, t.get("/a-only.txt").statusCode());
            assertEquals("both, b.jar", t.get("/both.txt").body());
            web.replace(List.of());
            assertEquals(404, t.get("/b-only.txt").statusCode());
            assertEquals("from the web root", t.get("/clash.txt").body());
        }
    }

    @Test
    void aFolderDeletedUnderAStaleSnapshotServesNothing() throws Exception {
        try (TrestleTest t = start()) {
            Path gone = tmp.resolve("gone");
            web.replace(List.of(new WebResources.Folder("gone.jar", gone), new WebResources.Folder("b.jar", b)));
            assertEquals(404, t.get("/a-only.txt").statusCode());
            assertEquals("only b", t.get("/b-only.txt").body());
        }
    }

    @ParameterizedTest
    @CsvSource({"/../a/a-only.txt, 400", "/%2e%2e/a/a-only.txt, 400", "/..%2fa/a-only.txt, 400", "/.hidden.txt, 404"})
    void nothingOutsideAPluginFolderIsReachable(String path, int status) throws Exception {
        Files.writeString(a.resolve(".hidden.txt"), "secret");
        try (TrestleTest t = start()) {
            assertEquals(status, t.raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").status(), path);
        }
    }

    /** Writes name, text, name, text... under {@code dir}; returns it. */
    private static Path write(Path dir, String... files) throws Exception {
        for (int i = 0; i < files.length; i += 2) {
            Path f = dir.resolve(files[i]);
            Files.createDirectories(f.getParent());
            Files.writeString(f, files[i + 1]);
        }
        return dir;
    }
}

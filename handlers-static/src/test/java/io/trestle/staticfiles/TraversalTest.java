package io.trestle.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.testing.RawResponse;
import io.trestle.testing.TrestleTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nothing outside the web root is readable, however the path is spelled; no dot-files either. */
class TraversalTest {
    static final String SECRET = "TOP-SECRET-OUTSIDE";
    static final String DOT_SECRET = "DOT-FILE-SECRET";

    @TempDir
    static Path tmp;
    static TrestleTest t;

    @BeforeAll
    static void start() throws Exception {
        Path web = Files.createDirectories(tmp.resolve("web"));
        Files.writeString(tmp.resolve("secret.txt"), SECRET);
        Files.writeString(tmp.resolve("x"), SECRET);
        Files.writeString(web.resolve("a.txt"), "public a");
        Files.createDirectories(web.resolve("sub"));
        Files.writeString(web.resolve("sub/b.txt"), "public b");
        Files.writeString(web.resolve(".env"), DOT_SECRET);
        Files.createDirectories(web.resolve(".git"));
        Files.writeString(web.resolve(".git/config"), DOT_SECRET);
        Files.createDirectories(web.resolve(".well-known"));
        Files.writeString(web.resolve(".well-known/security.txt"), "Contact: mailto:security@example.com");
        Files.createSymbolicLink(web.resolve("link-out.txt"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(web.resolve("link-up"), tmp);
        Files.createSymbolicLink(web.resolve("link-env.txt"), web.resolve(".env"));
        t = StaticServer.start(web, "list-dirs", "true");
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static RawResponse get(String target) {
        return t.raw("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../x", "/../secret.txt", "/sub/../../secret.txt", "/./../secret.txt",
        "/%2e%2e/x", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt", "/%2e./secret.txt",
        "/%2e%2e%2fx", "/%2e%2e%2fsecret.txt", "/..%2fx", "/..%2fsecret.txt", "/sub/..%2f..%2fsecret.txt",
        "/%252e%252e/x", "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt",
        "/..%5cx", "/..%5csecret.txt", "/%2e%2e%5csecret.txt", "/..%255csecret.txt",
        "/..\\x", "/..\\secret.txt", "/sub\\..\\..\\secret.txt",
        "//etc/passwd", "/%2fetc%2fpasswd", "/../../../../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/%00", "/a.txt%00.html", "/a.txt%00", "/secret.txt%00/../../secret.txt",
        "/..;/x", "/..;/secret.txt", "/sub/..;/..;/secret.txt", "/%2e%2e;/secret.txt", "/.;/../secret.txt",
        "/%c0%ae%c0%ae/secret.txt", "/%c0%af../secret.txt", "/%e0%80%ae%e0%80%ae/secret.txt",
        "/link-out.txt", "/link-up/secret.txt", "/link-up/x", "/link-env.txt",
        "http://x/../secret.txt", "/a.txt/../../secret.txt"})
    void nothingOutsideTheRootIsServed(String target) {
        RawResponse r = get(target);
        assertTrue(r.status() == 400 || r.status() == 404, target + " -> " + r.statusLine());
        assertFalse(r.bodyText().contains(SECRET), target);
        assertFalse(r.bodyText().contains("root:"), target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/.env", "/.git/config", "/.git/", "/.git", "/%2egit/config", "/sub/../.env",
        "/.well-known/../.env", "/.well-known/.env", "/sub/.env", "/.%65nv"})
    void dotFilesAreNotServed(String target) {
        RawResponse r = get(target);
        assertTrue(r.status() == 400 || r.status() == 404, target + " -> " + r.statusLine());
        assertFalse(r.bodyText().contains(DOT_SECRET), target);
    }

    @Test
    void wellKnownIsServed() {
        RawResponse r = get("/.well-known/security.txt");
        assertEquals(200, r.status());
        assertEquals("Contact: mailto:security@example.com", r.bodyText());
    }

    @Test
    void listingsLeaveOutDotFilesAndLinksOut() {
        RawResponse r = get("/");
        assertEquals(200, r.status());
        assertTrue(r.bodyText().contains("a.txt"));
        assertFalse(r.bodyText().contains(".env"));
        assertFalse(r.bodyText().contains(".git"));
        assertFalse(r.bodyText().contains("link-out.txt"));
    }

    @Test
    void encodedDotSegmentsAndSemicolonsAreBadRequests() {
        assertEquals(400, get("/..;/x").status());
        assertEquals(400, get("/%2e%2e/x").status());
        assertEquals(400, get("/..%2fx").status());
        assertEquals(400, get("/%00").status());
    }

    @Test
    void publicFilesNextToAllThatStillWork() {
        assertEquals("public a", get("/a.txt").bodyText());
        assertEquals("public b", get("/sub/b.txt").bodyText());
        assertEquals("public b", get("/sub/./b.txt").bodyText());
    }
}

package io.trestle.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceRootTest {
    @TempDir
    Path tmp;
    Path web;
    ResourceRoot root;

    @BeforeEach
    void setUp() throws IOException {
        web = Files.createDirectories(tmp.resolve("web"));
        Files.writeString(web.resolve("a.txt"), "a");
        Files.createDirectories(web.resolve("sub"));
        Files.writeString(web.resolve("sub/b.txt"), "bb");
        Files.writeString(web.resolve(".env"), "SECRET=1");
        Files.writeString(tmp.resolve("outside.txt"), "secret");
        Files.createDirectories(tmp.resolve("web2"));
        Files.writeString(tmp.resolve("web2/x.txt"), "sibling with a common prefix");
        root = ResourceRoot.of(web);
    }

    private Resource find(String raw) {
        return root.find(SafePathResolver.parse(raw));
    }

    @Test
    void findsFilesAndFolders() {
        Resource a = find("/a.txt");
        assertNotNull(a);
        assertTrue(a.isFile());
        assertEquals(1, a.size());
        assertTrue(find("/sub").isDirectory());
        assertTrue(find("/").isDirectory());
        assertEquals(2, find("/sub/b.txt").size());
        assertNull(find("/missing.txt"));
        assertNull(find("/sub/missing/deeper"));
    }

    @Test
    void refusesSymlinksLeadingOutOfTheRoot() throws IOException {
        Files.createSymbolicLink(web.resolve("out.txt"), tmp.resolve("outside.txt"));
        Files.createSymbolicLink(web.resolve("up"), tmp);
        Files.createSymbolicLink(web.resolve("web2link"), tmp.resolve("web2"));
        assertNull(find("/out.txt"));
        assertNull(find("/up/outside.txt"));
        assertEquals(1, find("/up/web/a.txt").size(), "a detour that ends inside the root is harmless");
        assertNull(find("/web2link/x.txt"));
    }

    @Test
    void followsSymlinksThatStayInside() throws IOException {
        Files.createSymbolicLink(web.resolve("alias.txt"), web.resolve("sub/b.txt"));
        Files.createSymbolicLink(web.resolve("subalias"), Path.of("sub"));
        assertEquals(2, find("/alias.txt").size());
        assertEquals(2, find("/subalias/b.txt").size());
    }

    @Test
    void refusesSymlinksToDotFiles() throws IOException {
        Files.createSymbolicLink(web.resolve("env.txt"), web.resolve(".env"));
        Files.createDirectories(web.resolve(".git"));
        Files.writeString(web.resolve(".git/config"), "[core]");
        Files.createSymbolicLink(web.resolve("git"), web.resolve(".git"));
        assertNull(find("/env.txt"));
        assertNull(find("/git/config"));
    }

    @Test
    void servesNoSpecialFiles() throws Exception {
        Path fifo = web.resolve("pipe");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (p.waitFor() == 0) {
            assertNull(find("/pipe"));
        }
    }

    @Test
    void rootThatIsAlsoASymlinkWorks() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("weblink"), web);
        ResourceRoot viaLink = ResourceRoot.of(link);
        assertTrue(viaLink.exists());
        assertNotNull(viaLink.find(SafePathResolver.parse("/a.txt")));
    }

    @Test
    void missingRootFindsNothing() {
        ResourceRoot missing = ResourceRoot.of(tmp.resolve("nope"));
        assertFalse(missing.exists());
        assertNull(missing.find(SafePathResolver.parse("/a.txt")));
        assertNull(missing.find(SafePathResolver.parse("/")));
    }

    @Test
    void rootThatIsAFileFindsNothing() {
        ResourceRoot file = ResourceRoot.of(web.resolve("a.txt"));
        assertFalse(file.exists());
        assertNull(file.find(SafePathResolver.parse("/")));
    }

    @Test
    void childLookupsAreCheckedToo() throws IOException {
        Files.createSymbolicLink(web.resolve("sub/index.html"), tmp.resolve("outside.txt"));
        Resource sub = find("/sub");
        assertNull(root.child(sub.path(), "index.html"));
        assertNull(root.child(sub.path(), "../../outside.txt"));
        assertNotNull(root.child(sub.path(), "b.txt"));
    }

    private static void waitOutTheCheck() throws InterruptedException {
        Thread.sleep(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(ResourceRoot.CHECK_VALID_NANOS) + 100);
    }

    @Test
    void aFileAddedOrRemovedIsSeenOnceTheRememberedCheckExpires() throws Exception {
        assertNull(find("/late.txt"));
        Files.writeString(web.resolve("late.txt"), "late");
        waitOutTheCheck();
        assertEquals(4, find("/late.txt").size());
        Files.delete(web.resolve("late.txt"));
        assertNull(find("/late.txt"), "attributes are read on every request: a removed file is gone at once");
    }

    @Test
    void aPrecompressedCopyIsFoundOnceTheRememberedCheckExpiresAndNeverServedOnceGone() throws Exception {
        Resource a = find("/a.txt");
        assertFalse(PrecompressedVariants.of(a).any());
        Files.writeString(web.resolve("a.txt.gz"), "gzipped");
        Files.writeString(web.resolve("a.txt.br"), "");
        waitOutTheCheck();
        PrecompressedVariants variants = PrecompressedVariants.of(find("/a.txt"));
        assertEquals(web.toRealPath().resolve("a.txt.gz"), variants.gzip().path());
        assertNull(variants.brotli(), "an empty copy is not served");
        Files.delete(web.resolve("a.txt.gz"));
        assertFalse(PrecompressedVariants.of(find("/a.txt")).any(), "attributes are read every time: a removed copy is gone at once");
        Files.createSymbolicLink(web.resolve("sub/b.txt.gz"), tmp.resolve("outside.txt"));
        waitOutTheCheck();
        assertFalse(PrecompressedVariants.of(find("/sub/b.txt")).any(), "a copy linked out of the root is never used");
    }

    @Test
    void aLinkRepointedOutOfTheRootIsNeverFollowedThere() throws Exception {
        Path link = Files.createSymbolicLink(web.resolve("current.txt"), web.resolve("a.txt"));
        assertEquals(1, find("/current.txt").size());
        Files.delete(link);
        Files.createSymbolicLink(link, tmp.resolve("outside.txt"));
        Resource meanwhile = find("/current.txt");
        assertTrue(meanwhile == null || meanwhile.path().startsWith(web.toRealPath()),
                "within the second, only the old target inside the root may be served");
        waitOutTheCheck();
        assertNull(find("/current.txt"));
    }
}

package io.trestle.staticfiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCacheTest {
    @TempDir
    Path web;
    ResourceRoot root;

    @BeforeEach
    void setUp() {
        root = ResourceRoot.of(web);
    }

    private Resource write(String name, String content) throws IOException {
        Files.writeString(web.resolve(name), content);
        return root.find(SafePathResolver.parse("/" + name));
    }

    @Test
    void servesTheSameBytesUntilTheFileChanges() throws IOException {
        FileCache cache = new FileCache(1 << 20, 1 << 10);
        Resource v1 = write("a.txt", "first");
        FileCache.Entry e1 = cache.get(v1);
        assertEquals("first", new String(e1.bytes(), StandardCharsets.UTF_8));
        assertSame(e1, cache.get(root.find(SafePathResolver.parse("/a.txt"))), "a hit while unchanged");

        Resource v2 = write("a.txt", "second!");
        Files.setLastModifiedTime(v2.path(), FileTime.from(Instant.now().plusSeconds(5)));
        v2 = root.find(SafePathResolver.parse("/a.txt"));
        FileCache.Entry e2 = cache.get(v2);
        assertNotSame(e1, e2);
        assertEquals("second!", new String(e2.bytes(), StandardCharsets.UTF_8));
        assertEquals(1, cache.size());
        assertEquals(7, cache.usedBytes());
    }

    @Test
    void sameSizeRewriteWithOldTimeIsStillNoticedThroughTheInode() throws IOException {
        FileCache cache = new FileCache(1 << 20, 1 << 10);
        Resource v1 = write("a.txt", "aaaa");
        FileTime time = v1.attrs().lastModifiedTime();
        cache.get(v1);
        Path fresh = web.resolve("a.tmp");
        Files.writeString(fresh, "bbbb");
        Files.setLastModifiedTime(fresh, time);
        Files.move(fresh, web.resolve("a.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Resource v2 = root.find(SafePathResolver.parse("/a.txt"));
        assertEquals("bbbb", new String(cache.get(v2).bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void skipsFilesAboveTheLimit() throws IOException {
        FileCache cache = new FileCache(1 << 20, 4);
        assertNull(cache.get(write("big.txt", "12345")));
        assertNotNull(cache.get(write("small.txt", "1234")));
        assertNull(new FileCache(0, 1 << 10).get(write("c.txt", "x")), "size 0 turns the cache off");
    }

    @Test
    void evictsTheLeastRecentlyUsed() throws IOException {
        FileCache cache = new FileCache(10, 10);
        Resource a = write("a.txt", "aaaa");
        Resource b = write("b.txt", "bbbb");
        Resource c = write("c.txt", "cccc");
        cache.get(a);
        cache.get(b);
        cache.get(a);                       // a is now more recent than b
        cache.get(c);
        assertEquals(2, cache.size());
        assertTrue(cache.usedBytes() <= 10);
        FileCache.Entry stillA = cache.get(a);
        assertSame(stillA, cache.get(a));
    }

    @Test
    void doesNotCacheAFileThatShrankSinceItWasFound() throws IOException {
        FileCache cache = new FileCache(1 << 20, 1 << 10);
        Resource found = write("a.txt", "0123456789");
        Files.writeString(found.path(), "01234");
        assertNull(cache.get(found));
        assertEquals(0, cache.size());
    }

    @Test
    void gzipsOnceAndKeepsIt() throws IOException {
        FileCache cache = new FileCache(1 << 20, 1 << 16);
        String text = "hello static world ".repeat(200);
        FileCache.Entry e = cache.get(write("a.txt", text));
        byte[] gz = cache.gzipped(e);
        assertSame(gz, cache.gzipped(e));
        assertTrue(gz.length < text.length() / 5);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
        assertEquals(text.length() + gz.length, cache.usedBytes());
    }
}

package io.trestle.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.fixtures.TestJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebFolderTest {
    private static final FileTime BUILT = FileTime.from(Instant.parse("2026-11-01T10:00:00Z"));

    @TempDir
    Path tmp;

    @Test
    void unpacksOnlyMetaInfResourcesWithTheJarsTime() throws IOException {
        Path jar = TestJars.builder()
                .resource("META-INF/resources/app/index.html", "<h1>app</h1>")
                .resource("META-INF/resources/app/css/site.css", "body{}")
                .resource("META-INF/other.txt", "not web")
                .resource("static/x.txt", "not web either")
                .directoryEntries()
                .write(tmp.resolve("web.jar"));
        Path folder = WebFolder.unpack(jar, "web.jar", BUILT);
        try {
            assertEquals("<h1>app</h1>", Files.readString(folder.resolve("app/index.html")));
            assertEquals("body{}", Files.readString(folder.resolve("app/css/site.css")));
            assertEquals(BUILT, Files.getLastModifiedTime(folder.resolve("app/css/site.css")));
            try (var all = Files.walk(folder)) {
                assertEquals(5, all.count(), "the folder, app, css and two files; nothing else");
            }
        } finally {
            WebFolder.delete(folder);
        }
        assertFalse(Files.exists(folder));
    }

    @Test
    void aJarWithoutWebFilesGetsNoFolder() throws IOException {
        Path jar = TestJars.builder().resource("readme.txt", "x").write(tmp.resolve("plain.jar"));
        assertNull(WebFolder.unpack(jar, "plain.jar", BUILT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.txt", "a/../../evil.txt", "a/./b.txt", "a//b.txt", "/etc/passwd", "a\\..\\b.txt", "c:evil.txt",
        "a/..", "nul\0.txt"})
    void anEntryThatWouldLeaveTheFolderRefusesTheJar(String name) throws IOException {
        assertFalse(WebFolder.isSafe(name), name);
        if (name.indexOf('\0') < 0) {
            Path jar = TestJars.builder().resource("META-INF/resources/ok.txt", "ok").resource("META-INF/resources/" + name, "x")
                    .write(tmp.resolve("evil.jar"));
            IOException e = assertThrows(IOException.class, () -> WebFolder.unpack(jar, "evil.jar", BUILT));
            assertTrue(e.getMessage().contains("unsafe name"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "a/b/c.css", "..a/b", "a../b", ".well-known/x", "été.txt"})
    void ordinaryNamesAreSafe(String name) {
        assertTrue(WebFolder.isSafe(name), name);
    }
}

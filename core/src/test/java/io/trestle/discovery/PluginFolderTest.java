package io.trestle.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PluginFolderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"hello.jar.tmp", ".hello.jar", ".jar", "hello.jar.part", "hello.JAR.bak", "hello.zip", "hello"})
    void temporaryAndOtherFilesAreNoPluginJars(String name) {
        assertFalse(PluginFolder.isJarName(name), name);
    }

    @Test
    void listsRegularJarsByName() throws Exception {
        Files.writeString(dir.resolve("b.jar"), "x");
        Files.writeString(dir.resolve("a.jar"), "x");
        Files.writeString(dir.resolve("a.jar.tmp"), "x");
        Files.createDirectories(dir.resolve("folder.jar"));
        assertEquals(List.of(dir.resolve("a.jar"), dir.resolve("b.jar")), PluginFolder.jars(dir));
    }

    @Test
    void aStampChangesWithTheContentOrAnAtomicRename() throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "one");
        JarStamp first = JarStamp.of(jar);
        assertEquals(first, JarStamp.of(jar));
        Files.writeString(jar, "three");
        assertNotEquals(first, JarStamp.of(jar), "a different size");

        JarStamp before = JarStamp.of(jar);
        Path next = Files.writeString(dir.resolve("a.jar.tmp"), "three");
        Files.setLastModifiedTime(next, before.modified());
        Files.move(next, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        JarStamp renamed = JarStamp.of(jar);
        assertEquals(before.size(), renamed.size());
        assertEquals(before.modified(), renamed.modified());
        assertTrue(before.fileKey() == null || !before.equals(renamed), "same size and time, but another file");
    }

    /** equals and hashCode are written out (see JarStamp); each field must still count. */
    @Test
    void stampsAreEqualExactlyWhenAllThreeFieldsAre() {
        FileTime t = FileTime.fromMillis(1_000);
        JarStamp stamp = new JarStamp(3, t, "inode-1");
        assertEquals(stamp, new JarStamp(3, FileTime.fromMillis(1_000), "inode-1"));
        assertEquals(stamp.hashCode(), new JarStamp(3, FileTime.fromMillis(1_000), "inode-1").hashCode());
        assertNotEquals(stamp, new JarStamp(4, t, "inode-1"));
        assertNotEquals(stamp, new JarStamp(3, FileTime.fromMillis(2_000), "inode-1"));
        assertNotEquals(stamp, new JarStamp(3, t, "inode-2"));
        assertNotEquals(stamp, new JarStamp(3, t, null));
        assertEquals(new JarStamp(3, t, null), new JarStamp(3, t, null));
        assertNotEquals(stamp, "not a stamp");
    }
}

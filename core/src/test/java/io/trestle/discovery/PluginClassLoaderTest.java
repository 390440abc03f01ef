package io.trestle.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Handler;
import io.trestle.Route;
import io.trestle.fixtures.TestJars;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginClassLoaderTest {
    private static final ClassLoader APP = PluginClassLoaderTest.class.getClassLoader();

    @TempDir
    static Path jars;
    static Path v1;
    static Path v2;

    @BeforeAll
    static void buildJars() {
        v1 = versionJar(jars.resolve("v1.jar"), "1.0", "com.acme.a.OnlyInA");
        v2 = versionJar(jars.resolve("v2.jar"), "2.0", "com.acme.b.OnlyInB");
    }

    /** A plugin bundling its own {@code com.acme.lib.Version}, plus a class only this jar has. */
    static Path versionJar(Path file, String version, String uniqueClass) {
        int dot = uniqueClass.lastIndexOf('.');
        return TestJars.builder()
                .java("com.acme.lib.Version", """
                        package com.acme.lib;
                        public final class Version {
                            public static String value() { return "%s"; }
                        }""".formatted(version))
                .java("com.acme.plugin.WhoAmI", """
                        package com.acme.plugin;
                        public final class WhoAmI implements java.util.function.Supplier<String> {
                            public String get() { return com.acme.lib.Version.value(); }
                        }""")
                .java(uniqueClass, "package " + uniqueClass.substring(0, dot) + "; public final class "
                        + uniqueClass.substring(dot + 1) + " {}")
                .java("com.acme.plugin.Hello", """
                        package com.acme.plugin;
                        import io.trestle.*;
                        @Route(path = "/hello")
                        public final class Hello implements Handler {
                            public void handle(Request req, Response res) { res.text("hi"); }
                        }""")
                .resource("version.txt", version)
                // Garbage under an API class's name: loading it from the jar would fail with ClassFormatError.
                .resource("io/trestle/Route.class", "not a class file")
                .write(file);
    }

    @Test
    void eachJarSeesItsOwnVersionOfABundledLibrary() throws Exception {
        try (PluginClassLoader a = PluginClassLoader.open(v1, APP); PluginClassLoader b = PluginClassLoader.open(v2, APP)) {
            assertEquals("1.0", whoAmI(a));
            assertEquals("2.0", whoAmI(b));
            assertNotSame(a.loadClass("com.acme.lib.Version"), b.loadClass("com.acme.lib.Version"));
        }
    }

    @Test
    void siblingPluginsDoNotSeeEachOther() throws Exception {
        try (PluginClassLoader a = PluginClassLoader.open(v1, APP); PluginClassLoader b = PluginClassLoader.open(v2, APP)) {
            assertSame(a, a.loadClass("com.acme.a.OnlyInA").getClassLoader());
            assertThrows(ClassNotFoundException.class, () -> a.loadClass("com.acme.b.OnlyInB"));
            assertThrows(ClassNotFoundException.class, () -> b.loadClass("com.acme.a.OnlyInA"));
        }
    }

    @Test
    void trestleApiComesFromTheParentAsTheSameClass() throws Exception {
        try (PluginClassLoader loader = PluginClassLoader.open(v1, APP)) {
            assertSame(Handler.class, loader.loadClass("io.trestle.Handler"));
            assertSame(Route.class, loader.loadClass("io.trestle.Route"), "the jar's bogus io/trestle/Route.class is ignored");
            Class<?> hello = loader.loadClass("com.acme.plugin.Hello");
            assertTrue(Handler.class.isAssignableFrom(hello));
            assertSame(Route.class, hello.getAnnotation(Route.class).annotationType());
            assertSame(org.slf4j.Logger.class, loader.loadClass("org.slf4j.Logger"));
        }
    }

    @Test
    void jarClassesWinOverTheParentsOtherwiseTheParentIsAsked() throws Exception {
        Path parentJar = TestJars.builder()
                .java("com.acme.lib.Version", "package com.acme.lib; public final class Version {}")
                .java("com.acme.app.AppOnly", "package com.acme.app; public final class AppOnly {}")
                .resource("version.txt", "parent")
                .write(jars.resolve("parent-app.jar"));
        try (URLClassLoader app = new URLClassLoader(new URL[] {parentJar.toUri().toURL()}, APP);
                PluginClassLoader plugin = PluginClassLoader.open(v2, app)) {
            assertSame(plugin, plugin.loadClass("com.acme.lib.Version").getClassLoader());
            assertSame(app, plugin.loadClass("com.acme.app.AppOnly").getClassLoader());

            assertEquals("2.0", read(plugin.getResource("version.txt")));
            List<URL> all = Collections.list(plugin.getResources("version.txt"));
            assertEquals(2, all.size());
            assertEquals("2.0", read(all.get(0)));
            assertEquals("parent", read(all.get(1)));
        }
    }

    @Test
    void theOriginalJarCanBeDeletedWhileLoadedAndTheCopyGoesOnClose() throws Exception {
        Path original = Files.copy(v1, jars.resolve("deletable.jar"));
        PluginClassLoader loader = PluginClassLoader.open(original, APP);
        Path copy = loader.copy();
        assertEquals(original, loader.jar());
        Files.delete(original);
        assertEquals("1.0", whoAmI(loader), "classes not loaded before the delete still load from the copy");
        assertTrue(Files.exists(copy));
        loader.close();
        assertFalse(Files.exists(copy));
    }

    @Test
    void twoLoadersOfOneJarGetTheirOwnOwnerOnlyCopiesAndEachCloseDeletesItsOwn() throws Exception {
        PluginClassLoader first = PluginClassLoader.open(v1, APP);
        PluginClassLoader second = PluginClassLoader.open(v1, APP);
        Path a = first.copy();
        Path b = second.copy();
        try {
            assertNotEquals(a, b);
            assertEquals(Path.of(System.getProperty("java.io.tmpdir")), a.getParent());
            assertTrue(a.getFileName().toString().startsWith("trestle-plugin-"), a.toString());
            assertTrue(a.getFileName().toString().endsWith("-v1.jar"), a.toString());
            assertEquals(Files.size(v1), Files.size(a));
        } finally {
            first.close();
            assertFalse(Files.exists(a));
            assertTrue(Files.exists(b));
            second.close();
            assertFalse(Files.exists(b));
        }
    }

    @Test
    void aNewTempCopyIsEmptyAndNeverAnExistingFile() throws IOException {
        Path one = TempCopies.create("same.jar");
        Path two = TempCopies.create("same.jar");
        try {
            assertNotEquals(one, two);
            assertEquals(0, Files.size(one));
            if (one.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                        Files.getPosixFilePermissions(one), "as Files.createTempFile makes them");
            }
        } finally {
            Files.delete(one);
            Files.delete(two);
        }
    }

    @Test
    void aFileThatIsNoZipIsRefusedAndLeavesNoCopy() throws IOException {
        String name = "broken-" + System.nanoTime() + ".jar";
        Path bad = TestJars.notAZip(jars.resolve(name));
        IOException e = assertThrows(IOException.class, () -> PluginClassLoader.open(bad, APP));
        assertTrue(e.getMessage().contains(name + " is not a readable jar"), e.getMessage());
        try (var leftovers = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertFalse(leftovers.anyMatch(p -> p.getFileName().toString().endsWith(name)));
        }
    }

    @SuppressWarnings("unchecked")
    private static String whoAmI(ClassLoader loader) throws ReflectiveOperationException {
        Object who = loader.loadClass("com.acme.plugin.WhoAmI").getConstructor().newInstance();
        return ((Supplier<String>) who).get();
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

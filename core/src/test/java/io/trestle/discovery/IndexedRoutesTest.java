package io.trestle.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.trestle.discovery.index.RouteIndex;
import io.trestle.fixtures.TestJars;
import io.trestle.testsupport.LogCapture;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index reader against the ClassGraph scan: the same names, or "scan" when it cannot vouch. */
class IndexedRoutesTest {
    @TempDir
    Path dir;

    /** Every way a class becomes a @Route class for the scan, and a few near misses. */
    private static TestJars.Builder tricky() {
        return TestJars.builder()
                .java("com.acme.web.ClassLevel", """
                        package com.acme.web;
                        import io.trestle.*;
                        @Route(path = "/c") @Route(path = "/c2")
                        public final class ClassLevel implements Handler { public void handle(Request q, Response s) {} }""")
                .java("com.acme.web.Base", """
                        package com.acme.web;
                        import io.trestle.*;
                        public abstract class Base {
                            @Route(path = "/b") public void b(Request q, Response s) {}
                            public static class Deeper extends Base {}
                        }""")
                .java("com.acme.web.Sub", "package com.acme.web; public class Sub extends Base.Deeper {}")
                .java("com.acme.web.PrivateOnly", """
                        package com.acme.web;
                        import io.trestle.*;
                        public class PrivateOnly { @Route(path = "/p") private void p(Request q, Response s) {} }""")
                .java("com.acme.web.NotInherited", "package com.acme.web; public class NotInherited extends PrivateOnly {}")
                .java("com.acme.web.Implements", """
                        package com.acme.web;
                        import io.trestle.*;
                        public class Implements implements WithDefault {}
                        interface WithDefault { @Route(path = "/d") default void d(Request q, Response s) {} }""")
                .java("com.acme.web.Outer", """
                        package com.acme.web;
                        import io.trestle.*;
                        public class Outer {
                            Runnable r = new Runnable() { public void run() {} };
                            static final class Hidden { @Route(path = "/h") public void h(Request q, Response s) {} }
                        }""")
                .java("com.acme.web.sub.Deep", """
                        package com.acme.web.sub;
                        import io.trestle.*;
                        @Route(path = "/deep")
                        public final class Deep implements Handler { public void handle(Request q, Response s) {} }""")
                .java("com.acme.other.Elsewhere", """
                        package com.acme.other;
                        import io.trestle.*;
                        @Route(path = "/e")
                        public final class Elsewhere implements Handler { public void handle(Request q, Response s) {} }""");
    }

    @Test
    void anIndexedJarGivesExactlyTheScansNames() throws DiscoveryException {
        Path jar = tricky().routeIndex().write(dir.resolve("tricky.jar"));
        IndexedRoutes.Lookup lookup = IndexedRoutes.find(List.of(jar), List.of());
        assertNull(lookup.reason());
        assertEquals(RouteScanner.scanJar(jar), lookup.names());
        // Base is abstract; NotInherited inherits a private method only; Implements has an interface's
        // default method (ClassGraph counts superclasses only); PrivateOnly and Hidden are listed so that
        // start-up refuses them with a message.
        assertEquals(List.of("com.acme.other.Elsewhere", "com.acme.web.Base$Deeper", "com.acme.web.ClassLevel",
                "com.acme.web.Outer$Hidden", "com.acme.web.PrivateOnly", "com.acme.web.Sub", "com.acme.web.sub.Deep"),
                lookup.names());
    }

    @Test
    void packagesAreFilteredWithTheirSubPackagesAsTheScanDoes() throws Exception {
        Path jar = tricky().routeIndex().write(dir.resolve("tricky.jar"));
        IndexedRoutes.Lookup lookup = IndexedRoutes.find(List.of(jar), List.of("com.acme.web"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertEquals(RouteScanner.scanPackages(loader, List.of("com.acme.web"), List.of(jar)), lookup.names());
        }
        assertTrue(lookup.names().contains("com.acme.web.sub.Deep"));
        assertTrue(!lookup.names().contains("com.acme.other.Elsewhere"));
    }

    @Test
    void aClassFolderWithAnIndexIsReadToo() throws IOException {
        Path jar = tricky().routeIndex().write(dir.resolve("tricky.jar"));
        Path folder = unzip(jar, dir.resolve("classes"));
        IndexedRoutes.Lookup lookup = IndexedRoutes.find(List.of(folder), List.of("com.acme.web.sub"));
        assertEquals(List.of("com.acme.web.sub.Deep"), lookup.names());
    }

    @Test
    void aClassTheIndexDoesNotListMeansScan() throws IOException {
        Path jar = tricky().routeIndex().write(dir.resolve("tricky.jar"));
        Path shaded = dir.resolve("shaded.jar");
        // A dependency compiled without the processor, shaded into the same package.
        Path dependency = TestJars.builder()
                .java("com.acme.web.Shaded", """
                        package com.acme.web;
                        import io.trestle.*;
                        @Route(path = "/s")
                        public final class Shaded implements Handler { public void handle(Request q, Response s) {} }""")
                .write(dir.resolve("dependency.jar"));
        merge(shaded, jar, dependency);
        IndexedRoutes.Lookup lookup = IndexedRoutes.find(List.of(shaded), List.of("com.acme.web"));
        assertNull(lookup.names());
        assertEquals("com.acme.web.Shaded in shaded.jar is not in its @Route index", lookup.reason());
    }

    @Test
    void aJarWithoutAnIndexMeansScan() {
        Path jar = tricky().write(dir.resolve("plain.jar"));
        IndexedRoutes.Lookup lookup = IndexedRoutes.find(List.of(jar), List.of());
        assertNull(lookup.names());
        assertEquals("no @Route index in plain.jar", lookup.reason());
    }

    @Test
    void anElementWithoutClassesInTheScannedPackagesNeedsNoIndex() {
        Path indexed = TestJars.builder().java("com.acme.web.A", """
                package com.acme.web;
                import io.trestle.*;
                @Route(path = "/a")
                public final class A implements Handler { public void handle(Request q, Response s) {} }""")
                .routeIndex().write(dir.resolve("a.jar"));
        Path resourcesOnly = TestJars.builder().resource("com/acme/web/readme.txt", "no classes here").write(dir.resolve("r.jar"));
        assertEquals(List.of("com.acme.web.A"), IndexedRoutes.find(List.of(resourcesOnly, indexed), List.of("com.acme.web")).names());
    }

    @Test
    void anAnonymousClassThatInheritsRoutesMeansScan() throws DiscoveryException {
        Path jar = TestJars.builder()
                .java("com.acme.Base", """
                        package com.acme;
                        import io.trestle.*;
                        public abstract class Base { @Route(path = "/b") public void b(Request q, Response s) {} }""")
                .java("com.acme.Maker", "package com.acme; public class Maker { Object o = new Base() {}; }")
                .routeIndex().write(dir.resolve("anon.jar"));
        IndexedRoutes.Lookup lookup = IndexedRoutes.find(List.of(jar), List.of());
        assertNull(lookup.names());
        assertEquals("local or anonymous class com.acme.Maker$1 may have @Route methods", lookup.reason());
        assertEquals(List.of("com.acme.Maker$1"), RouteScanner.scanJar(jar), "the scan finds it (and start-up refuses it)");
    }

    @Test
    void aMalformedIndexIsLoggedAndMeansScan() throws IOException {
        Path jar = jarWithMalformedIndex("bad.jar");
        LogCapture log = LogCapture.of(IndexedRoutes.class, Level.WARN);
        try (log) {
            IndexedRoutes.Lookup lookup = IndexedRoutes.find(List.of(jar), List.of());
            assertNull(lookup.names());
            assertEquals("malformed @Route index in bad.jar", lookup.reason());
        }
        String warning = log.messages(Level.WARN).stream().findFirst().orElse(null);
        assertNotNull(warning, "a WARN says why the index is not used");
        assertTrue(warning.contains("unreadable @Route index"), warning);
    }

    @Test
    void aPluginJarIsNamedAsTheUserKnowsItNotAsItsPrivateCopy() throws IOException {
        Path copy = jarWithMalformedIndex("trestle-plugin-copy-8731.jar");
        LogCapture log = LogCapture.of(IndexedRoutes.class, Level.WARN);
        try (log) {
            IndexedRoutes.Lookup lookup = IndexedRoutes.findInPluginJar(copy, "acme-shop.jar");
            assertEquals("malformed @Route index in acme-shop.jar", lookup.reason());
        }
        String warning = log.messages(Level.WARN).stream().findFirst().orElseThrow();
        assertTrue(warning.startsWith("acme-shop.jar: unreadable @Route index"), warning);
        assertFalse(warning.contains("copy-8731"), warning);
        Path plain = TestJars.builder().java("com.acme.B", "package com.acme; public class B {}").write(dir.resolve("copy-2.jar"));
        assertEquals("no @Route index in acme-tools.jar", IndexedRoutes.findInPluginJar(plain, "acme-tools.jar").reason());
    }

    /** A jar with one class and an index whose second line is no index line. */
    private Path jarWithMalformedIndex(String fileName) throws IOException {
        return TestJars.builder().java("com.acme.A", "package com.acme; public class A {}")
                .resource(RouteIndex.PATH, "# trestle-route-index 1\nthis is not an index line\n")
                .write(dir.resolve(fileName));
    }

    static Path unzip(Path jar, Path folder) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                Path target = folder.resolve(entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.write(target, zip.getInputStream(entry).readAllBytes());
                }
            }
        }
        return folder;
    }

    /** Writes {@code target} with the entries of {@code jars}, the first one's winning. */
    static void merge(Path target, Path... jars) throws IOException {
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path jar : jars) {
                try (ZipFile in = new ZipFile(jar.toFile())) {
                    for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements();) {
                        ZipEntry entry = e.nextElement();
                        if (seen.add(entry.getName())) {
                            zip.putNextEntry(new ZipEntry(entry.getName()));
                            zip.write(in.getInputStream(entry).readAllBytes());
                            zip.closeEntry();
                        }
                    }
                }
            }
        }
    }
}

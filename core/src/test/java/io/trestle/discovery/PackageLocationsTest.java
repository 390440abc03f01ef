package io.trestle.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.discovery.fixtures.app.HelloHandler;
import io.trestle.fixtures.TestJars;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageLocationsTest {
    private static final ClassLoader APP = PackageLocationsTest.class.getClassLoader();

    @TempDir
    Path dir;

    @Test
    void aFolderElementIsTheFolderAboveThePackage() throws Exception {
        Path expected = Path.of(HelloHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertEquals(List.of(expected), PackageLocations.of(APP, List.of("io.trestle.discovery.fixtures.app")));
    }

    @Test
    void aJarElementIsTheJarAndItsPackagesAreScannedThere() throws Exception {
        Path jar = TestJars.builder()
                .java("com.app.web.Page", """
                        package com.app.web;
                        import io.trestle.*;
                        @Route(path = "/page")
                        public final class Page implements Handler { public void handle(Request q, Response s) {} }""")
                .write(dir.resolve("app with space.jar"));
        try (URLClassLoader app = new URLClassLoader(new URL[] {jar.toUri().toURL()}, APP)) {
            // TestJars writes no directory entries, like some build tools: the loader cannot say.
            assertNull(PackageLocations.of(app, List.of("com.app.web")));
            DiscoveredSource source = Sources.classpath(app, List.of("com.app"));
            assertEquals(List.of("com.app.web.Page"), source.handlerClasses().stream().map(Class::getName).toList(),
                    "found by the fallback scan of the whole class path");
        }
    }

    @Test
    void aJarWithDirectoryEntriesIsLocatedAndScannedAlone() throws Exception {
        Path jar = TestJars.builder()
                .java("com.app.web.Page", """
                        package com.app.web;
                        import io.trestle.*;
                        @Route(path = "/page")
                        public final class Page implements Handler { public void handle(Request q, Response s) {} }""")
                .directoryEntries()
                .write(dir.resolve("app with space.jar"));
        try (URLClassLoader app = new URLClassLoader(new URL[] {jar.toUri().toURL()}, APP)) {
            assertEquals(List.of(jar), PackageLocations.of(app, List.of("com.app.web")));
            assertEquals(List.of(jar), PackageLocations.of(app, List.of("com.app")));
            DiscoveredSource source = Sources.classpath(app, List.of("com.app"));
            assertEquals(List.of("com.app.web.Page"), source.handlerClasses().stream().map(Class::getName).toList());
        }
    }

    @Test
    void aPackageNoElementHoldsCannotBeLocated() {
        assertNull(PackageLocations.of(APP, List.of("io.trestle.discovery.fixtures.app", "com.nowhere.at.all")));
    }

    @Test
    void jarsWithDirectoryEntriesAnswerForTheirPackages() throws Exception {
        Path classpathJar = Path.of(org.slf4j.Logger.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> found = PackageLocations.of(APP, List.of("org.slf4j.event"));
        assertTrue(found != null && found.contains(classpathJar), String.valueOf(found));
    }
}

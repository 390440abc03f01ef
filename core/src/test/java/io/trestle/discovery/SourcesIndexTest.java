package io.trestle.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.trestle.Config;
import io.trestle.discovery.index.RouteIndex;
import io.trestle.fixtures.TestJars;
import io.trestle.testsupport.LogCapture;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery with @Route indexes: the same sources as with the scan, and the log says which way. */
class SourcesIndexTest {
    private static final ClassLoader APP = SourcesIndexTest.class.getClassLoader();

    @TempDir
    Path dir;

    private LogCapture log;

    @BeforeEach
    void capture() {
        log = LogCapture.of(Sources.class, Level.DEBUG);
    }

    @AfterEach
    void release() {
        log.close();
    }

    private String line(String... parts) {
        String line = log.find(parts);
        assertNotNull(line, "no log line with " + List.of(parts) + " in " + log.lines());
        return line;
    }

    private static TestJars.Builder sources() {
        return TestJars.builder()
                .java("com.acme.idx.Hello", """
                        package com.acme.idx;
                        import io.trestle.*;
                        @Route(path = "/idx/hello")
                        public final class Hello implements Handler { public void handle(Request q, Response s) { s.text("hi"); } }""")
                .java("com.acme.idx.Api", """
                        package com.acme.idx;
                        import io.trestle.*;
                        public final class Api {
                            @Route(path = "/idx/a") @Route(path = "/idx/b") public void a(Request q, Response s) {}
                        }""")
                .java("com.acme.idx.Helper", "package com.acme.idx; public final class Helper { public Helper(int x) {} }");
    }

    @Test
    void aPluginJarWithAndWithoutAnIndexGivesTheSameHandlers() throws DiscoveryException {
        List<String> indexed;
        List<String> scanned;
        try (DiscoveredSource source = Sources.jar(sources().routeIndex().write(dir.resolve("indexed.jar")), APP)) {
            indexed = source.handlerClasses().stream().map(Class::getName).toList();
        }
        try (DiscoveredSource source = Sources.jar(sources().write(dir.resolve("plain.jar")), APP)) {
            scanned = source.handlerClasses().stream().map(Class::getName).toList();
        }
        assertEquals(List.of("com.acme.idx.Api", "com.acme.idx.Hello"), indexed);
        assertEquals(scanned, indexed);
        assertTrue(line("indexed.jar: @Route index took").endsWith("2 @Route classes"), line("indexed.jar: @Route index took"));
        assertTrue(line("plain.jar: ClassGraph scan (no @Route index in ").endsWith("2 @Route classes"));
    }

    @Test
    void aPluginJarsLoadLineSaysWhetherItsIndexWasUsedOrTheJarWasScanned() throws DiscoveryException {
        try (LogCapture info = LogCapture.of(Sources.class, Level.INFO)) {
            Sources.jar(sources().routeIndex().write(dir.resolve("indexed.jar")), APP).close();
            Sources.jar(sources().write(dir.resolve("plain.jar")), APP).close();
            List<String> lines = info.messages(Level.INFO);
            assertTrue(lines.stream().anyMatch(l -> l.matches(
                    "plugin jar indexed\\.jar: no plugins, 2 handler classes, no filters in \\d+ ms \\(routes from its @Route index\\)")),
                    lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.matches("plugin jar plain\\.jar: no plugins, 2 handler classes, no filters "
                    + "in \\d+ ms \\(routes by ClassGraph scan: no @Route index in plain\\.jar\\)")), lines.toString());
        }
    }

    @Test
    void aStaleEntryWithoutRouteIsSkippedAsIfTheScanHadNotListedIt() throws Exception {
        // Helper lost its @Route (and its no-argument constructor) after the index was written.
        String stale = """
                # trestle-route-index 1
                com.acme.idx.Api class mn java.lang.Object
                com.acme.idx.Hello class a java.lang.Object
                com.acme.idx.Helper class a java.lang.Object
                """;
        Path jar = sources().resource(RouteIndex.PATH, stale).write(dir.resolve("stale.jar"));
        try (DiscoveredSource source = Sources.jar(jar, APP)) {
            assertEquals(List.of("com.acme.idx.Api", "com.acme.idx.Hello"),
                    source.handlerClasses().stream().map(Class::getName).toList());
            SourceInstaller.install(source, Config.of(Map.of()));
            RoutesLog routes = new RoutesLog();
            source.recorded().replayInto(routes);
            assertEquals(List.of("annotated com.acme.idx.Api", "annotated com.acme.idx.Hello"), routes.lines);
        }
        line("skipping com.acme.idx.Helper: the @Route index lists it, but it has no @Route");
        assertTrue(line("stale.jar: @Route index took").endsWith("2 @Route classes"));
    }

    @Test
    void theClassPathUsesTheIndexesOfItsFoldersAndJars() throws Exception {
        Path jar = sources().routeIndex().directoryEntries().write(dir.resolve("app.jar"));
        Path folder = IndexedRoutesTest.unzip(TestJars.builder().java("com.acme.idx.sub.More", """
                package com.acme.idx.sub;
                import io.trestle.*;
                @Route(path = "/idx/more")
                public final class More implements Handler { public void handle(Request q, Response s) {} }""")
                .routeIndex().write(dir.resolve("more.jar")), dir.resolve("classes"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {folder.toUri().toURL(), jar.toUri().toURL()}, APP)) {
            DiscoveredSource source = Sources.classpath(loader, List.of("com.acme.idx"));
            assertEquals(List.of("com.acme.idx.Api", "com.acme.idx.Hello", "com.acme.idx.sub.More"),
                    source.handlerClasses().stream().map(Class::getName).toList());
            assertEquals(RouteScanner.scanPackages(loader, List.of("com.acme.idx")),
                    source.handlerClasses().stream().map(Class::getName).toList());
        }
        line("classpath: @Route index took");
    }
}

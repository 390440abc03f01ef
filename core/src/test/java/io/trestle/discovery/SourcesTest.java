package io.trestle.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Handler;
import io.trestle.Plugin;
import io.trestle.discovery.fixtures.Probe;
import io.trestle.discovery.fixtures.app.HelloHandler;
import io.trestle.discovery.fixtures.app.TwoPaths;
import io.trestle.discovery.fixtures.app.UsersApi;
import io.trestle.fixtures.TestJars;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Phase one: what a source is found to contain, before anything is installed. */
class SourcesTest {
    private static final Logger LOG = LoggerFactory.getLogger(SourcesTest.class);
    private static final ClassLoader APP = SourcesTest.class.getClassLoader();

    @TempDir
    Path dir;

    @BeforeEach
    void clearProbe() {
        Probe.clear();
    }

    @Test
    void aJarsServiceEntriesAndRouteClassesAreFound() throws DiscoveryException {
        try (DiscoveredSource source = Sources.jar(PluginJars.good(dir, "good"), APP)) {
            assertEquals("good.jar", source.name());
            assertInstanceOf(PluginClassLoader.class, source.classLoader());
            assertEquals(List.of("com.acme.good.GoodPlugin"), classNames(source.plugins()));
            assertEquals(List.of("com.acme.good.GoodFilter"), classNames(source.filters()));
            // ServiceLoader's handler first, then the scan's classes by name; Listed is in both, kept once.
            assertEquals(List.of("com.acme.good.Listed", "com.acme.good.Api", "com.acme.good.Hello"),
                    source.handlerClasses().stream().map(Class::getName).toList());
            assertEquals(List.of("good-greeting"), source.settings().stream().map(s -> s.name()).toList());
            assertEquals(List.of("create-plugin good"), Probe.events(), "handlers are not created in phase one");
            assertFalse(source.installed());
        }
    }

    @Test
    void theScanFindsClassLevelMethodLevelAndRepeatedRoutesInAJar() throws DiscoveryException {
        Path jar = TestJars.builder()
                .java("com.acme.scan.ClassLevel", """
                        package com.acme.scan;
                        import io.trestle.*;
                        @Route(path = "/c")
                        public final class ClassLevel implements Handler { public void handle(Request q, Response s) {} }""")
                .java("com.acme.scan.RepeatedClassLevel", """
                        package com.acme.scan;
                        import io.trestle.*;
                        @Route(path = "/r1") @Route(path = "/r2")
                        public final class RepeatedClassLevel implements Handler { public void handle(Request q, Response s) {} }""")
                .java("com.acme.scan.MethodLevel", """
                        package com.acme.scan;
                        import io.trestle.*;
                        public final class MethodLevel {
                            @Route(path = "/m") public void m(Request q, Response s) {}
                        }""")
                .java("com.acme.scan.RepeatedMethodLevel", """
                        package com.acme.scan;
                        import io.trestle.*;
                        public final class RepeatedMethodLevel {
                            @Route(path = "/rm1") @Route(path = "/rm2") public void m(Request q, Response s) {}
                        }""")
                .java("com.acme.scan.AbstractBase", """
                        package com.acme.scan;
                        import io.trestle.*;
                        public abstract class AbstractBase {
                            @Route(path = "/abstract") public void m(Request q, Response s) {}
                        }""")
                .java("com.acme.scan.Plain", "package com.acme.scan; public final class Plain {}")
                .write(dir.resolve("scan.jar"));
        try (DiscoveredSource source = Sources.jar(jar, APP)) {
            assertEquals(List.of("com.acme.scan.ClassLevel", "com.acme.scan.MethodLevel", "com.acme.scan.RepeatedClassLevel",
                    "com.acme.scan.RepeatedMethodLevel"), source.handlerClasses().stream().map(Class::getName).toList());
            for (Class<?> c : source.handlerClasses()) {
                assertSame(source.classLoader(), c.getClassLoader());
            }
        }
    }

    @Test
    void theClassPathScanCoversOnlyTheConfiguredPackages() throws DiscoveryException {
        long first = System.nanoTime();
        DiscoveredSource source = Sources.classpath(APP, List.of("io.trestle.discovery.fixtures.app"));
        long firstMs = (System.nanoTime() - first) / 1_000_000;
        assertEquals(DiscoveredSource.CLASSPATH, source.name());
        assertSame(APP, source.classLoader());
        assertEquals(List.of(HelloHandler.class, TwoPaths.class, UsersApi.class), source.handlerClasses(),
                "the abstract class and the clash package are left out");

        long warm = System.nanoTime();
        Sources.classpath(APP, List.of("io.trestle.discovery.fixtures.app"));
        long warmMs = (System.nanoTime() - warm) / 1_000_000;
        LOG.info("class path discovery of one package: {} ms in this JVM's first scan (if first), {} ms warm", firstMs, warmMs);
        assertTrue(warmMs < 10_000, "a warm package scan takes well under 10 s, took " + warmMs + " ms");
    }

    @Test
    void noPackagesMeansNoScan() throws DiscoveryException {
        DiscoveredSource source = Sources.classpath(APP, List.of());
        assertEquals(List.of(), source.handlerClasses());
    }

    @Test
    void aJarDoesNotFindTheApplicationsProvidersAgain() throws Exception {
        Path appJar = TestJars.builder()
                .java("com.app.AppPlugin", """
                        package com.app;
                        public final class AppPlugin implements io.trestle.Plugin {
                            public void install(io.trestle.Routes r, io.trestle.Config c) {}
                        }""")
                .java("com.app.AppHandler", """
                        package com.app;
                        import io.trestle.*;
                        @Route(path = "/app")
                        public final class AppHandler implements Handler { public void handle(Request q, Response s) {} }""")
                .service(Plugin.class, "com.app.AppPlugin")
                .service(Handler.class, "com.app.AppHandler")
                .write(dir.resolve("app.jar"));
        try (URLClassLoader app = new URLClassLoader(new URL[] {appJar.toUri().toURL()}, APP)) {
            DiscoveredSource classpath = Sources.classpath(app, List.of());
            assertEquals(List.of("com.app.AppPlugin"), classNames(classpath.plugins()));
            assertEquals(List.of("com.app.AppHandler"), classpath.handlerClasses().stream().map(Class::getName).toList());
            try (DiscoveredSource jar = Sources.jar(PluginJars.good(dir, "own"), app)) {
                assertEquals(List.of("com.acme.own.GoodPlugin"), classNames(jar.plugins()));
                assertEquals(List.of("com.acme.own.Listed", "com.acme.own.Api", "com.acme.own.Hello"),
                        jar.handlerClasses().stream().map(Class::getName).toList());
            }
        }
    }

    static Stream<Arguments> brokenJars() {
        return Stream.of(
                broken("not a zip", (dir, name) -> TestJars.notAZip(dir.resolve(name + ".jar")), "is not a readable jar"),
                broken("service entry names a missing class", PluginJars::missingServiceClass, "com.acme.Missing"),
                broken("plugin constructor throws", (dir, name) -> PluginJars.throwingPlugin(dir, name, "constructor"),
                        "boom in constructor"),
                broken("plugin settings() throws", (dir, name) -> PluginJars.throwingPlugin(dir, name, "settings"),
                        "plugin com.acme.Throwing failed to list its settings: UnsupportedOperationException: boom in settings"),
                broken("plugin's superclass missing", PluginJars::missingLibrary, "com/acme/lib/BasePlugin"),
                broken("plugin class file is garbage", (dir, name) -> TestJars.builder()
                        .resource("com/acme/Garbage.class", "not a class file")
                        .service(Plugin.class, "com.acme.Garbage")
                        .write(dir.resolve(name + ".jar")), "ClassFormatError"));
    }

    private static Arguments broken(String what, BiFunction<Path, String, Path> jar, String reason) {
        return Arguments.of(what, jar, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenJars")
    void aBrokenJarFailsWithItsReasonAndLeavesNoCopyBehind(String what, BiFunction<Path, String, Path> build, String reason)
            throws IOException {
        String name = "broken-" + System.nanoTime();
        Path jar = build.apply(dir, name);
        DiscoveryException e = assertThrows(DiscoveryException.class, () -> Sources.jar(jar, APP));
        assertTrue(e.getMessage().contains(reason), what + ": " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        try (Stream<Path> temp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertFalse(temp.anyMatch(p -> p.getFileName().toString().endsWith(name + ".jar")), "copy of " + name + " deleted");
        }
    }

    @Test
    void pluginsAlreadyCreatedAreClosedWhenALaterProviderFails() {
        Path jar = TestJars.builder()
                .java("com.acme.First", """
                        package com.acme;
                        import io.trestle.*;
                        import io.trestle.discovery.fixtures.Probe;
                        public final class First implements Plugin {
                            public void install(Routes routes, Config config) {}
                            public void close() { Probe.record("close First"); }
                        }""")
                .java("com.acme.BadFilter", """
                        package com.acme;
                        import io.trestle.*;
                        public final class BadFilter implements Filter {
                            public BadFilter() { throw new IllegalStateException("no filter today"); }
                            public void filter(Request q, Response s, Chain c) {}
                        }""")
                .service(Plugin.class, "com.acme.First")
                .service(io.trestle.Filter.class, "com.acme.BadFilter")
                .write(dir.resolve("half.jar"));
        DiscoveryException e = assertThrows(DiscoveryException.class, () -> Sources.jar(jar, APP));
        assertTrue(e.getMessage().contains("com.acme.BadFilter could not be created: IllegalStateException: no filter today"),
                e.getMessage());
        assertEquals(List.of("close First"), Probe.events());
    }

    private static List<String> classNames(List<?> objects) {
        return objects.stream().map(o -> o.getClass().getName()).toList();
    }
}

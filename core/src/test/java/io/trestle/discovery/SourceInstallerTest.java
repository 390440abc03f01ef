package io.trestle.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Config;
import io.trestle.Handler;
import io.trestle.Method;
import io.trestle.Plugin;
import io.trestle.discovery.fixtures.Probe;
import io.trestle.discovery.fixtures.app.HelloHandler;
import io.trestle.fixtures.TestJars;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Phase two: handlers created and everything registered, recorded for replay. */
class SourceInstallerTest {
    private static final ClassLoader APP = SourceInstallerTest.class.getClassLoader();

    @TempDir
    Path dir;

    @BeforeEach
    void clearProbe() {
        Probe.clear();
    }

    @Test
    void handlersPluginsAndFiltersAreRegisteredInOrderWithTheConfig() throws DiscoveryException {
        try (DiscoveredSource source = Sources.jar(PluginJars.good(dir, "good"), APP)) {
            Probe.clear();
            SourceInstaller.install(source, Config.of(Map.of("good-greeting", "howdy")));
            assertTrue(source.installed());
            assertEquals(List.of("create-listed good", "create-hello good howdy", "install good"), Probe.events());

            RoutesLog log = new RoutesLog();
            source.recorded().replayInto(log);
            assertEquals(List.of(
                    "annotated com.acme.good.Listed",
                    "annotated com.acme.good.Api",
                    "annotated com.acme.good.Hello",
                    "add [GET] /good/ping -1",
                    "filter com.acme.good.GoodFilter"), log.lines);
            assertSame(source.filters().get(0), log.filters.get(0));

            RoutesLog again = new RoutesLog();
            source.recorded().replayInto(again);
            assertEquals(log.lines, again.lines, "a replay repeats the same registrations");
            assertSame(log.annotated.get(2), again.annotated.get(2), "with the same objects");
            assertEquals(3, Probe.events().size(), "replays create nothing and run no install");
        }
    }

    @Test
    void theClassPathFixturesGetTheirConfigConstructor() throws DiscoveryException {
        DiscoveredSource source = Sources.classpath(APP, List.of("io.trestle.discovery.fixtures.app"));
        SourceInstaller.install(source, Config.of(Map.of("greeting", "bonjour")));
        RoutesLog log = new RoutesLog();
        source.recorded().replayInto(log);
        HelloHandler hello = assertInstanceOf(HelloHandler.class, log.annotated.get(0));
        assertEquals("bonjour", hello.greeting());
        assertEquals(3, log.annotated.size());
    }

    @Test
    void aClassThatIsBothAPluginAndARouteClassIsCreatedOnce() throws DiscoveryException {
        Path jar = TestJars.builder()
                .java("com.acme.Both", """
                        package com.acme;
                        import io.trestle.*;
                        import io.trestle.discovery.fixtures.Probe;
                        public final class Both implements Plugin {
                            public Both() { Probe.record("create Both"); }
                            public void install(Routes routes, Config config) { Probe.record("install Both"); }
                            @Route(path = "/both") public void get(Request q, Response s) {}
                        }""")
                .java("com.acme.Twice", """
                        package com.acme;
                        import io.trestle.*;
                        import io.trestle.discovery.fixtures.Probe;
                        @Route(path = "/twice")
                        public final class Twice implements Handler {
                            public Twice() { Probe.record("create Twice"); }
                            public void handle(Request q, Response s) {}
                        }""")
                .service(Plugin.class, "com.acme.Both")
                .service(Handler.class, "com.acme.Twice")
                .write(dir.resolve("both.jar"));
        try (DiscoveredSource source = Sources.jar(jar, APP)) {
            assertEquals(List.of("com.acme.Twice", "com.acme.Both"), source.handlerClasses().stream().map(Class::getName).toList());
            SourceInstaller.install(source, Config.empty());
            RoutesLog log = new RoutesLog();
            source.recorded().replayInto(log);
            assertEquals(List.of("create Both", "create Twice", "install Both"), Probe.events());
            assertSame(source.plugins().get(0), log.annotated.get(1), "the plugin object carries its @Route methods");
        }
    }

    @Test
    void pluginCodeRunsWithThePluginsLoaderAsContextClassLoader() throws DiscoveryException {
        Path jar = TestJars.builder()
                .java("com.acme.Context", """
                        package com.acme;
                        import io.trestle.*;
                        import io.trestle.discovery.fixtures.Probe;
                        public final class Context implements Plugin {
                            public Context() { check("constructor"); }
                            public void install(Routes routes, Config config) { check("install"); }
                            public void close() { check("close"); }
                            private void check(String step) {
                                Probe.record(step + " " + (Thread.currentThread().getContextClassLoader() == getClass().getClassLoader()));
                            }
                        }""")
                .service(Plugin.class, "com.acme.Context")
                .write(dir.resolve("context.jar"));
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (DiscoveredSource source = Sources.jar(jar, APP)) {
            SourceInstaller.install(source, Config.empty());
            assertSame(before, Thread.currentThread().getContextClassLoader(), "restored after each call");
        }
        assertEquals(List.of("constructor true", "install true", "close true"), Probe.events());
        assertSame(before, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void aFailingInstallNamesThePluginAndTheCause() throws DiscoveryException {
        try (DiscoveredSource source = Sources.jar(PluginJars.throwingPlugin(dir, "bad", "install"), APP)) {
            DiscoveryException e = assertThrows(DiscoveryException.class, () -> SourceInstaller.install(source, Config.empty()));
            assertEquals("plugin com.acme.Throwing failed to install: IllegalStateException: boom in install", e.getMessage());
            assertTrue(!source.installed());
        }
        assertEquals(List.of("close bad"), Probe.events(), "closing the source closes its plugins");
    }

    @Test
    void aFailingHandlerConstructorNamesTheClass() throws DiscoveryException {
        try (DiscoveredSource source = Sources.jar(PluginJars.throwingHandler(dir, "fragile"), APP)) {
            DiscoveryException e = assertThrows(DiscoveryException.class, () -> SourceInstaller.install(source, Config.empty()));
            assertEquals("the constructor of com.acme.Fragile failed: IllegalArgumentException: fragile constructor", e.getMessage());
        }
    }

    @Test
    void replayBeforeInstallIsAnError() throws DiscoveryException {
        DiscoveredSource source = Sources.classpath(APP, List.of());
        assertThrows(IllegalStateException.class, () -> source.replayInto(new io.trestle.routing.RouteCollector()));
    }

    @Test
    void recordedRoutesRepeatEveryKindOfRegistration() {
        RecordedRoutes recorded = new RecordedRoutes();
        Handler h = (req, res) -> { };
        recorded.get("/a", h)
                .post("/b", h)
                .add(Set.of(Method.PUT, Method.PATCH), "/c", h, 1024)
                .filter("/d/{rest...}", 5, (req, res, chain) -> chain.proceed())
                .exception(IllegalStateException.class, (e, req, res) -> res.error(409, e.getMessage()))
                .errorPage(404, h);
        RoutesLog log = new RoutesLog();
        recorded.replayInto(log);
        assertEquals(6, recorded.size());
        assertEquals(List.of("add [GET] /a -1", "add [POST] /b -1", "add [PUT, PATCH] /c 1024", "filter /d/{rest...} 5",
                "exception java.lang.IllegalStateException", "errorPage 404"), log.lines);
    }
}

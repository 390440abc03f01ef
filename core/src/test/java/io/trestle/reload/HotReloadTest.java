package io.trestle.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Plugin;
import io.trestle.discovery.Sources;
import io.trestle.discovery.fixtures.Probe;
import io.trestle.fixtures.TestJars;
import io.trestle.testsupport.LogCapture;
import java.lang.ref.WeakReference;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Jars dropped into, replaced in and removed from a running server's plugins folder, over real sockets. */
class HotReloadTest {
    private static final String JSON_V1 = "{\"version\":\"v1\",\"name\":\"ana\"}";
    private static final Duration LOG_WAIT = Duration.ofSeconds(15);

    @TempDir
    Path plugins;

    @BeforeEach
    void clearProbe() {
        Probe.clear();
    }

    @Test
    void aJarDroppedInGoesLiveAndItsRemovalTakesItsRoutesAwayAndReleasesItsLoader() throws Exception {
        try (ReloadRig rig = ReloadRig.start(plugins); LogCapture log = LogCapture.of(HotDeployer.class);
             LogCapture loads = LogCapture.of(Sources.class)) {
            assertEquals(404, rig.get("/swap/ana").statusCode());

            ReloadJars.moveInto(plugins.resolve("swap.jar"), ReloadJars.swapJar("v1"));
            assertEquals(JSON_V1, rig.await("/swap/ana", r -> r.statusCode() == 200).body());
            assertNotNull(loads.find("INFO plugin jar swap.jar: 1 plugin, ", "(routes by ClassGraph scan: no @Route index in swap.jar)"),
                    "the load line says the jar was scanned, and why: " + loads.lines());
            assertEquals("v1", rig.get("/swap-plugin/version").body(), "the plugin's code route is live too");
            assertEquals("v1", rig.get("/slow/0").body(), "and its method-level route");
            assertNotNull(log.find("INFO plugin jar swap.jar deployed", "+ GET /swap/{name} com.acme.swap.Greeter (swap.jar)"),
                    log.lines().toString());
            WeakReference<ClassLoader> loader = new WeakReference<>(rig.loaderOf("swap.jar"));
            assertNotNull(loader.get());

            Files.delete(plugins.resolve("swap.jar"));
            rig.await("/swap/ana", r -> r.statusCode() == 404);
            assertEquals(404, rig.get("/swap-plugin/version").statusCode());
            awaitEvent("close swap v1");
            assertNotNull(log.find("plugin jar swap.jar removed", "- GET /swap/{name} com.acme.swap.Greeter (swap.jar)"),
                    log.lines().toString());
            assertEquals(List.of(), rig.deployment.webResources().folders(), "its web files are gone with it");
            assertEquals(List.of(), Collected.awaitAll(List.of(loader)), "the removed jar's class loader is collected");
        }
    }

    @Test
    void aReplacedJarIsCheckedFirstThenSwappedAndTheOldVersionClosedAfterwards() throws Exception {
        ReloadJars.moveInto(plugins.resolve("swap.jar"), ReloadJars.swapJar("v1"));
        try (ReloadRig rig = ReloadRig.start(plugins); LogCapture log = LogCapture.of(HotDeployer.class)) {
            assertEquals(JSON_V1, rig.get("/swap/ana").body(), "deployed at start-up");
            Path oldWeb = rig.deployment.webResources().folders().get(0).path();
            assertEquals("page v1", Files.readString(oldWeb.resolve("swap/page.txt")));

            ReloadJars.writeInPlace(plugins.resolve("swap.jar"), ReloadJars.swapJar("v2"));
            assertEquals("{\"version\":\"v2\",\"name\":\"ana\"}", rig.await("/swap/ana", r -> r.body().contains("v2")).body());
            awaitEvent("close swap v1");
            List<String> events = Probe.events();
            assertTrue(events.indexOf("install swap v2") < events.indexOf("close swap v1"),
                    "the new version is installed before the old one is closed: " + events);
            assertNotNull(log.find("plugin jar swap.jar replaced", "route table unchanged (3 routes)"), log.lines().toString());
            Path newWeb = rig.deployment.webResources().folders().get(0).path();
            assertEquals("page v2", Files.readString(newWeb.resolve("swap/page.txt")));
            assertFalse(Files.exists(oldWeb), "the old version's web files are deleted");
        }
    }

    @Test
    void aRequestRunningDuringTheSwapFinishesOnTheOldCodeBeforeTheOldPluginIsClosed() throws Exception {
        ReloadJars.moveInto(plugins.resolve("swap.jar"), ReloadJars.swapJar("v1"));
        try (ReloadRig rig = ReloadRig.start(plugins)) {
            CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> rig.get("/slow/5000"));
            awaitEvent("slow-start v1");

            ReloadJars.moveInto(plugins.resolve("swap.jar"), ReloadJars.swapJar("v2"));
            rig.await("/swap/ana", r -> r.body().contains("v2"));
            assertFalse(slow.isDone(), "the new version serves while the old request still runs");

            HttpResponse<String> old = slow.join();
            assertEquals(200, old.statusCode());
            assertEquals("v1", old.body(), "the running request finished on the old code");
            awaitEvent("close swap v1");
            List<String> events = Probe.events();
            assertTrue(events.indexOf("slow-end v1") < events.indexOf("close swap v1"),
                    "the old plugin is closed only after its last request: " + events);
        }
    }

    /** Broken new versions, each refused while the old version keeps serving. */
    @ParameterizedTest
    @ValueSource(strings = {"not a zip", "install throws", "missing class", "web file escapes"})
    void aBrokenNewVersionIsRefusedAndTheOldOneKeepsServing(String kind) throws Exception {
        ReloadJars.moveInto(plugins.resolve("swap.jar"), ReloadJars.swapJar("v1"));
        try (ReloadRig rig = ReloadRig.start(plugins); LogCapture log = LogCapture.of(HotDeployer.class)) {
            broken(kind, plugins.resolve("swap.jar"));
            String refused = log.awaitLine(LOG_WAIT, "WARN plugin jar swap.jar refused");
            assertTrue(refused.endsWith("the version in service keeps serving"), refused);
            assertEquals(JSON_V1, rig.get("/swap/ana").body());
            assertFalse(Probe.events().contains("close swap v1"), Probe.events().toString());

            ReloadJars.moveInto(plugins.resolve("swap.jar"), ReloadJars.swapJar("v2"));
            rig.await("/swap/ana", r -> r.body().contains("v2"));
        }
    }

    @Test
    void aJarWhoseRoutesClashWithAnotherJarsIsRefusedWithBothNamed() throws Exception {
        ReloadJars.moveInto(plugins.resolve("swap.jar"), ReloadJars.swapJar("v1"));
        try (ReloadRig rig = ReloadRig.start(plugins); LogCapture log = LogCapture.of(HotDeployer.class)) {
            writeJar(plugins.resolve("clash.jar"), b -> b
                    .java("com.acme.clash.Other", route("com.acme.clash", "Other", "/clash/only"))
                    .java("com.acme.clash.Claim", route("com.acme.clash", "Claim", "/swap/{who}")));
            String refused = log.awaitLine(LOG_WAIT, "WARN plugin jar clash.jar refused");
            assertTrue(refused.contains("GET /swap/{} is claimed by com.acme.clash.Claim (clash.jar) and com.acme.swap.Greeter (swap.jar)"),
                    refused);
            assertTrue(refused.endsWith("it is not deployed"), refused);
            assertEquals(404, rig.get("/clash/only").statusCode(), "nothing of a refused jar is served");
            assertEquals(JSON_V1, rig.get("/swap/ana").body());
        }
    }

    @Test
    void aJarStillBeingCopiedIsNotLoadedUntilComplete() throws Exception {
        byte[] whole = ReloadJars.swapJar("v1");
        try (ReloadRig rig = ReloadRig.start(plugins); LogCapture log = LogCapture.of(HotDeployer.class)) {
            Path jar = plugins.resolve("swap.jar");
            Files.write(jar, Arrays.copyOf(whole, whole.length / 2));
            Thread.sleep(ReloadRig.SETTLE.toMillis() * 5);
            assertEquals(404, rig.get("/swap/ana").statusCode(), "half a jar is not loaded");
            assertNull(log.find("refused"), "nor refused while it may still grow: " + log.lines());

            Files.write(jar, whole);
            assertEquals(JSON_V1, rig.await("/swap/ana", r -> r.statusCode() == 200).body());
            assertNull(log.find("refused"), log.lines().toString());
        }
    }

    @Test
    void aRefusedJarIsNotRetriedUntilItChanges() throws Exception {
        try (ReloadRig rig = ReloadRig.start(plugins); LogCapture log = LogCapture.of(HotDeployer.class)) {
            writeJar(plugins.resolve("throws.jar"), b -> b
                    .java("com.acme.t.Boom", """
                            package com.acme.t;
                            import io.trestle.*;
                            public final class Boom implements Plugin {
                                public void install(Routes r, Config c) { throw new IllegalStateException("boom"); }
                            }""")
                    .service(Plugin.class, "com.acme.t.Boom"));
            log.awaitLine(LOG_WAIT, "WARN plugin jar throws.jar refused: plugin com.acme.t.Boom failed to install: IllegalStateException: boom");
            Thread.sleep(PluginFolderWatcher.IDLE_RESCAN.toMillis() + 500);
            assertEquals(1, log.lines().stream().filter(l -> l.contains("refused")).count(),
                    "looked at again, but not loaded again: " + log.lines());

            writeJar(plugins.resolve("throws.jar"), b -> b.java("com.acme.t.Fixed", route("com.acme.t", "Fixed", "/fixed")));
            assertEquals("Fixed", rig.await("/fixed", r -> r.statusCode() == 200).body(), "a fixed version is deployed");
        }
    }

    private static void broken(String kind, Path jar) {
        switch (kind) {
            case "not a zip" -> ReloadJars.writeInPlace(jar, "this is no zip file".getBytes());
            case "install throws" -> writeJar(jar, b -> b
                    .java("com.acme.b.Bad", """
                            package com.acme.b;
                            import io.trestle.*;
                            public final class Bad implements Plugin {
                                public void install(Routes r, Config c) { throw new IllegalStateException("no database"); }
                            }""")
                    .service(Plugin.class, "com.acme.b.Bad"));
            case "missing class" -> writeJar(jar, b -> b.service(Plugin.class, "com.acme.Missing").resource("x.txt", "x"));
            case "web file escapes" -> writeJar(jar, b -> b.resource("META-INF/resources/../../evil.txt", "x"));
            default -> throw new IllegalArgumentException(kind);
        }
    }

    /** Builds a jar aside and moves it into place, so the watcher never sees it half-written. */
    private static void writeJar(Path target, Consumer<TestJars.Builder> contents) {
        TestJars.Builder builder = TestJars.builder();
        contents.accept(builder);
        Path aside = target.resolveSibling("." + target.getFileName() + ".building");
        builder.write(aside);
        try {
            ReloadJars.moveInto(target, Files.readAllBytes(aside));
            Files.delete(aside);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String route(String pkg, String name, String path) {
        return """
                package %s;
                import io.trestle.*;
                @Route(path = "%s")
                public final class %s implements Handler {
                    public void handle(Request req, Response res) { res.text("%s"); }
                }""".formatted(pkg, path, name, name);
    }

    private static void awaitEvent(String event) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!Probe.events().contains(event)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no '" + event + "' in " + Probe.events());
            }
            Thread.sleep(10);
        }
    }
}

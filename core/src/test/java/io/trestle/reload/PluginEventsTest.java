package io.trestle.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Config;
import io.trestle.Plugin;
import io.trestle.Server;
import io.trestle.discovery.Deployment;
import io.trestle.discovery.DiscoveryOptions;
import io.trestle.discovery.fixtures.Probe;
import io.trestle.fixtures.TestJars;
import io.trestle.PluginEvent;
import io.trestle.RouteInfo;
import io.trestle.ServerObserver;
import io.trestle.routing.RouteTable;
import io.trestle.testsupport.LogCapture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Observers are told of plugin jars deployed, swapped, removed and refused, with the route changes,
 * and of the new route table; a jar's own observer serves while the jar does.
 */
class PluginEventsTest {
    @TempDir
    Path plugins;

    /** Keeps what it is told. */
    static final class Recorder implements ServerObserver {
        final List<PluginEvent> plugins = new ArrayList<>();
        final List<List<RouteInfo>> tables = new ArrayList<>();

        @Override
        public synchronized void pluginChanged(PluginEvent event) {
            plugins.add(event);
        }

        @Override
        public synchronized void routesChanged(List<RouteInfo> routes) {
            tables.add(routes);
        }
    }

    /** A plugin serving {@code /ping/{who}} answering {@code version}, with an observer reporting to the Probe. */
    private static Path pingJar(Path file, String version) {
        return TestJars.builder()
                .java("com.acme.ping.PingPlugin", """
                        package com.acme.ping;
                        import io.trestle.*;
                        import io.trestle.discovery.fixtures.Probe;
                        public final class PingPlugin implements Plugin {
                            public void install(Routes r, Config c) {
                                r.get("/ping/{who}", (q, s) -> s.text("%s"));
                                r.observer(new ServerObserver() {
                                    public void exchangeCompleted(CompletedExchange e) {
                                        Probe.record("%s saw " + e.route());
                                    }
                                });
                            }
                        }""".formatted(version, version))
                .service(Plugin.class, "com.acme.ping.PingPlugin")
                .write(file);
    }

    private static HttpResponse<String> get(HttpClient client, Server server, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.uri() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void deployedSwappedRefusedAndRemovedJarsAreAnnouncedWithTheirRouteChanges() throws Exception {
        Probe.clear();
        Recorder seen = new Recorder();
        Path staging = Files.createDirectories(plugins.resolveSibling(plugins.getFileName() + "-staging"));
        Deployment deployment = Deployment.discover(new DiscoveryOptions(getClass().getClassLoader(), List.of(), plugins, false,
                List.of()));
        RouteTable table = deployment.start(Config.empty());
        try (LogCapture log = LogCapture.of(HotDeployer.class).quiet();
             Server server = Server.builder().port(0).routeTable(table).accessLog(false).observer(seen)
                     .onClose(deployment::close).build().start();
             HttpClient client = HttpClient.newHttpClient()) {
            HotDeployer deployer = new HotDeployer(deployment, server, Duration.ofSeconds(10));
            assertTrue(server.routes().isEmpty());

            Path jar = plugins.resolve("ping.jar");
            Files.copy(pingJar(staging.resolve("v1.jar"), "v1"), jar);
            assertTrue(deployer.deploy(jar));
            PluginEvent deployed = seen.plugins.get(0);
            assertEquals(PluginEvent.Kind.DEPLOYED, deployed.kind());
            assertEquals("ping.jar", deployed.jar());
            assertEquals(1, deployed.routesAdded().size(), deployed.toString());
            assertTrue(deployed.routesAdded().get(0).startsWith("GET /ping/{who} "), deployed.routesAdded().get(0));
            assertEquals(List.of(), deployed.routesRemoved());
            assertNull(deployed.reason());
            List<RouteInfo> routes = server.routes();
            assertEquals(1, routes.size());
            assertEquals("/ping/{who}", routes.get(0).pattern());
            assertEquals("ping.jar", routes.get(0).source());
            assertEquals(routes, seen.tables.get(seen.tables.size() - 1), "the change is announced with the new list");

            assertEquals("v1", get(client, server, "/ping/ann").body());
            awaitProbe("v1 saw /ping/{who}");

            Files.copy(pingJar(staging.resolve("v2.jar"), "v2"), jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertTrue(deployer.deploy(jar));
            PluginEvent swapped = seen.plugins.get(1);
            assertEquals(PluginEvent.Kind.SWAPPED, swapped.kind());
            assertEquals("ping.jar", swapped.jar());
            assertEquals("v2", get(client, server, "/ping/bob").body());
            awaitProbe("v2 saw /ping/{who}");
            int v1Reports = count("v1 saw");
            get(client, server, "/ping/cy");
            awaitProbe("v2 saw /ping/{who}");
            Thread.sleep(100);
            assertEquals(v1Reports, count("v1 saw"), "the swapped-out jar's observer is no longer told");

            Path broken = TestJars.notAZip(plugins.resolve("broken.jar"));
            assertFalse(deployer.deploy(broken));
            PluginEvent refused = seen.plugins.get(2);
            assertEquals(PluginEvent.Kind.REFUSED, refused.kind());
            assertEquals("broken.jar", refused.jar());
            assertTrue(refused.reason() != null && !refused.reason().isBlank());
            assertEquals(List.of(), refused.routesAdded());

            Files.delete(jar);
            deployer.remove("ping.jar");
            PluginEvent removed = seen.plugins.get(3);
            assertEquals(PluginEvent.Kind.REMOVED, removed.kind());
            assertEquals(1, removed.routesRemoved().size());
            assertTrue(removed.routesRemoved().get(0).startsWith("GET /ping/{who} "));
            assertTrue(server.routes().isEmpty());
            assertEquals(4, seen.plugins.size(), seen.plugins.toString());
        }
    }

    @Test
    void anObserverListedInAJarsServicesObservesWhileTheJarIsDeployed() throws Exception {
        Probe.clear();
        Path staging = Files.createDirectories(plugins.resolveSibling(plugins.getFileName() + "-staging2"));
        Deployment deployment = Deployment.discover(new DiscoveryOptions(getClass().getClassLoader(), List.of(), plugins, false,
                List.of()));
        RouteTable table = deployment.start(Config.empty());
        try (LogCapture log = LogCapture.of(HotDeployer.class).quiet();
             Server server = Server.builder().port(0).routeTable(table).accessLog(false).onClose(deployment::close).build().start();
             HttpClient client = HttpClient.newHttpClient()) {
            HotDeployer deployer = new HotDeployer(deployment, server, Duration.ofSeconds(10));
            Path jar = plugins.resolve("watch.jar");
            Files.copy(TestJars.builder()
                    .java("com.acme.watch.Watcher", """
                            package com.acme.watch;
                            import io.trestle.*;
                            import io.trestle.discovery.fixtures.Probe;
                            public final class Watcher implements ServerObserver {
                                public void exchangeCompleted(CompletedExchange e) {
                                    Probe.record("watcher saw " + e.status() + " " + e.target());
                                }
                            }""")
                    .service(ServerObserver.class, "com.acme.watch.Watcher")
                    .write(staging.resolve("watch.jar")), jar);
            assertTrue(deployer.deploy(jar));
            assertEquals(404, get(client, server, "/nothing").statusCode());
            awaitProbe("watcher saw 404 /nothing");

            deployer.remove("watch.jar");
            assertEquals(404, get(client, server, "/after").statusCode());
            Thread.sleep(100);
            assertFalse(Probe.events().contains("watcher saw 404 /after"), "removed with its jar: " + Probe.events());
        }
    }

    private static int count(String prefix) {
        int n = 0;
        for (String e : Probe.events()) {
            if (e.startsWith(prefix)) {
                n++;
            }
        }
        return n;
    }

    /** The plugin's observer runs after the response was written: wait for it (10 s at most). */
    private static void awaitProbe(String event) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Probe.events().contains(event)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(event + " not in " + Probe.events());
            }
            Thread.sleep(5);
        }
    }
}

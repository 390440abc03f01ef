package io.trestle.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Config;
import io.trestle.Method;
import io.trestle.discovery.fixtures.Probe;
import io.trestle.routing.RouteMatch;
import io.trestle.routing.RouteTable;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A closed plugin leaves nothing behind: its plugin is closed and its class loader can be collected. */
class PluginUnloadTest {

    @TempDir
    Path plugins;

    @Test
    void closingASourceClosesItsPluginAndReleasesItsClassLoader() throws Exception {
        Probe.clear();
        PluginJars.good(plugins, "unload");
        WeakReference<ClassLoader> loader = startServeAndClose();
        assertTrue(Probe.events().contains("close unload"), Probe.events().toString());

        long deadline = System.nanoTime() + 20_000_000_000L;
        while (loader.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        assertNull(loader.get(), "the plugin's class loader is unreachable once its source is closed");
    }

    /** Kept apart so that no local of the test method holds the deployment, table or loader. */
    private WeakReference<ClassLoader> startServeAndClose() throws DiscoveryException {
        Deployment deployment = Deployment.discover(new DiscoveryOptions(getClass().getClassLoader(), List.of(), plugins, false, List.of()));
        RouteTable table = deployment.start(Config.empty());
        RouteMatch match = table.match(Method.GET, "/unload/hello");
        assertEquals(RouteMatch.Kind.FOUND, match.kind());
        ClassLoader pluginLoader = deployment.sources().get(1).classLoader();
        assertSame(pluginLoader, match.route().handler().getClass().getClassLoader(), "the route is served by the plugin's class");
        deployment.close();
        return new WeakReference<>(pluginLoader);
    }
}

package io.trestle.reload;

import io.trestle.Config;
import io.trestle.Server;
import io.trestle.discovery.Deployment;
import io.trestle.discovery.DiscoveredSource;
import io.trestle.discovery.DiscoveryException;
import io.trestle.discovery.DiscoveryOptions;
import io.trestle.routing.RouteTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * A running server over a plugins folder with hot reload on, as the launcher sets it up: discovery,
 * a server on a free port, a {@link HotDeployer} and a {@link PluginFolderWatcher} (settle time
 * 200 ms). Closing it stops the watcher, the server and the deployment.
 */
final class ReloadRig implements AutoCloseable {
    static final Duration SETTLE = Duration.ofMillis(200);

    final Path plugins;
    final Deployment deployment;
    final Server server;
    final HotDeployer deployer;
    final PluginFolderWatcher watcher;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ReloadRig(Path plugins, ClassLoader appLoader) throws DiscoveryException, IOException {
        this.plugins = plugins;
        deployment = Deployment.discover(new DiscoveryOptions(appLoader, List.of(), plugins, false, List.of()));
        RouteTable table = deployment.start(Config.empty());
        server = Server.builder().port(0).routeTable(table).accessLog(false).onClose(deployment::close).build().start();
        deployer = new HotDeployer(deployment, server, Duration.ofSeconds(10));
        watcher = PluginFolderWatcher.start(deployer, SETTLE);
    }

    static ReloadRig start(Path plugins) throws DiscoveryException, IOException {
        return new ReloadRig(plugins, ReloadRig.class.getClassLoader());
    }

    static ReloadRig start(Path plugins, ClassLoader appLoader) throws DiscoveryException, IOException {
        return new ReloadRig(plugins, appLoader);
    }

    HttpResponse<String> get(String path) {
        try {
            return client.send(HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asks for {@code path} until the answer fits (generous bound: 15 s), and returns it. */
    HttpResponse<String> await(String path, Predicate<HttpResponse<String>> fits) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        HttpResponse<String> last = get(path);
        while (!fits.test(last)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("GET " + path + " still answers " + last.statusCode() + " " + last.body());
            }
            Thread.sleep(25);
            last = get(path);
        }
        return last;
    }

    /** The class loader of the deployed jar {@code name}, or null. */
    ClassLoader loaderOf(String name) {
        for (DiscoveredSource s : deployment.sources()) {
            if (s.name().equals(name)) {
                return s.classLoader();
            }
        }
        return null;
    }

    @Override
    public void close() {
        watcher.close();
        server.close();
        client.close();
    }
}

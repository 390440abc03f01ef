package io.trestle.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Config;
import io.trestle.Server;
import io.trestle.discovery.Deployment;
import io.trestle.discovery.DiscoveryOptions;
import io.trestle.fixtures.TestJars;
import io.trestle.reload.HotDeployer;
import io.trestle.routing.RouteTable;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way: a plugin jar's {@code META-INF/resources/} found by discovery, served by this
 * module (itself found on the class path), and coming and going with hot deploys.
 */
class PluginJarWebFilesTest {

    @TempDir
    Path tmp;

    @Test
    void aJarsWebFilesAreServedWhileItIsDeployed() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("www"));
        Files.writeString(root.resolve("shared.css"), "web root wins");
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Path stash = Files.createDirectories(tmp.resolve("stash"));
        Path jar = TestJars.builder()
                .resource("META-INF/resources/notes/index.html", "<h1>notes v1</h1>")
                .resource("META-INF/resources/shared.css", "from the jar")
                .directoryEntries()
                .write(stash.resolve("notes.jar"));
        Files.copy(jar, plugins.resolve("notes.jar"));

        Deployment deployment = Deployment.discover(new DiscoveryOptions(getClass().getClassLoader(), List.of(), plugins, false, List.of()));
        RouteTable table = deployment.start(Config.of(Map.of("root", root.toString())));
        try (Server server = Server.builder().port(0).routeTable(table).accessLog(false).onClose(deployment::close).build().start();
             HttpClient client = HttpClient.newHttpClient()) {
            HotDeployer deployer = new HotDeployer(deployment, server, Duration.ofSeconds(5));
            assertEquals("<h1>notes v1</h1>", get(client, server, "/notes/").body(), "served from the jar");
            assertEquals("web root wins", get(client, server, "/shared.css").body());
            Path unpacked = deployment.webResources().folders().get(0).path();

            TestJars.builder().resource("META-INF/resources/notes/index.html", "<h1>notes v2</h1>").write(plugins.resolve("notes.jar"));
            assertTrue(deployer.deploy(plugins.resolve("notes.jar")));
            assertEquals("<h1>notes v2</h1>", get(client, server, "/notes/").body(), "the new version's files");
            assertFalse(Files.exists(unpacked), "the old version's unpacked files are deleted");

            Files.delete(plugins.resolve("notes.jar"));
            deployer.remove("notes.jar");
            assertEquals(404, get(client, server, "/notes/").statusCode());
            assertEquals(List.of(), deployment.webResources().folders());
        }
    }

    private static HttpResponse<String> get(HttpClient client, Server server, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

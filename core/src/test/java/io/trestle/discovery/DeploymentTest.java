package io.trestle.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.trestle.Config;
import io.trestle.Method;
import io.trestle.Plugin;
import io.trestle.discovery.fixtures.Probe;
import io.trestle.fixtures.TestJars;
import io.trestle.routing.RouteMatch;
import io.trestle.routing.RouteTable;
import io.trestle.testsupport.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentTest {
    private static final String APP_PACKAGE = "io.trestle.discovery.fixtures.app";

    @TempDir
    Path plugins;

    private LogCapture log;

    @BeforeEach
    void capture() {
        Probe.clear();
        log = LogCapture.of(Deployment.class, Level.WARN);
    }

    @AfterEach
    void release() {
        log.close();
    }

    private DiscoveryOptions options(String... scan) {
        return new DiscoveryOptions(getClass().getClassLoader(), List.of(scan), plugins, false, List.of());
    }

    @Test
    void theClassPathAndEachJarMakeOneTableInTwoPhases() throws DiscoveryException {
        PluginJars.good(plugins, "beta");
        PluginJars.good(plugins, "alpha");
        try (Deployment deployment = Deployment.discover(options(APP_PACKAGE))) {
            assertEquals(List.of("classpath", "alpha.jar", "beta.jar"), names(deployment.sources()));
            assertEquals(List.of("alpha-greeting", "beta-greeting"), deployment.settings().stream().map(s -> s.name()).toList());
            assertEquals(List.of("create-plugin alpha", "create-plugin beta"), Probe.events(), "phase one creates plugins only");
            assertNull(deployment.table());

            RouteTable table = deployment.start(Config.of(Map.of("alpha-greeting", "hey", "greeting", "hi")));
            assertTrue(Probe.events().contains("create-hello alpha hey"), Probe.events().toString());
            assertTrue(Probe.events().contains("install beta"), Probe.events().toString());

            assertSource(table, Method.GET, "/fixtures/hello", "classpath");
            assertSource(table, Method.GET, "/fixtures/people/7", "classpath");
            assertSource(table, Method.GET, "/fixtures/b", "classpath");
            assertSource(table, Method.GET, "/alpha/hello", "alpha.jar");
            assertSource(table, Method.DELETE, "/beta/items/3", "beta.jar");
            assertSource(table, Method.GET, "/beta/ping", "beta.jar");
            assertEquals(1, table.routes().stream().filter(r -> r.pattern().equals("/alpha/listed")).count(),
                    "found by ServiceLoader and the scan, registered once");
            assertEquals(List.of("alpha.jar", "beta.jar"), table.filters().stream().map(f -> f.origin().source()).toList());
            assertEquals(table, deployment.table());
            assertThrows(IllegalStateException.class, () -> deployment.start(Config.empty()));
        }
        assertTrue(Probe.events().containsAll(List.of("close alpha", "close beta")), Probe.events().toString());
        assertEquals(List.of(), warnings());
    }

    @Test
    void brokenJarsAreLeftOutWithOneWarningEachAndTheRestStarts() throws DiscoveryException {
        PluginJars.good(plugins, "good");
        TestJars.notAZip(plugins.resolve("notzip.jar"));
        PluginJars.missingServiceClass(plugins, "missing");
        PluginJars.throwingPlugin(plugins, "ctor", "constructor");
        PluginJars.throwingPlugin(plugins, "install", "install");
        PluginJars.throwingHandler(plugins, "fragile");
        PluginJars.missingLibrary(plugins, "nolib");
        PluginJars.routeOn(plugins, "zclash", "/good/ping");

        try (Deployment deployment = Deployment.discover(options())) {
            RouteTable table = deployment.start(Config.empty());
            assertEquals(List.of("classpath", "good.jar"), names(deployment.sources()));
            assertSource(table, Method.GET, "/good/hello", "good.jar");
            assertEquals(RouteMatch.Kind.NOT_FOUND, table.match(Method.GET, "/fragile").kind());
        }
        List<String> warnings = warnings();
        assertEquals(7, warnings.size(), warnings.toString());
        assertWarning(warnings, "ctor.jar", "boom in constructor");
        assertWarning(warnings, "fragile.jar", "fragile constructor");
        assertWarning(warnings, "install.jar", "boom in install");
        assertWarning(warnings, "missing.jar", "com.acme.Missing");
        assertWarning(warnings, "nolib.jar", "com/acme/lib/BasePlugin");
        assertWarning(warnings, "notzip.jar", "not a readable jar");
        assertWarning(warnings, "zclash.jar", "GET /good/ping is claimed by");
        assertTrue(Probe.events().contains("close install"), "a refused jar's plugins are closed: " + Probe.events());
    }

    @Test
    void aJarClashingWithTheClassPathIsLeftOut() throws DiscoveryException {
        PluginJars.routeOn(plugins, "dup", "/fixtures/hello");
        try (Deployment deployment = Deployment.discover(options(APP_PACKAGE))) {
            RouteTable table = deployment.start(Config.empty());
            assertEquals(List.of("classpath"), names(deployment.sources()));
            assertSource(table, Method.GET, "/fixtures/hello", "classpath");
        }
        List<String> warnings = warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertWarning(warnings, "dup.jar", "HelloHandler (classpath)");
        assertWarning(warnings, "dup.jar", "com.acme.dup.Claim (dup.jar)");
    }

    @Test
    void withStrictAClashingJarStopsStartUp() throws DiscoveryException {
        PluginJars.good(plugins, "good");
        PluginJars.routeOn(plugins, "dup", "/fixtures/hello");
        Deployment deployment = Deployment.discover(options(APP_PACKAGE).withStrict(true));
        DiscoveryException e = assertThrows(DiscoveryException.class, () -> deployment.start(Config.empty()));
        assertTrue(e.getMessage().startsWith("plugin jar dup.jar refused (strict): GET /fixtures/hello is claimed by"), e.getMessage());
        assertTrue(e.getMessage().contains("HelloHandler (classpath)") && e.getMessage().contains("Claim (dup.jar)"), e.getMessage());
        assertTrue(Probe.events().contains("close good"), "everything found is closed: " + Probe.events());
        assertEquals(List.of(), deployment.sources());
    }

    @Test
    void withStrictABrokenJarStopsDiscovery() {
        PluginJars.good(plugins, "good");
        TestJars.notAZip(plugins.resolve("junk.jar"));
        DiscoveryException e = assertThrows(DiscoveryException.class, () -> Deployment.discover(options().withStrict(true)));
        assertTrue(e.getMessage().startsWith("plugin jar junk.jar refused (strict): junk.jar is not a readable jar"), e.getMessage());
        assertTrue(Probe.events().contains("close good"), Probe.events().toString());
    }

    @Test
    void twoClassPathHandlersOnOneRouteStopStartUpNamingBoth() throws DiscoveryException {
        PluginJars.good(plugins, "good");
        Deployment deployment = Deployment.discover(options("io.trestle.discovery.fixtures.clash"));
        DiscoveryException e = assertThrows(DiscoveryException.class, () -> deployment.start(Config.empty()));
        assertEquals("cannot start: GET /clash is claimed by io.trestle.discovery.fixtures.clash.FirstClash (classpath)"
                + " and io.trestle.discovery.fixtures.clash.SecondClash (classpath)", e.getMessage());
        assertTrue(Probe.events().contains("close good"), "jars found are closed too: " + Probe.events());
    }

    @Test
    void pluginsGivenInCodeJoinTheClassPathSource() throws DiscoveryException {
        Plugin code = (routes, config) -> routes.get("/code", (req, res) -> res.text(config.string("word", "?")));
        try (Deployment deployment = Deployment.discover(options().withPlugins(List.of(code)).withPluginsDir(null))) {
            RouteTable table = deployment.start(Config.empty());
            assertSource(table, Method.GET, "/code", "classpath");
            assertEquals(List.of("classpath"), names(deployment.sources()));
        }
    }

    @Test
    void aPluginsPathThatIsAFileIsAnError() throws Exception {
        Path file = Files.writeString(plugins.resolve("not-a-folder"), "x");
        DiscoveryException e = assertThrows(DiscoveryException.class,
                () -> Deployment.discover(options().withPluginsDir(file)));
        assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
    }

    @Test
    void optionsComeFromTheSettings() {
        DiscoveryOptions o = DiscoveryOptions.from(Config.of(Map.of("scan", "com.a, com.b", "strict", "true")));
        assertEquals(List.of("com.a", "com.b"), o.scanPackages());
        assertEquals(Path.of("plugins"), o.pluginsDir());
        assertTrue(o.strict());
        assertFalse(DiscoveryOptions.from(Config.empty()).strict());
        assertEquals(List.of("scan", "plugins", "strict"), DiscoveryOptions.SETTINGS.stream().map(s -> s.name()).toList());
    }

    @Test
    void theOriginalJarMayBeDeletedBetweenThePhases() throws Exception {
        Path jar = PluginJars.good(plugins, "gone");
        Deployment deployment = Deployment.discover(options());
        Files.delete(jar);
        RouteTable table = deployment.start(Config.empty());
        assertSource(table, Method.GET, "/gone/hello", "gone.jar");
        Path copy = ((PluginClassLoader) deployment.sources().get(1).classLoader()).copy();
        assertTrue(Files.exists(copy));
        deployment.close();
        assertFalse(Files.exists(copy));
    }

    private static void assertSource(RouteTable table, Method method, String path, String source) {
        RouteMatch m = table.match(method, path);
        assertEquals(RouteMatch.Kind.FOUND, m.kind(), method + " " + path);
        assertEquals(source, m.route().origin().source(), method + " " + path);
    }

    private static void assertWarning(List<String> warnings, String jar, String reason) {
        String prefix = "plugin jar " + jar + " refused: ";
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith(prefix) && w.contains(reason)),
                "a warning for " + jar + " with '" + reason + "' in " + warnings);
    }

    private List<String> warnings() {
        return log.messages(Level.WARN);
    }

    private static List<String> names(List<DiscoveredSource> sources) {
        return sources.stream().map(DiscoveredSource::name).toList();
    }
}

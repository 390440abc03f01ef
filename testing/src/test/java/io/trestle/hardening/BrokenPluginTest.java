package io.trestle.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.trestle.Config;
import io.trestle.Plugin;
import io.trestle.Server;
import io.trestle.discovery.Deployment;
import io.trestle.discovery.DiscoveryOptions;
import io.trestle.fixtures.TestJars;
import io.trestle.testing.TrestleTest;
import io.trestle.testsupport.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A plugin jar whose plugin cannot even be constructed, next to a good one: the server starts,
 * serves the good plugin and the application, and answers the broken plugin's paths with 404.
 */
class BrokenPluginTest {
    @TempDir
    static Path shared;
    private static Path goodJar;

    @TempDir
    Path plugins;

    private LogCapture logged;

    @BeforeAll
    static void buildTheGoodPlugin() {
        goodJar = plugin(shared, "good", Failure.NONE); // compiled once: javac takes a second a jar
    }

    @BeforeEach
    void captureLog() {
        logged = LogCapture.of(Deployment.class, Level.WARN).quiet(); // the expected warning is asserted, not printed
    }

    @AfterEach
    void releaseLog() {
        logged.close();
    }

    /** How a plugin's construction fails: Java for its static initializer and its constructor. */
    enum Failure {
        NONE("", "public Plugin() {}"),
        RUNTIME_EXCEPTION("", "public Plugin() { throw new IllegalStateException(\"broken plugin\"); }"),
        CHECKED_EXCEPTION("", "public Plugin() throws Exception { throw new java.io.IOException(\"broken plugin\"); }"),
        ERROR("", "public Plugin() { throw new AssertionError(\"broken plugin\"); }"),
        STATIC_INITIALIZER("static { if (true) throw new IllegalStateException(\"broken plugin\"); }", "public Plugin() {}");

        final String staticInit;
        final String constructor;

        Failure(String staticInit, String constructor) {
            this.staticInit = staticInit;
            this.constructor = constructor;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Failure.class, mode = EnumSource.Mode.EXCLUDE, names = "NONE")
    void pluginWhoseConstructorThrowsCostsOnlyItsOwnRoutes(Failure failure) throws Exception {
        Files.copy(goodJar, plugins.resolve("good.jar"));
        plugin(plugins, "broken", failure);
        DiscoveryOptions options = new DiscoveryOptions(getClass().getClassLoader(), List.of(), plugins, false, List.of());
        try (Deployment deployment = Deployment.discover(options);
             TrestleTest t = TrestleTest.start(Server.builder().accessLog(false).routeTable(deployment.start(Config.empty())))) {
            assertEquals("good", t.get("/good/ping").body());
            assertEquals(404, t.get("/broken/ping").statusCode());
            assertEquals(List.of("classpath", "good.jar"), deployment.sources().stream().map(s -> s.name()).toList());
            for (int i = 0; i < 20; i++) {
                assertEquals(200, t.get("/good/ping").statusCode(), "the server keeps serving");
            }
        }
        List<String> warnings = logged.messages(Level.WARN);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("broken.jar") && warnings.get(0).contains("broken plugin"), warnings.get(0));
    }

    /** A jar with plugin {@code com.acme.<name>.Plugin} serving {@code /<name>/ping}, built to fail as {@code failure} says. */
    private static Path plugin(Path dir, String name, Failure failure) {
        String source = """
                package com.acme.%s;
                import io.trestle.*;
                public final class Plugin implements io.trestle.Plugin {
                    %s
                    %s
                    public void install(Routes routes, Config config) { routes.get("/%s/ping", (req, res) -> res.text("%s")); }
                }""".formatted(name, failure.staticInit, failure.constructor, name, name);
        return TestJars.builder().java("com.acme." + name + ".Plugin", source)
                .service(Plugin.class, "com.acme." + name + ".Plugin")
                .write(dir.resolve(name + ".jar"));
    }
}

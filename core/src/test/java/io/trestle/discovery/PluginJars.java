package io.trestle.discovery;

import io.trestle.Filter;
import io.trestle.Handler;
import io.trestle.Plugin;
import io.trestle.fixtures.TestJars;
import java.nio.file.Path;

/**
 * Plugin jars the discovery tests share. Their classes report to
 * {@link io.trestle.discovery.fixtures.Probe} (seen through the parent loader) as
 * {@code "<event> <name>"}, e.g. {@code "install good"}.
 */
final class PluginJars {

    private PluginJars() {
    }

    /**
     * A well-formed plugin {@code <name>.jar} in package {@code com.acme.<name>}: a plugin (routes
     * {@code /<name>/ping}, declares setting {@code <name>-greeting}), a filter, a class-level
     * route {@code /<name>/hello} whose constructor takes the config, a method-level class with a
     * repeated route, and a handler listed in META-INF/services that is also annotated.
     */
    static Path good(Path dir, String name) {
        String pkg = "com.acme." + name;
        return TestJars.builder()
                .java(pkg + ".GoodPlugin", """
                        package %1$s;
                        import io.trestle.*;
                        import io.trestle.discovery.fixtures.Probe;
                        import java.util.List;
                        public final class GoodPlugin implements Plugin {
                            public GoodPlugin() { Probe.record("create-plugin %2$s"); }
                            public List<Setting> settings() {
                                return List.of(Setting.of("%2$s-greeting", Setting.Kind.STRING, "hello", "greeting"));
                            }
                            public void install(Routes routes, Config config) {
                                Probe.record("install %2$s");
                                routes.get("/%2$s/ping", (req, res) -> res.text("pong"));
                            }
                            public void close() { Probe.record("close %2$s"); }
                        }""".formatted(pkg, name))
                .java(pkg + ".GoodFilter", """
                        package %1$s;
                        import io.trestle.*;
                        public final class GoodFilter implements Filter {
                            public void filter(Request req, Response res, Chain chain) throws Exception { chain.proceed(); }
                            public String path() { return "/%2$s/{rest...}"; }
                        }""".formatted(pkg, name))
                .java(pkg + ".Hello", """
                        package %1$s;
                        import io.trestle.*;
                        import io.trestle.discovery.fixtures.Probe;
                        @Route(path = "/%2$s/hello")
                        public final class Hello implements Handler {
                            public final String greeting;
                            public Hello(Config config) {
                                greeting = config.string("%2$s-greeting", "hello");
                                Probe.record("create-hello %2$s " + greeting);
                            }
                            public void handle(Request req, Response res) { res.text(greeting); }
                        }""".formatted(pkg, name))
                .java(pkg + ".Api", """
                        package %1$s;
                        import io.trestle.*;
                        public final class Api {
                            @Route(path = "/%2$s/items")
                            public void list(Request req, Response res) { res.text("items"); }
                            @Route(path = "/%2$s/items/{id}", methods = {Method.PUT, Method.DELETE})
                            @Route(path = "/%2$s/things/{id}")
                            public void one(Request req, Response res) { res.text(req.pathParam("id")); }
                        }""".formatted(pkg, name))
                .java(pkg + ".Listed", """
                        package %1$s;
                        import io.trestle.*;
                        import io.trestle.discovery.fixtures.Probe;
                        @Route(path = "/%2$s/listed")
                        public final class Listed implements Handler {
                            public Listed() { Probe.record("create-listed %2$s"); }
                            public void handle(Request req, Response res) { res.text("listed"); }
                        }""".formatted(pkg, name))
                .java(pkg + ".NotARoute", "package " + pkg + "; public final class NotARoute {}")
                .service(Plugin.class, pkg + ".GoodPlugin")
                .service(Filter.class, pkg + ".GoodFilter")
                .service(Handler.class, pkg + ".Listed")
                .write(dir.resolve(name + ".jar"));
    }

    /** A jar with one {@code @Route} handler {@code com.acme.<name>.Claim} on GET {@code path}. */
    static Path routeOn(Path dir, String name, String path) {
        return TestJars.builder()
                .java("com.acme." + name + ".Claim", """
                        package com.acme.%s;
                        import io.trestle.*;
                        @Route(path = "%s")
                        public final class Claim implements Handler {
                            public void handle(Request req, Response res) { res.text("claim"); }
                        }""".formatted(name, path))
                .write(dir.resolve(name + ".jar"));
    }

    /** A jar whose plugin entry names a class the jar does not contain. */
    static Path missingServiceClass(Path dir, String name) {
        return TestJars.builder()
                .service(Plugin.class, "com.acme.Missing")
                .resource("readme.txt", "the service entry points nowhere")
                .write(dir.resolve(name + ".jar"));
    }

    /** A jar with one plugin: {@code <phase>} is where it throws: "constructor", "settings", "install". */
    static Path throwingPlugin(Path dir, String name, String phase) {
        String ctor = phase.equals("constructor") ? "throw new IllegalStateException(\"boom in constructor\");" : "";
        String install = phase.equals("install") ? "throw new IllegalStateException(\"boom in install\");" : "";
        String settings = phase.equals("settings") ? "throw new UnsupportedOperationException(\"boom in settings\");" : "return java.util.List.of();";
        return TestJars.builder()
                .java("com.acme.Throwing", """
                        package com.acme;
                        import io.trestle.*;
                        import io.trestle.discovery.fixtures.Probe;
                        public final class Throwing implements Plugin {
                            public Throwing() { %s }
                            public java.util.List<Setting> settings() { %s }
                            public void install(Routes routes, Config config) { %s }
                            public void close() { Probe.record("close %s"); }
                        }""".formatted(ctor, settings, install, name))
                .service(Plugin.class, "com.acme.Throwing")
                .write(dir.resolve(name + ".jar"));
    }

    /** A jar whose {@code @Route} handler's constructor throws (found by the scan; fails in phase 2). */
    static Path throwingHandler(Path dir, String name) {
        return TestJars.builder()
                .java("com.acme.Fragile", """
                        package com.acme;
                        import io.trestle.*;
                        @Route(path = "/fragile")
                        public final class Fragile implements Handler {
                            public Fragile() { throw new IllegalArgumentException("fragile constructor"); }
                            public void handle(Request req, Response res) {}
                        }""")
                .write(dir.resolve(name + ".jar"));
    }

    /**
     * A jar whose plugin extends a class of a library the jar does not bundle:
     * {@link NoClassDefFoundError} when the plugin class is loaded.
     */
    static Path missingLibrary(Path dir, String name) {
        Path lib = TestJars.builder()
                .java("com.acme.lib.BasePlugin", """
                        package com.acme.lib;
                        public abstract class BasePlugin implements io.trestle.Plugin {}""")
                .write(dir.resolve("lib-only-" + name + ".zip"));
        return TestJars.builder()
                .java("com.acme.NeedsLib", """
                        package com.acme;
                        import io.trestle.*;
                        public final class NeedsLib extends com.acme.lib.BasePlugin {
                            public void install(Routes routes, Config config) {}
                        }""")
                .classPath(lib)
                .service(Plugin.class, "com.acme.NeedsLib")
                .write(dir.resolve(name + ".jar"));
    }
}

package io.trestle.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trestle.Handler;
import io.trestle.fixtures.TestJars;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each plugin jar has its own class loader: it may bundle another version of a library the
 * application has, never sees another plugin's classes, and shares the API, SLF4J and Jackson with
 * the server (so Jackson honours the plugin's annotations).
 */
class LibraryIsolationTest {

    @TempDir
    Path tmp;

    @Test
    void aPluginBundlingAnotherVersionOfAnApplicationLibraryUsesItsOwn() throws Exception {
        Path appLibrary = TestJars.builder().java("com.acme.util.Version", version("app 1.0")).write(tmp.resolve("app-lib/util-1.0.jar"));
        Path plugins = tmp.resolve("plugins");
        TestJars.builder()
                .java("com.acme.util.Version", version("bundled 2.0"))
                .java("com.acme.lib.user.Versions", """
                        package com.acme.lib.user;
                        import io.trestle.*;
                        @Route(path = "/lib/version")
                        public final class Versions implements Handler {
                            public void handle(Request req, Response res) {
                                res.text(com.acme.util.Version.name() + " / Handler from "
                                        + (Handler.class.getClassLoader() == null ? "the JDK" : Handler.class.getClassLoader().getName()));
                            }
                        }""")
                .java("com.acme.lib.user.Person", """
                        package com.acme.lib.user;
                        import com.fasterxml.jackson.annotation.JsonProperty;
                        public record Person(@JsonProperty("full_name") String name) {}""")
                .java("com.acme.lib.user.People", """
                        package com.acme.lib.user;
                        import io.trestle.*;
                        public final class People {
                            @Route(path = "/lib/person", methods = Method.POST)
                            public void echo(Request req, Response res) { res.json(req.bodyAs(Person.class)); }
                        }""")
                .write(plugins.resolve("lib-user.jar"));
        TestJars.builder()
                .java("com.acme.peek.Peek", """
                        package com.acme.peek;
                        import io.trestle.*;
                        @Route(path = "/peek")
                        public final class Peek implements Handler {
                            public void handle(Request req, Response res) {
                                try {
                                    Class.forName("com.acme.lib.user.Person", false, Peek.class.getClassLoader());
                                    res.text("visible");
                                } catch (ClassNotFoundException e) {
                                    res.text("hidden");
                                }
                            }
                        }""")
                .write(plugins.resolve("peek.jar"));

        try (URLClassLoader app = new URLClassLoader("app", new URL[] {appLibrary.toUri().toURL()}, getClass().getClassLoader());
             ReloadRig rig = ReloadRig.start(plugins, app)) {
            assertEquals("app 1.0", Class.forName("com.acme.util.Version", true, app).getMethod("name").invoke(null),
                    "the application has version 1.0");
            assertEquals("bundled 2.0 / Handler from " + Handler.class.getClassLoader().getName(), rig.get("/lib/version").body(),
                    "the plugin uses its own copy, and the server's API");
            assertEquals("hidden", rig.get("/peek").body(), "one plugin does not see another's classes");

            var person = rig.client.send(java.net.http.HttpRequest.newBuilder(rig.server.uri().resolve("/lib/person"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"full_name\":\"Ada Lovelace\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, person.statusCode(), person.body());
            assertEquals("{\"full_name\":\"Ada Lovelace\"}", person.body(), "Jackson reads and writes with the plugin's annotations");
        }
    }

    private static String version(String name) {
        return """
                package com.acme.util;
                public final class Version {
                    public static String name() { return "%s"; }
                }""".formatted(name);
    }
}

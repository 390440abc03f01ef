package io.trestle.reload;

import io.trestle.Plugin;
import io.trestle.fixtures.TestJars;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The plugin jar the reload tests deploy again and again. Its classes are compiled once; each
 * version differs only in {@code swap-version.txt}, which its classes read, so writing version 17
 * costs a zip, not a compile. What it serves:
 * <ul>
 *   <li>{@code GET /swap/{name}}: JSON {@code {"version":"v3","name":...}} from a record of the
 *       plugin (so Jackson caches a plugin class)</li>
 *   <li>{@code GET /slow/{ms}}: the version, after sleeping that long (reports {@code slow-start v3}
 *       and {@code slow-end v3})</li>
 *   <li>{@code GET /swap-plugin/version}: the version, registered in code by its {@link Plugin},
 *       which reports {@code install swap v3} and {@code close swap v3} to the Probe</li>
 *   <li>web file {@code META-INF/resources/swap/page.txt}: {@code page v3}</li>
 * </ul>
 */
final class ReloadJars {
    private static Map<String, byte[]> classes;

    private ReloadJars() {
    }

    /** The bytes of version {@code version} (e.g. {@code "v3"}) of the jar. */
    static byte[] swapJar(String version) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        swapClasses().forEach((name, bytes) -> entries.put(name.replace('.', '/') + ".class", bytes));
        entries.put("META-INF/services/" + Plugin.class.getName(), "com.acme.swap.SwapPlugin\n".getBytes(StandardCharsets.UTF_8));
        entries.put("swap-version.txt", version.getBytes(StandardCharsets.UTF_8));
        entries.put("META-INF/resources/swap/page.txt", ("page " + version).getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    /** Writes {@code bytes} beside {@code target} and renames it over {@code target} in one step. */
    static void moveInto(Path target, byte[] bytes) {
        try {
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites {@code target} in place, as {@code cp new.jar plugins/x.jar} does. */
    static void writeInPlace(Path target, byte[] bytes) {
        try {
            Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized Map<String, byte[]> swapClasses() {
        if (classes == null) {
            Map<String, String> sources = new LinkedHashMap<>();
            sources.put("com.acme.swap.Version", """
                    package com.acme.swap;
                    final class Version {
                        static String read(ClassLoader loader) {
                            try (var in = loader.getResourceAsStream("swap-version.txt")) {
                                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                    }""");
            sources.put("com.acme.swap.Answer", """
                    package com.acme.swap;
                    public record Answer(String version, String name) {}""");
            sources.put("com.acme.swap.Greeter", """
                    package com.acme.swap;
                    import io.trestle.*;
                    @Route(path = "/swap/{name}")
                    public final class Greeter implements Handler {
                        private final String version = Version.read(Greeter.class.getClassLoader());
                        public void handle(Request req, Response res) { res.json(new Answer(version, req.pathParam("name"))); }
                    }""");
            sources.put("com.acme.swap.Slow", """
                    package com.acme.swap;
                    import io.trestle.*;
                    import io.trestle.discovery.fixtures.Probe;
                    public final class Slow {
                        private final String version = Version.read(Slow.class.getClassLoader());
                        @Route(path = "/slow/{ms}")
                        public void slow(Request req, Response res) throws InterruptedException {
                            Probe.record("slow-start " + version);
                            Thread.sleep(Long.parseLong(req.pathParam("ms")));
                            res.text(version);
                            Probe.record("slow-end " + version);
                        }
                    }""");
            sources.put("com.acme.swap.SwapPlugin", """
                    package com.acme.swap;
                    import io.trestle.*;
                    import io.trestle.discovery.fixtures.Probe;
                    public final class SwapPlugin implements Plugin {
                        private final String version = Version.read(SwapPlugin.class.getClassLoader());
                        public void install(Routes routes, Config config) {
                            Probe.record("install swap " + version);
                            routes.get("/swap-plugin/version", (req, res) -> res.text(version));
                        }
                        public void close() { Probe.record("close swap " + version); }
                    }""");
            classes = Map.copyOf(TestJars.compile(sources, List.of()));
        }
        return classes;
    }

    static byte[] zip(Map<String, byte[]> entries) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}

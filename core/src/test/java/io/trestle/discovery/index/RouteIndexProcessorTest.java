package io.trestle.discovery.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor's output, from real javac runs into a folder. */
class RouteIndexProcessorTest {
    @TempDir
    Path dir;

    private static final Map<String, String> SOURCES = Map.of(
            "com.acme.ClassLevel", """
                    package com.acme;
                    import io.trestle.*;
                    @Route(path = "/c")
                    public final class ClassLevel implements Handler { public void handle(Request q, Response s) {} }""",
            "com.acme.MethodLevel", """
                    package com.acme;
                    import io.trestle.*;
                    public class MethodLevel {
                        @Route(path = "/m") @Route(path = "/m2") public void m(Request q, Response s) {}
                        public static final class Nested {
                            @Route(path = "/n") public void n(Request q, Response s) {}
                        }
                        public final class Inner implements Handler {
                            public void handle(Request q, Response s) {}
                        }
                    }""",
            "com.acme.Repeated", """
                    package com.acme;
                    import io.trestle.*;
                    @Route(path = "/r1") @Route(path = "/r2")
                    public final class Repeated implements Handler { public void handle(Request q, Response s) {} }""",
            "com.acme.Base", """
                    package com.acme;
                    import io.trestle.*;
                    public abstract class Base {
                        @Route(path = "/b") public void b(Request q, Response s) {}
                    }""",
            "com.acme.Sub", "package com.acme; public final class Sub extends Base {}",
            "com.acme.Hidden", """
                    package com.acme;
                    import io.trestle.*;
                    final class Hidden {
                        @Route(path = "/h") private void h(Request q, Response s) {}
                    }""",
            "com.acme.Api", """
                    package com.acme;
                    import io.trestle.*;
                    public interface Api { @Route(path = "/i") default void i(Request q, Response s) {} }""",
            "com.acme.Plain", "package com.acme; public record Plain(int x) {}");

    @Test
    void listsEveryCompiledTypeWithItsRouteFactsSorted() throws IOException {
        Path out = compile(SOURCES, List.of(), true);
        String text = Files.readString(out.resolve(RouteIndex.PATH));
        List<String> lines = text.lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(List.of(
                "com.acme.Api interface mn -",
                "com.acme.Base abstract mn java.lang.Object",
                "com.acme.ClassLevel class a java.lang.Object",
                "com.acme.Hidden class m java.lang.Object",
                "com.acme.MethodLevel class mn java.lang.Object",
                "com.acme.MethodLevel$Inner class - java.lang.Object",
                "com.acme.MethodLevel$Nested class mn java.lang.Object",
                "com.acme.Plain class - java.lang.Record",
                "com.acme.Repeated class a java.lang.Object",
                "com.acme.Sub class - com.acme.Base"), lines);
        assertTrue(text.startsWith("# trestle-route-index 1\n"), text);
        // A second, identical build writes the same bytes.
        Path again = compile(SOURCES, List.of(), true);
        assertEquals(text, Files.readString(again.resolve(RouteIndex.PATH)));
    }

    @Test
    void isFoundOnTheClassPathWithProcFull() throws IOException {
        // As a user's build finds it: through core's META-INF/services entry, not named anywhere.
        Path out = compile(Map.of("com.acme.ClassLevel", SOURCES.get("com.acme.ClassLevel")), List.of("-proc:full"), false);
        assertEquals(List.of("com.acme.ClassLevel class a java.lang.Object"),
                Files.readString(out.resolve(RouteIndex.PATH)).lines().filter(l -> !l.startsWith("#")).toList());
    }

    @Test
    void anIncrementalCompileMergesIntoTheIndexItFinds() throws IOException {
        Path out = compile(SOURCES, List.of(), true);
        // Recompile only MethodLevel, which lost its nested classes and its routes, plus a new class.
        Map<String, String> changed = Map.of(
                "com.acme.MethodLevel", "package com.acme; public class MethodLevel {}",
                "com.acme.Fresh", """
                        package com.acme;
                        import io.trestle.*;
                        @Route(path = "/f")
                        public final class Fresh implements Handler { public void handle(Request q, Response s) {} }""");
        compileInto(out, changed, List.of(), true);
        List<String> lines = Files.readString(out.resolve(RouteIndex.PATH)).lines().filter(l -> !l.startsWith("#")).toList();
        assertTrue(lines.contains("com.acme.MethodLevel class - java.lang.Object"), lines.toString());
        assertTrue(lines.contains("com.acme.Fresh class a java.lang.Object"), lines.toString());
        assertTrue(lines.contains("com.acme.ClassLevel class a java.lang.Object"), "kept from the first build: " + lines);
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("com.acme.MethodLevel$")), "nested classes gone: " + lines);
    }

    @Test
    void aMalformedIndexFromAnEarlierBuildIsReplacedWithAWarningNotAnError() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("META-INF/trestle"));
        Files.writeString(out.resolve(RouteIndex.PATH), "garbage\n");
        StringWriter messages = compileInto(out, Map.of("com.acme.Plain", SOURCES.get("com.acme.Plain")), List.of(), true);
        assertTrue(messages.toString().contains("warning: Trestle: ignoring the previous META-INF/trestle/route-index"),
                messages.toString());
        assertEquals(List.of("com.acme.Plain class - java.lang.Record"),
                Files.readString(out.resolve(RouteIndex.PATH)).lines().filter(l -> !l.startsWith("#")).toList());
    }

    private Path compile(Map<String, String> sources, List<String> options, boolean withProcessor) throws IOException {
        Path out = Files.createTempDirectory(dir, "out");
        compileInto(out, sources, options, withProcessor);
        return out;
    }

    /** Compiles into {@code out} and returns javac's messages; fails the test when javac does. */
    static StringWriter compileInto(Path out, Map<String, String> sources, List<String> options, boolean withProcessor)
            throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path src = Files.createTempDirectory(out.getParent(), "src");
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> s : new TreeMap<>(sources).entrySet()) {
            Path file = src.resolve(s.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            files.add(Files.writeString(file, s.getValue()));
        }
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path")));
        args.addAll(options);
        StringWriter messages = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            JavaCompiler.CompilationTask task = javac.getTask(messages, fm, null, args, null, units);
            if (withProcessor) {
                task.setProcessors(List.of(new RouteIndexProcessor()));
            }
            assertTrue(task.call(), "javac failed: " + messages);
        }
        return messages;
    }
}

package io.trestle.example.docs;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.trestle.example.docs.MarkdownDocs.Block;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code ```java} block in README.md and docs/*.md compiles, against this module's test
 * class path (trestle-core, -static, -login, -testing, Jackson, SLF4J, JUnit), for Java 21. What a block is
 * is said by an HTML comment on the last non-blank line above it (see docs/writing-docs.md):
 * <ul>
 * <li>no marker, or {@code <!-- java: file -->}: a whole source file, compiled as it is;</li>
 * <li>{@code <!-- java: members -->}: fields and methods, compiled inside a class;</li>
 * <li>{@code <!-- java: statements -->}: statements, compiled inside a method that may throw;</li>
 * <li>{@code <!-- java: handler-body -->}: the same with {@code Request req, Response res} in scope
 * (the body of {@code Handler.handle});</li>
 * <li>{@code <!-- java: plugin-body -->}: the same with {@code Routes routes, Config config} in
 * scope (the body of {@code Plugin.install}).</li>
 * </ul>
 * A fragment may start with {@code import} lines; nothing else is imported for it, so every
 * example shows what a reader must import. The blocks of one Markdown file are compiled together
 * (a later block may use a class an earlier one declares); an error names the Markdown file, the
 * line in it, and javac's message.
 */
class DocsJavaTest {
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(?:(?:final|abstract|sealed|non-sealed|static|strictfp)\\s+)*(?:class|interface|enum|record|@interface)\\s+(\\w+)");
    private static final Map<String, String> PARAMETERS = Map.of(
            "statements", "",
            "handler-body", "io.trestle.Request req, io.trestle.Response res",
            "plugin-body", "io.trestle.Routes routes, io.trestle.Config config");

    @TestFactory
    Stream<DynamicTest> everyJavaBlockCompiles() {
        return MarkdownDocs.files().stream()
                .filter(file -> MarkdownDocs.blocks(file).stream().anyMatch(b -> b.language().equals("java")))
                .map(file -> DynamicTest.dynamicTest(MarkdownDocs.name(file), () -> compile(file)));
    }

    @Test
    void javaBlocksAreFound() {
        // A guard for the reader above: if it stopped finding blocks, the test would pass on nothing.
        long inReadme = MarkdownDocs.blocks(MarkdownDocs.REPO.resolve("README.md")).stream()
                .filter(b -> b.language().equals("java")).count();
        long inAll = MarkdownDocs.files().stream().flatMap(f -> MarkdownDocs.blocks(f).stream())
                .filter(b -> b.language().equals("java")).count();
        assertTrue(inReadme >= 1 && inAll >= 10, "java blocks found: " + inReadme + " in README.md, " + inAll + " in all");
    }

    @Test
    void aBrokenBlockIsReportedWithItsFileAndLine() throws IOException {
        Path doc = Files.createTempFile(Path.of("target").toAbsolutePath(), "broken", ".md");
        try {
            Files.writeString(doc, "# Broken\n\n<!-- java: handler-body -->\n```java\nres.json(Map.of());\n```\n");
            AssertionError error = null;
            try {
                compile(doc);
            } catch (AssertionError e) {
                error = e;
            }
            assertNotNull(error, "a block using Map without importing it compiled");
            String message = error.getMessage();
            assertTrue(message.contains(doc.getFileName() + ":5:") && message.contains("Map"), message);
        } finally {
            Files.deleteIfExists(doc);
        }
    }

    private static void compile(Path file) throws IOException {
        List<Block> blocks = MarkdownDocs.blocks(file).stream().filter(b -> b.language().equals("java")).toList();
        Map<JavaFileObject, Block> sources = new IdentityHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            String kind = block.marker().startsWith("java:") ? block.marker().substring(5).strip() : "file";
            String source;
            if (kind.equals("file")) {
                source = String.join("\n", block.code());
            } else if (kind.equals("members")) {
                source = wrap(block.code(), "class DocSnippet" + i + " { ", "}");
            } else if (PARAMETERS.containsKey(kind)) {
                source = wrap(block.code(), "class DocSnippet" + i + " { void snippet(" + PARAMETERS.get(kind)
                        + ") throws Exception { ", "}}");
            } else {
                problems.add(block.where() + ": unknown marker <!-- " + block.marker() + " -->; known: java: file,"
                        + " java: members, java: statements, java: handler-body, java: plugin-body");
                continue;
            }
            String className = kind.equals("file") ? publicType(block.code(), "DocUnit" + i) : "DocSnippet" + i;
            sources.put(new Source("block" + i + "/" + className, source), block);
        }
        if (!sources.isEmpty()) {
            Path out = Path.of("target", "doc-snippets", MarkdownDocs.name(file).replace('/', '_'));
            Files.createDirectories(out);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            List<String> options = List.of("--release", "21", "-proc:none", "-nowarn", "-parameters",
                    "-classpath", System.getProperty("java.class.path"), "-d", out.toString());
            javac.getTask(null, null, diagnostics, options, null, sources.keySet()).call();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) {
                    continue;
                }
                Block block = sources.get(d.getSource());
                if (block == null) {
                    problems.add(d.getMessage(Locale.ROOT));
                    continue;
                }
                // Wrapping keeps line numbers: code line n of the block is line line + n of the file.
                int codeLine = (int) Math.min(Math.max(d.getLineNumber(), 1), block.code().size());
                problems.add(MarkdownDocs.name(file) + ":" + (block.line() + codeLine) + ": "
                        + d.getMessage(Locale.ROOT) + "\n    " + block.code().get(codeLine - 1).strip());
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s) in the java blocks of " + MarkdownDocs.name(file) + ":\n"
                    + String.join("\n", problems));
        }
    }

    /**
     * Puts {@code open} in front of the first line after the leading imports and {@code close} on a
     * line of its own after the last, so the source's line numbers are the block's.
     */
    static String wrap(List<String> code, String open, String close) {
        List<String> lines = new ArrayList<>(code);
        int first = 0;
        while (first < lines.size() && isPreamble(lines.get(first))) {
            first++;
        }
        if (first == lines.size()) {
            lines.add(open);
        } else {
            lines.set(first, open + lines.get(first));
        }
        lines.add(close);
        return String.join("\n", lines);
    }

    private static boolean isPreamble(String line) {
        String s = line.strip();
        return s.isEmpty() || s.startsWith("import ") || s.startsWith("//");
    }

    private static String publicType(List<String> code, String fallback) {
        for (String line : code) {
            Matcher m = PUBLIC_TYPE.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        return fallback;
    }

    /** A block's source in memory, named so javac accepts its public class. */
    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String path, String text) {
            super(URI.create("string:///" + path + ".java"), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}

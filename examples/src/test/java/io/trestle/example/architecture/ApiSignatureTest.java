package io.trestle.example.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each module's public API is written down in {@code <module>/api/<artifact>.api}; this test
 * regenerates it from the compiled classes and fails when it differs, so an API change cannot
 * land without the file changing with it (and a reviewer seeing it). To accept a change:
 *
 * <pre>{@code
 * ./mvnw -q -pl examples -am verify -Dtest=ApiSignatureTest -Dsurefire.failIfNoSpecifiedTests=false -DskipITs -Dtrestle.api.update=true
 * }</pre>
 *
 * <p>and commit the changed {@code .api} files. Which packages are API: {@code io.trestle} in
 * core (only that package: the others are public Java today but not API), {@code io.trestle.testing},
 * and the one package of static and login that holds their plugin, stores and settings (today
 * it holds their implementation classes too, whose public ones are listed until they move out).
 */
class ApiSignatureTest {
    static final String UPDATE = "./mvnw -q -pl examples -am verify -Dtest=ApiSignatureTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -DskipITs -Dtrestle.api.update=true";
    /** The repository's root: Surefire runs this module's tests in examples/. */
    static final Path ROOT = Path.of("..");

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "core,            trestle-core,    io.trestle",
        "testing,         trestle-testing, io.trestle.testing",
        "handlers-static, trestle-static,  io.trestle.staticfiles",
        "handlers-login,  trestle-login,   io.trestle.login",
    })
    void theCommittedApiFileMatchesTheClasses(String module, String artifact, String pkg) throws Exception {
        Path file = ROOT.resolve(module).resolve("api").resolve(artifact + ".api");
        List<String> lines = ApiSignature.of(pkg);
        assertTrue(lines.size() > 1, "found hardly any API in " + pkg + ": is " + artifact + " on the class path?");
        String expected = text(artifact, pkg, lines);
        if (Boolean.getBoolean("trestle.api.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("no API file " + file.normalize() + " for " + artifact + "; write it with\n  " + UPDATE);
        }
        String committed = Files.readString(file, StandardCharsets.UTF_8);
        if (!committed.equals(expected)) {
            fail("the public API of " + artifact + " (package " + pkg + ") differs from " + module + "/api/"
                    + artifact + ".api:\n" + diff(committed.lines().toList(), expected.lines().toList())
                    + "\nIf the change is meant, update the file and commit it with the change:\n  " + UPDATE);
        }
    }

    @ParameterizedTest
    @CsvSource({"io.trestle", "io.trestle.login"})
    void theSignatureIsTheSameOnEveryRun(String pkg) throws Exception {
        assertEquals(ApiSignature.of(pkg), ApiSignature.of(pkg));
    }

    @Test
    void theDiffShowsRemovedAndAddedLines() {
        String diff = diff(List.of("# head", "a type x", "a method m()"), List.of("# head", "a type x", "a method m(int)"));
        assertEquals("- a method m()\n+ a method m(int)", diff);
    }

    static String text(String artifact, String pkg, List<String> lines) {
        StringBuilder text = new StringBuilder()
                .append("# The public API of ").append(artifact).append(" (package ").append(pkg).append(").\n")
                .append("# Generated from the classes by ApiSignatureTest; do not edit. To update:\n")
                .append("#   ").append(UPDATE).append('\n');
        for (String line : lines) {
            text.append(line.stripTrailing()).append('\n');
        }
        return text.toString();
    }

    /** The lines only in the committed file (-) and only in the classes (+), in file order. */
    static String diff(List<String> committed, List<String> actual) {
        Set<String> before = new LinkedHashSet<>(committed);
        Set<String> after = new LinkedHashSet<>(actual);
        List<String> out = new ArrayList<>();
        for (String line : committed) {
            if (!after.contains(line)) {
                out.add("- " + line);
            }
        }
        for (String line : actual) {
            if (!before.contains(line)) {
                out.add("+ " + line);
            }
        }
        return out.isEmpty() ? "  (the same lines in another order)" : String.join("\n", out);
    }
}

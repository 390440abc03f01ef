package io.trestle.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The example app is what users copy, so its main sources name only Trestle's API: the classes
 * of {@code io.trestle} itself and the API packages of the static-files and login modules, never
 * an implementation package such as {@code io.trestle.app} or {@code io.trestle.discovery}.
 * A source scan (imports and fully qualified names); the architecture test checks the bytecode.
 */
class ExampleUsesOnlyTheApiTest {
    static final Path MAIN = Path.of("src/main/java");
    /** Packages under io.trestle the example may name, besides its own. */
    static final List<String> API_PACKAGES = List.of("io.trestle", "io.trestle.staticfiles", "io.trestle.login");
    static final String OWN_PACKAGE = "io.trestle.example";
    /** A name under io.trestle: lower-case segments (the package), then a class or a '*'. */
    static final Pattern NAME = Pattern.compile("\\bio\\.trestle((?:\\.[a-z_][a-z0-9_]*)*)\\.([A-Z]\\w*|\\*)");

    @Test
    void theExamplesMainSourcesNameOnlyApiPackages() throws IOException {
        List<String> offending = new ArrayList<>();
        List<Path> sources = sources();
        assertFalse(sources.isEmpty(), "no sources under " + MAIN.toAbsolutePath());
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                for (String pkg : packagesNamed(lines.get(i))) {
                    if (!API_PACKAGES.contains(pkg) && !pkg.equals(OWN_PACKAGE) && !pkg.startsWith(OWN_PACKAGE + ".")) {
                        offending.add(MAIN.relativize(source) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertTrue(offending.isEmpty(), "the example app names implementation packages:\n" + String.join("\n", offending));
    }

    @Test
    void theScanSeesImportsFullyQualifiedNamesAndWildcards() {
        assertEquals(List.of("io.trestle"), packagesNamed("import io.trestle.Server;"));
        assertEquals(List.of("io.trestle"), packagesNamed("import static io.trestle.Status.OK;"));
        assertEquals(List.of("io.trestle.app"), packagesNamed("import io.trestle.app.Launcher;"));
        assertEquals(List.of("io.trestle.discovery"), packagesNamed("throws io.trestle.discovery.DiscoveryException {"));
        assertEquals(List.of("io.trestle.server"), packagesNamed("import io.trestle.server.*;"));
        assertEquals(List.of("io.trestle.login"), packagesNamed("import io.trestle.login.LoginSettings;"));
        assertEquals(List.of(), packagesNamed("import org.slf4j.LoggerFactory;"));
    }

    /** The packages of the io.trestle names on a line. */
    static List<String> packagesNamed(String line) {
        List<String> packages = new ArrayList<>();
        Matcher m = NAME.matcher(line);
        while (m.find()) {
            packages.add("io.trestle" + m.group(1));
        }
        return packages;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}

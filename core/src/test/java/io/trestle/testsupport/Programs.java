package io.trestle.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Outside programs the tests need (Redis, nginx, a browser): where they are, and what a test does
 * when one is missing. The one policy for every module: on a developer's machine a missing
 * program skips the test with a message saying what is missing, where it was looked for and how
 * to install it; on CI ({@code CI=true}), which installs every such program, it fails the test,
 * because there a missing program means a broken build image, not a choice.
 *
 * <p>A program is named as in {@link RequiresProgram}: {@code "nginx"}, alternatives
 * {@code "chromium|chromium-browser"} (the first found wins), or an absolute path. A name is
 * looked up in the folders of {@code PATH}, then in {@code /usr/bin}, {@code /usr/sbin},
 * {@code /usr/local/bin} and {@code /usr/local/sbin} (Debian puts nginx in {@code /usr/sbin},
 * outside a normal user's {@code PATH}); it counts when it is an executable regular file.
 *
 * <pre>{@code
 * @RequiresProgram(value = "nginx", install = "apt-get install -y nginx")
 * class ProxyTest {
 *     @Test
 *     void servesThroughNginx() throws Exception {
 *         Path nginx = Programs.require("nginx"); // found: the annotation checked it
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class Programs {
    /** Where a program is looked for after the folders of {@code PATH}. */
    public static final List<Path> STANDARD_FOLDERS = List.of(
            Path.of("/usr/bin"), Path.of("/usr/sbin"), Path.of("/usr/local/bin"), Path.of("/usr/local/sbin"));

    private Programs() {
    }

    /**
     * The program's executable, found as described above; or, when it is missing, a skipped test
     * (a failed one under {@code CI=true}) saying so.
     *
     * @param program a name, alternatives separated by {@code |}, or an absolute path
     * @param install how to install it, for the message (may be empty)
     */
    public static Path require(String program, String install) {
        List<Path> folders = searchFolders(System.getenv("PATH"));
        return find(program, folders).orElseGet(() -> missing(missingMessage(List.of(program), folders, install), System.getenv("CI")));
    }

    /** {@link #require(String, String)} without an install hint. */
    public static Path require(String program) {
        return require(program, "");
    }

    /** The program's executable in the folders of {@code PATH} and the standard folders, if there is one. */
    public static Optional<Path> find(String program) {
        return find(program, searchFolders(System.getenv("PATH")));
    }

    /**
     * The first executable regular file among {@code program}'s alternatives: an absolute path as
     * it is, a name in the first of {@code folders} that holds it.
     */
    public static Optional<Path> find(String program, List<Path> folders) {
        for (String alternative : alternatives(program)) {
            if (alternative.contains("/")) {
                Path file = Path.of(alternative);
                if (file.isAbsolute() && isProgram(file)) {
                    return Optional.of(file);
                }
                continue;
            }
            for (Path folder : folders) {
                Path file = folder.resolve(alternative);
                if (isProgram(file)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    /** The folders of {@code pathVariable} (may be null), then the standard folders, each once. */
    public static List<Path> searchFolders(String pathVariable) {
        Set<Path> folders = new LinkedHashSet<>();
        if (pathVariable != null) {
            for (String entry : pathVariable.split(File.pathSeparator)) {
                // An empty entry means the working directory to a shell; no test program lives there.
                if (!entry.isEmpty()) {
                    try {
                        folders.add(Path.of(entry));
                    } catch (InvalidPathException e) {
                        // not a folder anything could be found in
                    }
                }
            }
        }
        folders.addAll(STANDARD_FOLDERS);
        return List.copyOf(folders);
    }

    /** Whether {@code ci} (the value of the {@code CI} variable, may be null) asks missing programs to fail tests. */
    public static boolean isCi(String ci) {
        return "true".equalsIgnoreCase(ci);
    }

    /**
     * Ends the test because something it needs is missing: skips it, or fails it when {@code ci}
     * (the value of {@code CI}) is {@code true}. For checks that are not a program on a search path
     * (a file that an earlier build step makes, say), so that they follow the same policy.
     */
    public static <T> T missing(String message, String ci) {
        if (isCi(ci)) {
            return Assertions.fail("Failing, not skipping, because CI=true (CI installs everything the tests need): " + message);
        }
        return Assumptions.abort(message);
    }

    /** What is missing, where it was looked for, how to install it. */
    static String missingMessage(List<String> programs, List<Path> folders, String install) {
        StringBuilder m = new StringBuilder("Needs ");
        m.append(programs.stream().map(Programs::describe).collect(Collectors.joining(" and ")));
        m.append(", not found");
        boolean anyName = programs.stream().flatMap(p -> alternatives(p).stream()).anyMatch(a -> !a.contains("/"));
        if (anyName) {
            m.append(" in ").append(folders.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)))
                    .append(" (PATH, then the standard folders)");
        }
        m.append('.');
        if (install != null && !install.isBlank()) {
            m.append(" Install: ").append(install.strip());
        }
        return m.toString();
    }

    static List<String> alternatives(String program) {
        List<String> names = new ArrayList<>();
        for (String name : program.split("\\|")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no program named in \"" + program + "\"");
        }
        return names;
    }

    private static String describe(String program) {
        return String.join(" or ", alternatives(program));
    }

    private static boolean isProgram(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}

package io.trestle.example;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Outside programs a test needs (a browser, Redis, nginx): found on a search path, and when one is
 * missing, a skipped test on a developer's machine but a failed one on CI ({@code CI=true}),
 * where a missing program means a broken build image, not a choice.
 */
public final class ExternalPrograms {
    private ExternalPrograms() {
    }

    /** The first executable file named one of {@code names} in the folders of {@code searchPath}. */
    public static Optional<Path> find(String searchPath, String... names) {
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String name : names) {
            for (String dir : searchPath.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Ends the test because a program is missing: fails when {@code ci} is "true", else skips. */
    public static <T> T missing(String reason, String ci) {
        if ("true".equalsIgnoreCase(ci)) {
            return Assertions.fail(reason + " (failing because CI=true)");
        }
        return Assumptions.abort(reason);
    }

    /** The path found, or "not found", for messages. */
    public static String describe(Optional<Path> path) {
        return path.map(Path::toString).orElse("not found");
    }
}

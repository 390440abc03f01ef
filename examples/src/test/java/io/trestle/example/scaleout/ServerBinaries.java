package io.trestle.example.scaleout;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code redis-server} and {@code nginx}, found on {@code PATH} or in {@code /usr/sbin}
 * (where Debian puts nginx, outside a normal user's PATH).
 */
record ServerBinaries(Path redisServer, Path nginx) {

    static final String INSTALL_HINT = "apt-get install -y redis-server nginx";
    private static final String SBIN = "/usr/sbin" + File.pathSeparator + "/usr/bin";

    /**
     * Both programs, or: a skipped test on a developer's machine, a failed one on CI
     * ({@code CI=true}), where a missing one means a broken build image, not a choice.
     */
    static ServerBinaries requireOrSkip() {
        String path = System.getenv("PATH");
        return requireOrSkip((path == null ? "" : path) + File.pathSeparator + SBIN, System.getenv("CI"));
    }

    /** The programs in the folders of {@code searchPath}; {@code ci} is the value of {@code CI}. */
    static ServerBinaries requireOrSkip(String searchPath, String ci) {
        Optional<Path> redis = find(searchPath, "redis-server");
        Optional<Path> nginx = find(searchPath, "nginx");
        if (redis.isPresent() && nginx.isPresent()) {
            return new ServerBinaries(redis.get(), nginx.get());
        }
        String reason = "The scale-out test needs redis-server and nginx (redis-server: " + describe(redis)
                + ", nginx: " + describe(nginx) + "). Install them: " + INSTALL_HINT;
        if ("true".equalsIgnoreCase(ci)) {
            return Assertions.fail(reason + " (failing because CI=true)");
        }
        return Assumptions.abort(reason);
    }

    /** The first executable file called {@code name} in the folders of {@code searchPath}. */
    static Optional<Path> find(String searchPath, String name) {
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(Optional<Path> path) {
        return path.map(Path::toString).orElse("not found");
    }
}

package io.trestle.example.scaleout;

import io.trestle.example.ExternalPrograms;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

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
        Optional<Path> redis = ExternalPrograms.find(searchPath, "redis-server");
        Optional<Path> nginx = ExternalPrograms.find(searchPath, "nginx");
        if (redis.isPresent() && nginx.isPresent()) {
            return new ServerBinaries(redis.get(), nginx.get());
        }
        return ExternalPrograms.missing("The scale-out test needs redis-server and nginx (redis-server: "
                + ExternalPrograms.describe(redis) + ", nginx: " + ExternalPrograms.describe(nginx)
                + "). Install them: " + INSTALL_HINT, ci);
    }
}

package io.trestle.example.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The example app's web root, the repository's {@code resources/} folder. */
final class WebRoot {

    private WebRoot() {
    }

    /** Found from the working directory upwards: Maven runs the tests in {@code examples/}. */
    static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("resources");
            if (Files.isRegularFile(candidate.resolve("index.html"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no resources/index.html in " + Path.of("").toAbsolutePath() + " or above");
    }

    /** The files under the web root whose names end in {@code suffix}, sorted. */
    static List<Path> files(String suffix) throws IOException {
        Path root = find();
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}

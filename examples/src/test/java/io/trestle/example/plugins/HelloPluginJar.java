package io.trestle.example.plugins;

import io.trestle.fixtures.TestJars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds {@code hello-plugin.jar} from the sources of {@code examples/hello-plugin}, the way its
 * Maven build does, so the example app's tests need no {@code package} of that module (and the jar
 * stays off the app's class path, as it is for users).
 */
final class HelloPluginJar {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path MODULE = REPO.resolve("examples/hello-plugin");

    private HelloPluginJar() {
    }

    /** Writes the jar to {@code file} and returns it. */
    static Path write(Path file) {
        TestJars.Builder jar = TestJars.builder().directoryEntries();
        Path sources = MODULE.resolve("src/main/java");
        Path resources = MODULE.resolve("src/main/resources");
        for (Path source : files(sources, ".java")) {
            String className = sources.relativize(source).toString().replace('/', '.').replace(".java", "");
            jar.java(className, read(source));
        }
        for (Path resource : files(resources, "")) {
            jar.resource(resources.relativize(resource).toString().replace('\\', '/'), read(resource));
        }
        return jar.write(file);
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

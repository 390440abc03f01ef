package io.trestle.discovery;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The jars of a plugins folder: regular files named {@code *.jar}, by file name. Hidden files
 * ({@code .hello.jar}) are passed over, as are other names, so a copy in progress under a
 * temporary name ({@code hello.jar.part}, {@code .hello.jar.tmp}) is never loaded.
 *
 * <pre>{@code
 * for (Path jar : PluginFolder.jars(Path.of("plugins"))) { ... }
 * }</pre>
 */
public final class PluginFolder {

    private PluginFolder() {
    }

    /** Whether {@code fileName} names a plugin jar. */
    public static boolean isJarName(String fileName) {
        return fileName.endsWith(".jar") && !fileName.startsWith(".") && fileName.length() > ".jar".length();
    }

    /**
     * The plugin jars in {@code dir}, sorted by file name.
     *
     * @throws IOException when the folder cannot be listed
     */
    public static List<Path> jars(Path dir) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (isJarName(p.getFileName().toString()) && Files.isRegularFile(p)) {
                    jars.add(p);
                }
            }
        }
        TreeMap<String, Path> byName = new TreeMap<>(); // names in one folder are unique
        for (Path jar : jars) {
            byName.put(jar.getFileName().toString(), jar);
        }
        return new ArrayList<>(byName.values());
    }
}

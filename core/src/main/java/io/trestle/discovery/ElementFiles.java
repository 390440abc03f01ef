package io.trestle.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The files of one class path element, a folder or a jar, by their names inside it
 * ({@code com/acme/Hello.class}): only names are listed, which is cheap next to reading classes.
 *
 * <pre>{@code
 * try (ElementFiles files = ElementFiles.open(Path.of("app.jar"))) {
 *     List<String> classes = files.classFiles(List.of("com/acme"));
 *     byte[] index = files.read("META-INF/trestle/route-index");   // null when absent
 * }
 * }</pre>
 */
abstract sealed class ElementFiles implements AutoCloseable {
    private static final String VERSIONS = "META-INF/versions/";

    static ElementFiles open(Path element) throws IOException {
        return Files.isDirectory(element) ? new Folder(element) : new Jar(element);
    }

    /**
     * The class files under {@code folders} (e.g. {@code com/acme}, with sub-folders; every class file
     * when the list is empty), including those of a multi-release jar's {@code META-INF/versions/N/}
     * tree. {@code module-info} and {@code package-info} never hold routes and are left out.
     */
    abstract List<String> classFiles(List<String> folders) throws IOException;

    /** The bytes of a file, or {@code null} when there is none. */
    abstract byte[] read(String name) throws IOException;

    @Override
    public abstract void close() throws IOException;

    /** The name without its {@code META-INF/versions/N/} prefix, or {@code null} when it has none. */
    static String unversioned(String name) {
        if (!name.startsWith(VERSIONS)) {
            return null;
        }
        int slash = name.indexOf('/', VERSIONS.length());
        return slash < 0 ? null : name.substring(slash + 1);
    }

    /** {@code com/acme} → {@code com/acme/}: made once per listing, not once per entry of a large jar. */
    static List<String> prefixes(List<String> folders) {
        List<String> prefixes = new ArrayList<>(folders.size());
        for (String folder : folders) {
            prefixes.add(folder + "/");
        }
        return prefixes;
    }

    /** Whether {@code name} is a class file under one of {@code prefixes} (any class file when there are none). */
    static boolean isClassUnder(String name, List<String> prefixes) {
        // The prefix first: in a shaded jar nearly every entry is outside the scanned packages.
        String plain = unversioned(name);
        String path = plain == null ? name : plain;
        boolean under = prefixes.isEmpty();
        for (int i = 0; !under && i < prefixes.size(); i++) {
            under = path.startsWith(prefixes.get(i));
        }
        return under && name.endsWith(".class") && !name.endsWith("module-info.class") && !name.endsWith("package-info.class");
    }

    private static final class Folder extends ElementFiles {
        private final Path root;

        Folder(Path root) {
            this.root = root;
        }

        @Override
        List<String> classFiles(List<String> folders) throws IOException {
            Set<String> names = new LinkedHashSet<>();
            List<Path> starts = new ArrayList<>();
            if (folders.isEmpty()) {
                starts.add(root);
            }
            for (String folder : folders) {
                starts.add(root.resolve(folder));
                starts.add(root.resolve(VERSIONS));
            }
            List<String> prefixes = prefixes(folders);
            for (Path start : starts.stream().distinct().toList()) {
                if (!Files.isDirectory(start)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(start)) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        String name = root.relativize(p).toString().replace(java.io.File.separatorChar, '/');
                        if (isClassUnder(name, prefixes) && Files.isRegularFile(p)) {
                            names.add(name);
                        }
                    }
                }
            }
            return List.copyOf(names);
        }

        @Override
        byte[] read(String name) throws IOException {
            Path file = root.resolve(name);
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        }

        @Override
        public void close() {
        }
    }

    private static final class Jar extends ElementFiles {
        private final ZipFile zip;

        Jar(Path jar) throws IOException {
            // A plain ZipFile: the raw entry names are wanted, not a multi-release view of them.
            zip = new ZipFile(jar.toFile());
        }

        @Override
        List<String> classFiles(List<String> folders) {
            List<String> names = new ArrayList<>();
            List<String> prefixes = prefixes(folders);
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory() && isClassUnder(entry.getName(), prefixes)) {
                    names.add(entry.getName());
                }
            }
            return names;
        }

        @Override
        byte[] read(String name) throws IOException {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null || entry.isDirectory()) {
                return null;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}

package io.trestle.discovery;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class loader of one plugin jar. The JDK, the Trestle API, SLF4J and Jackson come from the
 * parent, so a plugin shares {@code io.trestle.Handler} (the same {@code Class}) with the server;
 * everything else is looked up in the jar first, so a plugin can bundle its own library versions.
 * Plugins are siblings: one never sees another's classes.
 *
 * <p>The loader reads a private copy of the jar, so the original can be replaced or deleted while
 * the plugin runs; {@link #close()} deletes the copy.
 *
 * <pre>{@code
 * try (PluginClassLoader loader = PluginClassLoader.open(Path.of("plugins/hello.jar"), appLoader)) {
 *     Class<?> c = loader.loadClass("com.acme.Hello");
 * }
 * }</pre>
 */
public final class PluginClassLoader extends URLClassLoader {
    private static final Logger LOG = LoggerFactory.getLogger(PluginClassLoader.class);

    /** Class-name prefixes always taken from the parent: shared API types must be one Class. */
    private static final String[] PARENT_FIRST = {
        "java.", "javax.", "jdk.", "sun.", "com.sun.", "io.trestle.", "org.slf4j.", "com.fasterxml.jackson."
    };
    private static final String[] PARENT_FIRST_RESOURCES = toResourcePrefixes(PARENT_FIRST);

    static {
        registerAsParallelCapable();
    }

    private final Path original;
    private final Path copy;

    private PluginClassLoader(Path original, Path copy, ClassLoader parent) throws IOException {
        super("plugin:" + original.getFileName(), new URL[] {copy.toUri().toURL()}, parent);
        this.original = original;
        this.copy = copy;
    }

    /**
     * Copies {@code jar} to a temporary file and opens a loader on the copy.
     *
     * @throws IOException when the jar cannot be read or is no zip file
     */
    public static PluginClassLoader open(Path jar, ClassLoader parent) throws IOException {
        Objects.requireNonNull(parent, "parent");
        String name = jar.getFileName().toString();
        Path copy = TempCopies.create(name);
        try {
            Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            checkIsJar(copy, name);
            return new PluginClassLoader(jar, copy, parent);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    private static void checkIsJar(Path copy, String name) throws IOException {
        try {
            // Opening reads the central directory: enough to tell a jar from a truncated or foreign file.
            new JarFile(copy.toFile()).close();
        } catch (IOException e) {
            throw new IOException(name + " is not a readable jar (zip) file: " + e.getMessage(), e);
        }
    }

    /** The jar this loader was opened on (it may since have been replaced or deleted). */
    public Path jar() {
        return original;
    }

    /** The private copy the classes are read from. */
    public Path copy() {
        return copy;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (startsWithAny(name, PARENT_FIRST)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException notInJar) {
                    c = getParent().loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        if (startsWithAny(name, PARENT_FIRST_RESOURCES)) {
            return super.getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    /**
     * The jar's own resources first, then the parent's. {@code META-INF/services} files of the
     * application are therefore visible too; discovery keeps only providers this loader defined.
     */
    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (startsWithAny(name, PARENT_FIRST_RESOURCES)) {
            return super.getResources(name);
        }
        List<URL> urls = new ArrayList<>(Collections.list(findResources(name)));
        urls.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(urls);
    }

    /** Closes the jar and deletes the private copy; classes already loaded stay usable until unreachable. */
    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                LOG.warn("cannot delete the copy {} of plugin jar {}: {}", copy, original.getFileName(), e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return getName();
    }

    private static boolean startsWithAny(String name, String[] prefixes) {
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static String[] toResourcePrefixes(String[] packagePrefixes) {
        String[] paths = new String[packagePrefixes.length];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = packagePrefixes[i].replace('.', '/');
        }
        return paths;
    }
}

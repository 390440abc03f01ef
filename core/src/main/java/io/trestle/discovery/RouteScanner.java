package io.trestle.discovery;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import io.trestle.Route;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds classes carrying {@link Route} (on the class or on methods) with ClassGraph, reading
 * class files only: nothing is loaded here. Scans either a few packages of the application
 * class path or one plugin jar, never the whole class path (that takes seconds).
 */
final class RouteScanner {
    private static final Logger LOG = LoggerFactory.getLogger(RouteScanner.class);

    // A repeated @Route is compiled into its container only, so both must be looked for.
    private static final String ROUTE = Route.class.getName();
    private static final String ROUTES = Route.List.class.getName();

    private RouteScanner() {
    }

    /** Names of the concrete {@code @Route} classes in {@code packages} (and sub-packages) seen by {@code loader}. */
    static List<String> scanPackages(ClassLoader loader, List<String> packages) throws DiscoveryException {
        if (packages.isEmpty()) {
            return List.of();
        }
        return scanPackages(loader, packages, PackageLocations.of(loader, packages));
    }

    /** As {@link #scanPackages(ClassLoader, List)} with the elements holding the packages known ({@code null}: unknown). */
    static List<String> scanPackages(ClassLoader loader, List<String> packages, List<Path> elements) throws DiscoveryException {
        ClassGraph graph = configured().acceptPackages(packages.toArray(String[]::new));
        if (elements != null) {
            LOG.debug("scanning {} in {}", InWords.list(packages), InWords.list(elements));
            graph.overrideClasspath(elements);
        } else {
            LOG.debug("scanning {} on the whole class path of {}", InWords.list(packages),
                    loader.getName() != null ? loader.getName() : loader.getClass().getName());
            graph.overrideClassLoaders(loader);
        }
        return scan(graph);
    }

    /** Names of the concrete {@code @Route} classes in one jar file. */
    static List<String> scanJar(Path jar) throws DiscoveryException {
        return scan(configured().overrideClasspath(jar.toString()));
    }

    private static ClassGraph configured() {
        // Visibility is ignored so that a non-public @Route class or method is found and then refused
        // with a clear message, instead of being skipped without a word.
        return new ClassGraph()
                .enableClassInfo()
                .enableMethodInfo()
                .enableAnnotationInfo()
                .ignoreClassVisibility()
                .ignoreMethodVisibility()
                .disableModuleScanning();
    }

    private static List<String> scan(ClassGraph graph) throws DiscoveryException {
        TreeSet<String> names = new TreeSet<>();
        try (ScanResult result = graph.scan()) {
            collect(result.getClassesWithAnnotation(ROUTE), names);
            collect(result.getClassesWithAnnotation(ROUTES), names);
            collect(result.getClassesWithMethodAnnotation(ROUTE), names);
            collect(result.getClassesWithMethodAnnotation(ROUTES), names);
        } catch (RuntimeException e) {
            // ClassGraphException and friends: a class file ClassGraph cannot read.
            throw new DiscoveryException("the @Route scan failed: " + DiscoveryException.describe(e), e);
        }
        return List.copyOf(names);
    }

    private static void collect(List<ClassInfo> classes, TreeSet<String> names) {
        for (ClassInfo c : classes) {
            if (c.isInterfaceOrAnnotation() || c.isAbstract()) {
                LOG.debug("skipping {}: @Route on an abstract type is not instantiated", c.getName());
            } else {
                names.add(c.getName());
            }
        }
    }
}

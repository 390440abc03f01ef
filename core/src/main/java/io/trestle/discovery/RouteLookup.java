package io.trestle.discovery;

import java.nio.file.Path;
import java.util.List;

/**
 * Finds a source's {@code @Route} classes the quick way when it can, from the build-time
 * {@link io.trestle.discovery.index.RouteIndex} files, else with the ClassGraph scan. Both give the
 * same names; ClassGraph is not even loaded when the indexes answer.
 *
 * <pre>{@code
 * RouteLookup.Found found = RouteLookup.packages(appLoader, List.of("com.acme.web"));
 * found.names();    // sorted binary names
 * found.how();      // "@Route index" or "ClassGraph scan (no @Route index in app.jar)"
 * found.inWords();  // "routes from its @Route index" or "routes by ClassGraph scan: no @Route index in app.jar"
 * }</pre>
 */
final class RouteLookup {

    /**
     * @param names   binary names of the concrete {@code @Route} classes, sorted
     * @param indexed whether they come from an index, which may be stale: re-check each loaded class
     * @param how     for the step's log line: which way they were found, and why a scan was needed
     * @param inWords for a source's summary line: where its routes came from, and why a scan was needed
     */
    record Found(List<String> names, boolean indexed, String how, String inWords) {
        static Found indexed(List<String> names) {
            return new Found(names, true, "@Route index", "routes from its @Route index");
        }

        static Found scanned(List<String> names, String reason) {
            return new Found(names, false, "ClassGraph scan (" + reason + ")", "routes by ClassGraph scan: " + reason);
        }
    }

    private RouteLookup() {
    }

    /** The {@code @Route} classes in {@code packages} and sub-packages seen by {@code loader}. */
    static Found packages(ClassLoader loader, List<String> packages) throws DiscoveryException {
        if (packages.isEmpty()) {
            return new Found(List.of(), false, "no scan (no packages)", "no packages to scan");
        }
        List<Path> elements = PackageLocations.of(loader, packages);
        if (elements == null) {
            return Found.scanned(RouteScanner.scanPackages(loader, packages, null), "the packages' class path elements are unknown");
        }
        IndexedRoutes.Lookup lookup = IndexedRoutes.find(elements, packages);
        if (lookup.names() != null) {
            return Found.indexed(lookup.names());
        }
        return Found.scanned(RouteScanner.scanPackages(loader, packages, elements), lookup.reason());
    }

    /** The {@code @Route} classes of one plugin jar, read from its private {@code copy}. */
    static Found jar(Path copy, String jarName) throws DiscoveryException {
        IndexedRoutes.Lookup lookup = IndexedRoutes.findInPluginJar(copy, jarName);
        if (lookup.names() != null) {
            return Found.indexed(lookup.names());
        }
        return Found.scanned(RouteScanner.scanJar(copy), lookup.reason());
    }
}

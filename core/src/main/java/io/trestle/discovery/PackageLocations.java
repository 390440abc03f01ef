package io.trestle.discovery;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The class path elements (folders and jars) that hold given packages, found by asking the class
 * loader for the packages' folders. Scanning only those spares ClassGraph opening every jar of
 * the class path: on a test class path of 16 jars a warm scan drops from ~250 ms to ~70 ms.
 *
 * <p>A jar written without directory entries does not answer for its packages; when no element
 * answers for a package, or one is of a kind not understood here (a nested jar), the caller falls
 * back to the whole class path restricted to the packages.
 */
final class PackageLocations {

    private PackageLocations() {
    }

    /** The elements holding each of {@code packages}, or {@code null} when that cannot be told. */
    static List<Path> of(ClassLoader loader, List<String> packages) {
        Set<Path> elements = new LinkedHashSet<>();
        for (String pkg : packages) {
            String folder = pkg.replace('.', '/');
            List<URL> urls;
            try {
                urls = Collections.list(loader.getResources(folder));
            } catch (IOException e) {
                return null;
            }
            if (urls.isEmpty()) {
                return null;
            }
            for (URL url : urls) {
                Path element = element(url, folder);
                if (element == null) {
                    return null;
                }
                elements.add(element);
            }
        }
        return List.copyOf(elements);
    }

    /** {@code file:/a/classes/com/acme/} → {@code /a/classes}; {@code jar:file:/a/x.jar!/com/acme/} → {@code /a/x.jar}. */
    private static Path element(URL url, String folder) {
        String s = url.toString();
        if (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            if (s.startsWith("file:") && s.endsWith("/" + folder)) {
                return Path.of(URI.create(s.substring(0, s.length() - folder.length())));
            }
            int bang = s.indexOf("!/");
            if (s.startsWith("jar:file:") && bang > 0 && bang == s.lastIndexOf("!/") && s.endsWith("!/" + folder)) {
                return Path.of(URI.create(s.substring(4, bang)));
            }
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
        return null;
    }
}

package io.trestle.discovery;

import io.trestle.discovery.index.RouteIndex;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code @Route} classes of some class path elements taken from their {@link RouteIndex}
 * files instead of a ClassGraph scan, giving exactly the names the scan would: concrete classes
 * with {@code @Route} on the class or a declared method, or inheriting a non-private annotated
 * method from a scanned superclass.
 *
 * <p>An index is only trusted for the classes it vouches for. Every class file in the scanned
 * packages (just the names: a jar's entry list, a folder walk) must be listed in its element's
 * index; otherwise, or when an index is missing or malformed, the answer is "scan" for all the
 * elements together, since a class in one element may inherit routes from a class in another.
 * Local and anonymous classes cannot be listed by an annotation processor; they are passed when
 * their bytes name neither {@code @Route} nor a class whose routes they could inherit.
 *
 * <pre>{@code
 * IndexedRoutes.Lookup found = IndexedRoutes.find(List.of(Path.of("app.jar")), List.of("com.acme"));
 * if (found.names() == null) { ... scan, found.reason() says why ... }
 * }</pre>
 */
final class IndexedRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(IndexedRoutes.class);
    private static final List<String> ROUTE_DESCRIPTORS = List.of("Lio/trestle/Route;", "Lio/trestle/Route$List;");

    /**
     * @param names  the {@code @Route} class names, sorted; {@code null} when the elements must be scanned
     * @param reason why they must be scanned
     */
    record Lookup(List<String> names, String reason) {
        static Lookup scan(String reason) {
            return new Lookup(null, reason);
        }
    }

    private IndexedRoutes() {
    }

    /**
     * The {@code @Route} classes in {@code packages} and their sub-packages (every class when the
     * list is empty, as for a plugin jar) of {@code elements}; for a class in several elements the
     * first one's counts, as on a class path.
     */
    static Lookup find(List<Path> elements, List<String> packages) {
        return find(elements, packages, null);
    }

    /**
     * The {@code @Route} classes of a plugin jar, read from {@code copy} (the private copy its
     * class loader reads) but named {@code jarName} in reasons and warnings: the user knows the
     * jar in the plugins folder, not the copy.
     */
    static Lookup findInPluginJar(Path copy, String jarName) {
        return find(List.of(copy), List.of(), jarName);
    }

    private static Lookup find(List<Path> elements, List<String> packages, String shownAs) {
        List<String> folders = new ArrayList<>(packages.size());
        for (String p : packages) {
            folders.add(p.replace('.', '/'));
        }
        Map<String, RouteIndex.Entry> scope = new LinkedHashMap<>();
        Map<String, byte[]> unnamed = new LinkedHashMap<>();
        for (Path element : elements) {
            String why;
            try {
                why = collect(element, shownAs, folders, scope, unnamed);
            } catch (IOException | RuntimeException e) {
                why = "cannot read " + (shownAs != null ? shownAs : element) + ": " + DiscoveryException.describe(e);
            }
            if (why != null) {
                return Lookup.scan(why);
            }
        }
        for (RouteIndex.Entry e : scope.values()) {
            // ClassGraph also counts annotations that carry @Route (meta-annotations); Trestle itself
            // reads @Route only, so this is a mistake to leave to the scan and its error message.
            if (e.kind() == RouteIndex.Kind.ANNOTATION && e.onType()) {
                return Lookup.scan("annotation " + e.name() + " carries @Route");
            }
        }
        Set<String> inheritable = inheritable(scope);
        for (Map.Entry<String, byte[]> u : unnamed.entrySet()) {
            if (mentionsAny(u.getValue(), inheritable)) {
                return Lookup.scan("local or anonymous class " + u.getKey() + " may have @Route methods");
            }
        }
        TreeSet<String> names = new TreeSet<>();
        for (RouteIndex.Entry e : scope.values()) {
            if (e.kind() == RouteIndex.Kind.CLASS && (e.onType() || e.onMethod() || inherits(e, scope))) {
                names.add(e.name());
            }
        }
        return new Lookup(List.copyOf(names), null);
    }

    /** Adds the element's classes in scope; returns why the index cannot answer, or {@code null}. */
    private static String collect(Path element, String shownAs, List<String> folders, Map<String, RouteIndex.Entry> scope,
            Map<String, byte[]> unnamed) throws IOException {
        String shown = shownAs != null ? shownAs : element.getFileName().toString();
        try (ElementFiles files = ElementFiles.open(element)) {
            List<String> classFiles = files.classFiles(folders);
            if (classFiles.isEmpty()) {
                return null;
            }
            byte[] text = files.read(RouteIndex.PATH);
            if (text == null) {
                return "no @Route index in " + shown;
            }
            RouteIndex index;
            try {
                index = RouteIndex.parse(new String(text, StandardCharsets.UTF_8));
            } catch (RouteIndex.MalformedException e) {
                LOG.warn("{}: unreadable @Route index {} ({}); scanning the classes instead",
                        shownAs != null ? shownAs : element, RouteIndex.PATH, e.getMessage());
                return "malformed @Route index in " + shown;
            }
            for (String file : classFiles) {
                if (ElementFiles.unversioned(file) != null) {
                    // A version-specific class was compiled apart from the rest: the index cannot speak for it.
                    return "multi-release class " + file + " in " + shown;
                }
                String name = file.substring(0, file.length() - ".class".length()).replace('/', '.');
                RouteIndex.Entry entry = index.get(name);
                if (scope.containsKey(name) || unnamed.containsKey(name)) {
                    continue;
                } else if (entry != null) {
                    scope.put(name, entry);
                } else if (isLocalOrAnonymous(name)) {
                    unnamed.put(name, files.read(file));
                } else {
                    return name + " in " + shown + " is not in its @Route index";
                }
            }
            return null;
        }
    }

    /** {@code Outer$1} and {@code Outer$1Local}: javac numbers them; no member class name starts with a digit. */
    static boolean isLocalOrAnonymous(String binaryName) {
        String simple = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        for (int dollar = simple.indexOf('$'); dollar >= 0; dollar = simple.indexOf('$', dollar + 1)) {
            if (dollar + 1 < simple.length() && Character.isDigit(simple.charAt(dollar + 1))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a class in scope inherits a non-private {@code @Route} method from a superclass in scope. */
    private static boolean inherits(RouteIndex.Entry entry, Map<String, RouteIndex.Entry> scope) {
        Set<String> seen = new HashSet<>();
        for (RouteIndex.Entry up = scope.get(entry.superclass()); up != null && seen.add(up.name()); up = scope.get(up.superclass())) {
            if (up.onNonPrivateMethod()) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a local or anonymous class's bytes must not mention: the annotation, and the internal
     * names of classes whose routes a subclass inherits.
     */
    private static Set<String> inheritable(Map<String, RouteIndex.Entry> scope) {
        Set<String> strings = new HashSet<>(ROUTE_DESCRIPTORS);
        for (RouteIndex.Entry e : scope.values()) {
            if (e.onNonPrivateMethod() || inherits(e, scope)) {
                strings.add(e.name().replace('.', '/'));
            }
        }
        return strings;
    }

    // A byte search, not a class-file parse: a false hit only costs a scan. Names are compared in
    // the class file's own encoding (modified UTF-8), byte for byte.
    private static boolean mentionsAny(byte[] classFile, Set<String> strings) {
        String bytes = new String(classFile, StandardCharsets.ISO_8859_1);
        for (String s : strings) {
            if (bytes.contains(modifiedUtf8(s))) {
                return true;
            }
        }
        return false;
    }

    private static String modifiedUtf8(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            data.writeUTF(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] withLength = out.toByteArray();
        return new String(withLength, 2, withLength.length - 2, StandardCharsets.ISO_8859_1);
    }
}

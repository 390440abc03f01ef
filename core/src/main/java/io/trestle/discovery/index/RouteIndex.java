package io.trestle.discovery.index;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code @Route} index a compilation leaves in its output ({@value #PATH}): one line per
 * class it compiled, so discovery can skip the ClassGraph scan for classes the index vouches for.
 * Written by {@link RouteIndexProcessor}, read by discovery.
 *
 * <pre>
 * # trestle-route-index 1
 * com.acme.Hello class a java.lang.Object
 * com.acme.NotesApi class mn java.lang.Object
 * com.acme.Util class - java.lang.Object
 * </pre>
 *
 * <p>Each line holds the binary name, the kind ({@code class} for a concrete class, enum or record,
 * {@code abstract}, {@code interface}, {@code annotation}), flags ({@code a}: {@code @Route} on the
 * type; {@code m}: on a declared method; {@code n}: on a declared non-private method, which
 * subclasses inherit; {@code -}: none) and the superclass's binary name ({@code -} for none).
 * The facts are raw so a reader can work out exactly what a ClassGraph scan of the same classes
 * would report, inherited routes included. Files concatenated by a shading tool stay readable:
 * the header line may repeat.
 *
 * <pre>{@code
 * RouteIndex index = RouteIndex.parse(text);          // MalformedException on a bad line
 * RouteIndex.Entry hello = index.get("com.acme.Hello");
 * }</pre>
 */
public final class RouteIndex {
    /** Where the index lives, relative to a class output folder or a jar's root. */
    public static final String PATH = "META-INF/trestle/route-index";

    static final String HEADER = "# trestle-route-index";
    static final String VERSION = "1";

    /** What a type is, as a scan tells concrete classes from the rest. */
    public enum Kind {
        CLASS, ABSTRACT, INTERFACE, ANNOTATION;

        String token() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One compiled type.
     *
     * @param onType             {@code @Route} (or its container) on the type itself
     * @param onMethod           on a method the type declares
     * @param onNonPrivateMethod on a non-private declared method: subclasses inherit it
     * @param superclass         binary name of the superclass, {@code null} for none
     */
    public record Entry(String name, Kind kind, boolean onType, boolean onMethod, boolean onNonPrivateMethod,
            String superclass) {

        String line() {
            String flags = (onType ? "a" : "") + (onMethod ? "m" : "") + (onNonPrivateMethod ? "n" : "");
            return name + " " + kind.token() + " " + (flags.isEmpty() ? "-" : flags) + " " + (superclass == null ? "-" : superclass);
        }
    }

    /** An index file that cannot be read: a reader falls back to scanning. */
    public static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    private final Map<String, Entry> entries;

    private RouteIndex(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** An index of {@code entries}; a later entry for the same name replaces an earlier one. */
    public static RouteIndex of(Collection<Entry> entries) {
        Map<String, Entry> map = new TreeMap<>();
        for (Entry e : entries) {
            map.put(e.name(), e);
        }
        return new RouteIndex(map);
    }

    /** Reads an index, or concatenated ones; two different lines for one class are an error. */
    public static RouteIndex parse(CharSequence text) throws MalformedException {
        Map<String, Entry> map = new TreeMap<>();
        boolean headerSeen = false;
        int lineNumber = 0;
        String all = text.toString();
        for (int start = 0; start < all.length();) {
            int end = all.indexOf('\n', start);
            if (end < 0) {
                end = all.length();
            }
            String line = all.substring(start, end).strip();
            start = end + 1;
            lineNumber++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith(HEADER)) {
                String version = line.substring(HEADER.length()).strip();
                if (!version.equals(VERSION)) {
                    throw new MalformedException("line " + lineNumber + ": unsupported index version '" + version + "'");
                }
                headerSeen = true;
            } else if (!headerSeen) {
                throw new MalformedException("line " + lineNumber + ": expected '" + HEADER + " " + VERSION + "' first");
            } else if (!line.startsWith("#")) {
                Entry entry = entry(line, lineNumber);
                Entry before = map.putIfAbsent(entry.name(), entry);
                if (before != null && !before.equals(entry)) {
                    throw new MalformedException("line " + lineNumber + ": " + entry.name() + " is listed twice, differently");
                }
            }
        }
        if (!headerSeen) {
            throw new MalformedException("empty: no '" + HEADER + " " + VERSION + "' line");
        }
        return new RouteIndex(map);
    }

    private static Entry entry(String line, int lineNumber) throws MalformedException {
        String[] parts = fields(line);
        if (parts.length != 4 || !isName(parts[0]) || !(parts[3].equals("-") || isName(parts[3]))) {
            throw new MalformedException("line " + lineNumber + ": expected '<class> <kind> <flags> <superclass>', got '" + line + "'");
        }
        Kind kind = null;
        for (Kind k : Kind.values()) {
            if (k.token().equals(parts[1])) {
                kind = k;
            }
        }
        String flags = parts[2];
        if (kind == null || !(flags.equals("-") || onlyFlags(flags))) {
            throw new MalformedException("line " + lineNumber + ": bad kind or flags in '" + line + "'");
        }
        return new Entry(parts[0], kind, flags.indexOf('a') >= 0, flags.indexOf('m') >= 0, flags.indexOf('n') >= 0,
                parts[3].equals("-") ? null : parts[3]);
    }

    // The reading below is plain loops, no regular expressions or streams: it runs once per start-up,
    // in a JVM that has compiled nothing yet, where those cost tens of milliseconds to set up.

    /** The space-separated fields of a line; runs of spaces count as one. */
    private static String[] fields(String line) {
        java.util.List<String> fields = new java.util.ArrayList<>(4);
        int start = 0;
        while (start < line.length()) {
            int end = line.indexOf(' ', start);
            if (end < 0) {
                end = line.length();
            }
            if (end > start) {
                fields.add(line.substring(start, end));
            }
            start = end + 1;
        }
        return fields.toArray(new String[0]);
    }

    private static boolean onlyFlags(String flags) {
        for (int i = 0; i < flags.length(); i++) {
            char c = flags.charAt(i);
            if (c != 'a' && c != 'm' && c != 'n') {
                return false;
            }
        }
        return true;
    }

    /** A binary name: dot-separated Java identifiers ({@code $} included). */
    private static boolean isName(String s) {
        boolean partStart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (partStart) {
                    return false;
                }
                partStart = true;
            } else if (partStart ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c)) {
                partStart = false;
            } else {
                return false;
            }
        }
        return !partStart;
    }

    /** The entry for a binary name, or {@code null}. */
    public Entry get(String binaryName) {
        return entries.get(binaryName);
    }

    /** Every entry, sorted by name. */
    public Collection<Entry> entries() {
        return entries.values();
    }

    /** The file's text: the header, then one line per class, sorted, so builds are reproducible. */
    public String format() {
        StringBuilder out = new StringBuilder(HEADER).append(' ').append(VERSION).append('\n');
        out.append("# <class> <class|abstract|interface|annotation> <a: @Route on the type, m: on a method,"
                + " n: on a non-private method, or -> <superclass>\n");
        for (Entry e : entries.values()) {
            out.append(e.line()).append('\n');
        }
        return out.toString();
    }
}

package io.trestle.staticfiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One folder files are served from. Its real path is resolved once, at start-up; every lookup
 * resolves the candidate's real path and serves it only when it still lies under the root's and
 * has no dot-file in it (so a symbolic link can neither lead out of the root nor to a hidden
 * file). A missing root is logged once and then simply finds nothing.
 *
 * <p>The outcome of that check is remembered for a second per path, found or not: resolving a
 * real path asks the kernel about every folder on the way ({@code readlink}, {@code access}), and
 * cost 40 % of the CPU of serving a 1 KiB file. So a file added, removed or re-linked is seen
 * within a second; a path once found inside the root is never served from outside it, and the
 * file's attributes are still read on every request.
 *
 * <pre>{@code
 * ResourceRoot root = ResourceRoot.of(Path.of("resources"));
 * Resource r = root.find(SafePathResolver.parse("/css/site.css"));   // null when absent
 * }</pre>
 */
final class ResourceRoot {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceRoot.class);

    /** How long the real-path check of one path is trusted. */
    static final long CHECK_VALID_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Remembered paths per root; beyond this the memory starts afresh (a crawler cannot grow it). */
    private static final int MAX_REMEMBERED = 4096;

    /** A real-path check: the real path, or {@code null} when the path may not be served. */
    private record Checked(Path resolved, long atNanos) {
    }

    /**
     * The real paths of a file's precompressed copies ({@code name.br}, {@code name.gz}), each
     * {@code null} when absent: the same check as any path, remembered per file so that serving a
     * compressible file does not build two neighbour paths per request (4 % of a 1 KiB file's CPU).
     */
    record Siblings(Path brotli, Path gzip, long atNanos) {
        boolean none() {
            return brotli == null && gzip == null;
        }
    }

    private final Path configured;
    private final Path real;
    private final Map<Path, Checked> checked = new ConcurrentHashMap<>();
    private final Map<Path, Siblings> siblings = new ConcurrentHashMap<>();
    private final ValidatorTexts texts = new ValidatorTexts();

    private ResourceRoot(Path configured, Path real) {
        this.configured = configured;
        this.real = real;
    }

    /** A root on {@code folder}; when it is missing or no folder, a WARN is logged and it serves nothing. */
    static ResourceRoot of(Path folder) {
        Path real = realFolder(folder);
        if (real == null) {
            LOG.warn("Web root {} is missing or not a folder: static files answer 404", folder.toAbsolutePath());
        }
        return new ResourceRoot(folder, real);
    }

    /**
     * A root on a plugin jar's unpacked web files. It may be gone already (the jar was unloaded
     * while a request still held the old list): then it quietly serves nothing.
     */
    static ResourceRoot ofPlugin(Path folder) {
        return new ResourceRoot(folder, realFolder(folder));
    }

    private static Path realFolder(Path folder) {
        try {
            Path candidate = folder.toRealPath();
            return Files.isDirectory(candidate) ? candidate : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The remembered ETag and Last-Modified texts of this root's files. */
    ValidatorTexts texts() {
        return texts;
    }

    /** The folder as configured. */
    Path folder() {
        return configured;
    }

    boolean exists() {
        return real != null;
    }

    /** The file or directory at {@code path}, or {@code null} when there is none that may be served. */
    Resource find(RequestPath path) {
        if (real == null) {
            return null;
        }
        Path candidate = real;
        try {
            for (String segment : path.segments()) {
                candidate = candidate.resolve(segment);
            }
        } catch (InvalidPathException e) {
            return null;
        }
        return lookup(candidate);
    }

    /** The entry {@code name} in folder {@code dir} (an index file, a variant), or {@code null}. */
    Resource child(Path dir, String name) {
        try {
            return lookup(dir.resolve(name));
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** The real path of {@code candidate} when it may be served: inside the root, no dot-files. */
    Path realPathOf(Path candidate) {
        if (real == null) {
            return null;
        }
        long now = System.nanoTime();
        Checked known = checked.get(candidate);
        if (known != null && now - known.atNanos() < CHECK_VALID_NANOS) {
            return known.resolved();
        }
        Path resolved = check(candidate);
        if (checked.size() >= MAX_REMEMBERED) {
            checked.clear();
        }
        checked.put(candidate, new Checked(resolved, now));
        return resolved;
    }

    private Path check(Path candidate) {
        if (!candidate.normalize().startsWith(real)) {
            return null;
        }
        // exists() reports absence without an exception: misses (404s, absent .br/.gz variants) stay cheap.
        if (!Files.exists(candidate)) {
            return null;
        }
        Path resolved;
        try {
            resolved = candidate.toRealPath();
        } catch (IOException | SecurityException e) {
            return null;
        }
        if (!resolved.startsWith(real)) {
            return null;
        }
        Path relative = real.relativize(resolved);
        int count = resolved.equals(real) ? 0 : relative.getNameCount();
        for (int i = 0; i < count; i++) {
            if (SafePathResolver.isHidden(i, relative.getName(i).toString())) {
                return null;
            }
        }
        return resolved;
    }

    /** The precompressed copies beside {@code file} (a real path this root found), checked at most once a second. */
    Siblings compressedSiblings(Path file) {
        long now = System.nanoTime();
        Siblings known = siblings.get(file);
        if (known != null && now - known.atNanos() < CHECK_VALID_NANOS) {
            return known;
        }
        Path dir = file.getParent();
        String name = file.getFileName().toString();
        Siblings found;
        try {
            found = new Siblings(realPathOf(dir.resolve(name + ".br")), realPathOf(dir.resolve(name + ".gz")), now);
        } catch (InvalidPathException e) {
            found = new Siblings(null, null, now);
        }
        if (siblings.size() >= MAX_REMEMBERED) {
            siblings.clear();
        }
        siblings.put(file, found);
        return found;
    }

    private Resource lookup(Path candidate) {
        Path resolved = realPathOf(candidate);
        return resolved == null ? null : at(resolved);
    }

    /** The file or directory at {@code resolved}, a real path this root checked, with its attributes read now. */
    Resource at(Path resolved) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(resolved, BasicFileAttributes.class);
            return attrs.isRegularFile() || attrs.isDirectory() ? new Resource(this, resolved, attrs) : null;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "ResourceRoot[" + configured + (real == null ? " (missing)" : "") + "]";
    }
}

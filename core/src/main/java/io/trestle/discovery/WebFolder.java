package io.trestle.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plugin jar's web files ({@code META-INF/resources/**}) unpacked into a temporary folder, so
 * the static-files module serves them like the web root: zero-copy, with ranges and validators.
 * Every file gets the jar's modification time, so {@code Last-Modified} and {@code ETag} change
 * whenever a new version of the jar is deployed.
 */
final class WebFolder {
    private static final Logger LOG = LoggerFactory.getLogger(WebFolder.class);
    static final String PREFIX = "META-INF/resources/";

    private WebFolder() {
    }

    /**
     * Unpacks the web files of {@code jar} (named {@code name} in messages).
     *
     * @return the folder, or {@code null} when the jar has no web files
     * @throws IOException when the jar cannot be read, the folder cannot be written, or an entry
     *                     name would lead outside the folder ({@code ../}, an absolute path)
     */
    static Path unpack(Path jar, String name, FileTime modified) throws IOException {
        Path folder = null;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String path = entry.getName();
                if (!path.startsWith(PREFIX) || entry.isDirectory()) {
                    continue;
                }
                String relative = path.substring(PREFIX.length());
                if (!isSafe(relative)) {
                    throw new IOException("web file " + path + " in " + name + " has an unsafe name");
                }
                if (folder == null) {
                    folder = Files.createTempDirectory("trestle-web-");
                }
                Path target = folder.resolve(relative);
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target);
                }
                Files.setLastModifiedTime(target, modified);
            }
        } catch (IOException | RuntimeException e) {
            delete(folder);
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        if (folder != null) {
            LOG.debug("{}: web files unpacked into {}", name, folder);
        }
        return folder;
    }

    /** No empty, {@code .} or {@code ..} segment, no backslash, colon or NUL: it stays inside the folder. */
    static boolean isSafe(String relative) {
        if (relative.isEmpty() || relative.indexOf('\\') >= 0 || relative.indexOf(':') >= 0 || relative.indexOf('\0') >= 0) {
            return false;
        }
        int start = 0;
        while (start <= relative.length()) {
            int slash = relative.indexOf('/', start);
            int end = slash < 0 ? relative.length() : slash;
            String segment = relative.substring(start, end);
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    /** Deletes {@code folder} and everything in it; {@code null} does nothing. Failures are logged. */
    static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot delete the web files folder {}: {}", folder, e.getMessage());
        }
    }
}

package io.trestle.staticfiles;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * A file or directory found under a {@link ResourceRoot}, with the attributes read for this
 * request (so every header describes the same version of the file).
 *
 * @param root  the root it was found in, for looking up neighbours ({@code index.html}, variants)
 * @param path  its real path (symbolic links resolved)
 * @param attrs its attributes, read once
 */
record Resource(ResourceRoot root, Path path, BasicFileAttributes attrs) {

    boolean isDirectory() {
        return attrs.isDirectory();
    }

    boolean isFile() {
        return attrs.isRegularFile();
    }

    long size() {
        return attrs.size();
    }

    /** Last modification in whole seconds, the precision of HTTP dates. */
    long lastModifiedSeconds() {
        return attrs.lastModifiedTime().to(TimeUnit.SECONDS);
    }

    long lastModifiedMicros() {
        return attrs.lastModifiedTime().to(TimeUnit.MICROSECONDS);
    }

    /**
     * A strong validator from the modification time (microseconds) and size, like nginx's: cheap,
     * and it changes whenever the content is rewritten.
     */
    String etag() {
        return root.texts().etag(this);
    }

    /** {@link #lastModifiedSeconds()} as an HTTP date. */
    String lastModifiedText() {
        return root.texts().lastModified(this);
    }

    /** The validator with {@code suffix} inside the quotes, to tell encodings of one file apart. */
    String etag(String suffix) {
        return '"' + Long.toHexString(lastModifiedMicros()) + '-' + Long.toHexString(attrs.size()) + suffix + '"';
    }

    /** Whether {@code other} describes the same version of the same file. */
    boolean sameVersionAs(BasicFileAttributes other) {
        Object key = attrs.fileKey();
        return other.size() == attrs.size()
                && other.lastModifiedTime().equals(attrs.lastModifiedTime())
                && (key == null || key.equals(other.fileKey()));
    }
}

package io.trestle.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * What a plugin jar looked like on disk when it was read: size, modification time and file
 * identity (the inode, where the file system has one). A different stamp means a different jar:
 * rewritten in place (size or time change) or renamed over the old one (identity changes).
 *
 * <pre>{@code
 * JarStamp loaded = source.stamp();
 * if (!JarStamp.of(source.jar()).equals(loaded)) { ... the jar was replaced ... }
 * }</pre>
 *
 * @param fileKey the file system's identity of the file, or {@code null} where it has none
 */
public record JarStamp(long size, FileTime modified, Object fileKey) {

    /** The stamp of {@code file} now. */
    public static JarStamp of(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new JarStamp(a.size(), a.lastModifiedTime(), a.fileKey());
    }

    // Written out: a record's own equals and hashCode are bootstrapped through method handles on
    // first use, 15 classes spun during start-up's first jar check.
    @Override
    public boolean equals(Object o) {
        return o instanceof JarStamp other && size == other.size && Objects.equals(modified, other.modified)
                && Objects.equals(fileKey, other.fileKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(size, modified, fileKey);
    }
}

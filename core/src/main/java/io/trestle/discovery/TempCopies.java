package io.trestle.discovery;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New empty files in the temporary folder for the private copies of plugin jars, named
 * {@code trestle-plugin-<random>-<jar name>} and readable by the owner only, as
 * {@link Files#createTempFile} makes them.
 *
 * <p>Why not {@code Files.createTempFile}: its first call seeds a {@link java.security.SecureRandom},
 * 20-36 ms of the example app's start-up on one CPU, and nothing else on the start-up path needs one.
 * The name need not be secret: the file is created with {@code CREATE_NEW} ({@code O_EXCL}, which
 * never follows a link), and a name already taken is simply passed over.
 */
final class TempCopies {
    private static final String PREFIX = "trestle-plugin-";
    private static final int ATTEMPTS = 100;

    private TempCopies() {
    }

    /** Creates {@code <tmpdir>/trestle-plugin-<random>-<suffix>}, a new empty file no one else created. */
    static Path create(String suffix) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        FileAttribute<?>[] ownerOnly = ownerOnly();
        for (int i = 0; ; i++) {
            String unique = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), Character.MAX_RADIX);
            try {
                return Files.createFile(dir.resolve(PREFIX + unique + "-" + suffix), ownerOnly);
            } catch (FileAlreadyExistsException taken) {
                if (i == ATTEMPTS) {
                    throw taken;
                }
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))
        };
    }
}

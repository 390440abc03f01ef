package io.trestle.login;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users of the users file, checked against passwords. The file is read at start-up and read
 * again when it changes on disk (its modification time, size or identity), so {@code passwd}
 * takes effect without a restart. A changed file that does not parse is ignored with a warning
 * (the last good one stays); a deleted file means no users.
 *
 * <pre>{@code
 * UserDirectory users = UserDirectory.open(Path.of("users.properties"), 600_000);
 * boolean ok = users.verify("eiger", password);
 * }</pre>
 */
public final class UserDirectory {
    private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

    private final Path file;
    private final int defaultIterations;
    private volatile Snapshot snapshot;

    /** What was read, with what identifies that version of the file. */
    private record Snapshot(UsersFile users, PasswordHash dummy, Object stamp) {
    }

    private UserDirectory(Path file, int defaultIterations) {
        this.file = file;
        this.defaultIterations = defaultIterations;
    }

    /**
     * Reads {@code file} now. A missing file gives an empty directory (logged; the file is
     * picked up when it appears).
     *
     * @param defaultIterations the cost of the dummy hash when the file has no users to copy it from
     * @throws UsersFileException when the file does not parse: a start-up error
     */
    public static UserDirectory open(Path file, int defaultIterations) throws IOException {
        UserDirectory dir = new UserDirectory(file, defaultIterations);
        Object stamp = stamp(file);
        if (stamp == null) {
            log.warn("No users file at {}: nobody can sign in until one is created (passwd NAME)", file.toAbsolutePath());
            dir.snapshot = dir.snapshotOf(UsersFile.empty(), null);
        } else {
            dir.snapshot = dir.snapshotOf(UsersFile.read(file), stamp);
            log.info("{} user(s) from {}", dir.snapshot.users.users().size(), file.toAbsolutePath());
        }
        return dir;
    }

    /**
     * Whether {@code password} is {@code name}'s. An unknown name costs one hash of a dummy
     * password with the file's usual iteration count, so it takes as long as a wrong password.
     */
    public boolean verify(String name, char[] password) {
        Snapshot s = current();
        PasswordHash hash = s.users.hash(name);
        if (hash == null) {
            s.dummy.matches(password);
            return false;
        }
        return hash.matches(password);
    }

    /** Whether {@code name} is in the file now. */
    public boolean exists(String name) {
        return current().users.hash(name) != null;
    }

    public Path file() {
        return file;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        Object stamp;
        try {
            stamp = stamp(file);
        } catch (IOException e) {
            log.warn("Cannot check the users file {}: {}; keeping the users read before", file, e.toString());
            return s;
        }
        return Objects.equals(stamp, s.stamp) ? s : reload(stamp);
    }

    private synchronized Snapshot reload(Object stamp) {
        Snapshot s = snapshot;
        if (Objects.equals(stamp, s.stamp)) {
            return s; // another thread reloaded meanwhile
        }
        try {
            UsersFile users = stamp == null ? UsersFile.empty() : UsersFile.read(file);
            s = snapshotOf(users, stamp);
            if (stamp == null) {
                log.warn("The users file {} is gone: nobody can sign in until it is back", file);
            } else {
                log.info("Users file {} changed: {} user(s)", file, users.users().size());
            }
        } catch (IOException | UsersFileException e) {
            // Remember the stamp so one bad edit is reported once, not at every login.
            s = new Snapshot(s.users, s.dummy, stamp);
            log.warn("Ignoring the changed users file (keeping the users read before): {}", e.getMessage());
        }
        snapshot = s;
        return s;
    }

    private Snapshot snapshotOf(UsersFile users, Object stamp) {
        DemoAccount.warnIfActive(users, file);
        return new Snapshot(users, PasswordHash.dummy(usualIterations(users)), stamp);
    }

    /** The iteration count most users have, so the dummy hash costs what a real one does. */
    private int usualIterations(UsersFile users) {
        Map<Integer, Integer> counts = new HashMap<>();
        int best = defaultIterations;
        int bestCount = 0;
        for (PasswordHash h : users.users().values()) {
            int n = counts.merge(h.iterations(), 1, Integer::sum);
            if (n > bestCount) {
                best = h.iterations();
                bestCount = n;
            }
        }
        return best;
    }

    /** Modification time, size and file key together, or null when the file does not exist. */
    private static Object stamp(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(a.lastModifiedTime(), a.size(), Objects.requireNonNullElse(a.fileKey(), ""));
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}

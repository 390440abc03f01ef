package io.trestle.login;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The users file: one {@code name=pbkdf2-sha256$ITERATIONS$SALT$HASH} line per user, blank lines
 * and {@code #} or {@code !} comments anywhere. Immutable; {@link #withUser} returns a copy that
 * keeps every other line (comments included) as it was.
 *
 * <pre>{@code
 * UsersFile users = UsersFile.read(Path.of("users.properties"));
 * users.withUser("eiger", PasswordHash.create(password, 600_000)).write(Path.of("users.properties"));
 * }</pre>
 */
public final class UsersFile {
    static final int MAX_NAME_LENGTH = 64;
    private static final String FORBIDDEN_NAME_CHARS = "=:#!\\\"'";

    private final List<String> lines;
    private final Map<String, PasswordHash> users;

    private UsersFile(List<String> lines, Map<String, PasswordHash> users) {
        this.lines = List.copyOf(lines);
        this.users = Collections.unmodifiableMap(users);
    }

    public static UsersFile empty() {
        return new UsersFile(List.of(), new LinkedHashMap<>());
    }

    /**
     * Reads and checks {@code file} (UTF-8).
     *
     * @throws NoSuchFileException when it does not exist
     * @throws UsersFileException  naming the first bad line
     */
    public static UsersFile read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return parse(text, file.toString());
    }

    /** Parses the file's text; {@code source} names it in error messages. */
    public static UsersFile parse(String text, String source) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = text.isEmpty() ? List.of() : text.lines().toList();
        Map<String, PasswordHash> users = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '!') {
                continue;
            }
            String where = source + ":" + (i + 1) + ": ";
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new UsersFileException(where + "expected name=" + PasswordHash.SCHEME + "$...");
            }
            String name = line.substring(0, eq).strip();
            try {
                checkName(name);
            } catch (IllegalArgumentException e) {
                throw new UsersFileException(where + e.getMessage());
            }
            if (users.containsKey(name)) {
                throw new UsersFileException(where + "user '" + name + "' appears twice");
            }
            try {
                users.put(name, PasswordHash.parse(line.substring(eq + 1).strip()));
            } catch (IllegalArgumentException e) {
                throw new UsersFileException(where + "bad hash for '" + name + "': " + e.getMessage());
            }
        }
        return new UsersFile(lines, users);
    }

    /**
     * Checks that {@code name} can be a user name: 1 to 64 visible ASCII characters, none of
     * {@code = : # ! \ " '} (so the file stays a valid Java properties file).
     */
    public static void checkName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("the user name is empty");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("the user name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || FORBIDDEN_NAME_CHARS.indexOf(c) >= 0) {
                throw new IllegalArgumentException("the user name may hold visible ASCII characters except "
                        + FORBIDDEN_NAME_CHARS + " (found '" + (c < ' ' || c >= 127 ? "\\u" + Integer.toHexString(c) : c) + "')");
            }
        }
    }

    /** Every user and their hash, in file order. */
    public Map<String, PasswordHash> users() {
        return users;
    }

    /** The hash of {@code name}, or {@code null} for an unknown user. */
    public PasswordHash hash(String name) {
        return users.get(name);
    }

    /** A copy where {@code name} has {@code hash}: its line replaced in place, or a new last line. */
    public UsersFile withUser(String name, PasswordHash hash) {
        checkName(name);
        String newLine = name + "=" + hash.encoded();
        List<String> copy = new ArrayList<>(lines);
        int at = lineOf(name);
        if (at >= 0) {
            copy.set(at, newLine);
        } else {
            copy.add(newLine);
        }
        Map<String, PasswordHash> newUsers = new LinkedHashMap<>(users);
        newUsers.put(name, hash);
        return new UsersFile(copy, newUsers);
    }

    /** The file's text, each line ended with {@code \n}. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /**
     * Writes the file atomically: a temporary file in the same folder (owner-only permissions
     * where the file system is POSIX), flushed to disk, then moved over {@code file}. Readers see
     * the old file or the new one, never half of one. A symbolic link is followed, not replaced.
     */
    public void write(Path file) throws IOException {
        Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(dir, ".users-", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".users-", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private int lineOf(String name) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int eq = line.indexOf('=');
            if (eq > 0 && line.charAt(0) != '#' && line.charAt(0) != '!' && line.substring(0, eq).strip().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}

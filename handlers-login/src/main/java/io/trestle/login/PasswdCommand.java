package io.trestle.login;

import io.trestle.Command;
import io.trestle.Config;
import io.trestle.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code passwd NAME}: adds a user to the users file or changes their password. Asks for the
 * password twice without echo, refuses an empty one or two that differ, and rewrites the file
 * atomically with owner-only permissions, keeping the other users and the comments.
 *
 * <pre>{@code
 * $ java -jar examples/target/trestle-example.jar passwd eiger --users users.properties
 * New password for eiger:
 * Repeat it:
 * Changed the password of eiger in users.properties
 * }</pre>
 *
 * <p>A running server reads the changed file at the next sign-in: no restart needed.
 */
public final class PasswdCommand implements Command {
    /** Shorter passwords are accepted (the demo's is six digits) but draw a warning. */
    static final int RECOMMENDED_MIN_LENGTH = 8;

    @Override
    public String name() {
        return "passwd";
    }

    @Override
    public String description() {
        return "passwd NAME: add a user to the users file or change their password";
    }

    @Override
    public List<Setting> settings() {
        return List.of(LoginSettings.usersSetting(), LoginSettings.iterationsSetting());
    }

    @Override
    public int run(List<String> args, Config config, CommandIo io) throws IOException {
        if (args.size() != 1) {
            io.err().println("usage: passwd NAME [--users FILE] [--pbkdf2-iterations N]");
            return 2;
        }
        String name = args.get(0);
        int iterations;
        try {
            UsersFile.checkName(name);
            iterations = LoginSettings.iterations(config);
        } catch (IllegalArgumentException e) {
            io.err().println("passwd: " + e.getMessage());
            return 2;
        }
        Path file = Path.of(config.string(LoginSettings.USERS, "users.properties"));
        try {
            read(file); // fail on a broken file before asking for anything
        } catch (UsersFileException e) {
            io.err().println("passwd: " + e.getMessage());
            return 1;
        }
        char[] password = io.readPassword("New password for " + name + ": ");
        char[] again = null;
        try {
            if (password == null || password.length == 0) {
                io.err().println("passwd: the password is empty; nothing changed");
                return 1;
            }
            again = io.readPassword("Repeat it: ");
            if (again == null || !Arrays.equals(password, again)) {
                io.err().println("passwd: the passwords differ; nothing changed");
                return 1;
            }
            if (password.length < RECOMMENDED_MIN_LENGTH) {
                io.err().println("passwd: warning: passwords shorter than " + RECOMMENDED_MIN_LENGTH + " characters are easy to guess");
            }
            PasswordHash hash = PasswordHash.create(password, iterations);
            // Read again: another passwd may have written the file while we waited for typing.
            UsersFile users = read(file);
            boolean existed = users.hash(name) != null;
            users.withUser(name, hash).write(file);
            io.out().println((existed ? "Changed the password of " : "Added ") + name + " in " + file);
            return 0;
        } catch (UsersFileException e) {
            io.err().println("passwd: " + e.getMessage());
            return 1;
        } finally {
            clear(password);
            clear(again);
        }
    }

    private static UsersFile read(Path file) throws IOException {
        try {
            return UsersFile.read(file);
        } catch (NoSuchFileException e) {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                throw new UsersFileException("the folder of " + file + " does not exist");
            }
            return UsersFile.empty();
        }
    }

    private static void clear(char[] chars) {
        if (chars != null) {
            Arrays.fill(chars, '\0');
        }
    }
}

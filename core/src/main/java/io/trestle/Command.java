package io.trestle;

import java.util.List;

/**
 * A sub-command of a Trestle application, found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.trestle.Command}: {@code java -jar app.jar NAME args...} runs it
 * instead of the server. The login module's {@code passwd} is one.
 *
 * <pre>{@code
 * public final class Hello implements Command {
 *     public String name() { return "hello"; }
 *     public String description() { return "prints a greeting"; }
 *     public int run(List<String> args, Config config, CommandIo io) {
 *         io.out().println("hello " + String.join(" ", args));
 *         return 0;
 *     }
 * }
 * }</pre>
 */
public interface Command {

    /** The word that selects this command, e.g. {@code passwd}. */
    String name();

    /** One line for the usage message. */
    String description();

    /** The settings this command reads (they become valid flags while it runs). */
    default List<Setting> settings() {
        return List.of();
    }

    /**
     * Runs the command with the arguments after its name (flags already taken out into
     * {@code config}); returns the process exit status (0 ok, 2 usage error, 1 failure).
     */
    int run(List<String> args, Config config, CommandIo io) throws Exception;

    /** The command's terminal: streams, and a password prompt that does not echo. */
    interface CommandIo {
        /**
         * Standard output, for the command's result. While a command runs, {@code System.out}
         * points at standard error, so log lines and stray prints stay out of a redirected result.
         */
        java.io.PrintStream out();

        java.io.PrintStream err();

        /** Reads a line without echo (the console's, or a line of standard input when there is none). */
        char[] readPassword(String prompt) throws java.io.IOException;
    }
}

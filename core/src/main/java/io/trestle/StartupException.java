package io.trestle;

/**
 * An application could not start: a usage mistake (an unknown flag, a bad value, a config file
 * that cannot be read) or a failure (a handler that cannot be created, two handlers on one route,
 * a port in use). The message is written for the user; {@link #exitStatus()} is what a command-line
 * tool exits with.
 *
 * <pre>{@code
 * try (Server server = Trestle.app("my-app").start("--port", "0")) {
 *     // ...
 * } catch (StartupException e) {
 *     System.err.println("my-app: " + e.getMessage());
 *     System.exit(e.exitStatus());
 * }
 * }</pre>
 */
public final class StartupException extends RuntimeException {
    /** The exit status of a usage mistake, as most command-line tools use it. */
    public static final int USAGE = 2;
    /** The exit status of any other start-up failure. */
    public static final int FAILURE = 1;

    private static final long serialVersionUID = 1L;

    private final int exitStatus;

    StartupException(String message, int exitStatus, Throwable cause) {
        super(message, cause);
        if (exitStatus != USAGE && exitStatus != FAILURE) {
            throw new IllegalArgumentException("exit status " + exitStatus + ": use USAGE (2) or FAILURE (1)");
        }
        this.exitStatus = exitStatus;
    }

    /** {@link #USAGE} (2) when the user started the application wrongly, else {@link #FAILURE} (1). */
    public int exitStatus() {
        return exitStatus;
    }

    /** Whether the user started the application wrongly (the message names the flag or value). */
    public boolean isUsageError() {
        return exitStatus == USAGE;
    }
}

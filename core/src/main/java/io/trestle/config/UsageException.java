package io.trestle.config;

import java.util.List;

/**
 * The user started the application wrongly: an unknown flag, a bad value, a missing config
 * file. The message is written for the user. The application prints it and the usage text on
 * standard error and exits with {@link #EXIT_STATUS}.
 *
 * <pre>{@code
 * try {
 *     config = raw.resolve(settings);
 * } catch (UsageException e) {
 *     System.err.println(e.getMessage());
 *     System.err.println(Usage.format("trestle", settings));
 *     System.exit(UsageException.EXIT_STATUS);
 * }
 * }</pre>
 */
public final class UsageException extends RuntimeException {
    /** The exit status for a usage error, as most command-line tools use it. */
    public static final int EXIT_STATUS = 2;

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public UsageException(String problem) {
        this(List.of(problem));
    }

    /** One exception for several problems, so the user can fix them all in one go. */
    public UsageException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a usage error needs a problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Each problem found, one line each, in the order of the sources read. */
    public List<String> problems() {
        return problems;
    }
}

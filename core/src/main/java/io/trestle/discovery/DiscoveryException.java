package io.trestle.discovery;

import java.util.ServiceConfigurationError;

/**
 * Discovery cannot go on: the class path is broken, two handlers on the class path claim the same
 * route, or (with {@code strict=true}) a plugin jar was refused. The message is one line meant
 * for the operator; the application prints it and exits with status 1.
 *
 * <pre>{@code
 * try {
 *     deployment.start(config);
 * } catch (DiscoveryException e) {
 *     System.err.println(e.getMessage());
 *     System.exit(1);
 * }
 * }</pre>
 */
public final class DiscoveryException extends Exception {
    private static final long serialVersionUID = 1L;

    public DiscoveryException(String message) {
        super(message);
    }

    public DiscoveryException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A short, one-line account of {@code t} and its causes, e.g.
     * {@code "Provider com.acme.Ping could not be instantiated: IllegalStateException: no port"}.
     */
    static String describe(Throwable t) {
        StringBuilder b = new StringBuilder();
        Throwable cur = t;
        for (int depth = 0; cur != null && depth < 4; depth++) {
            if (depth > 0) {
                b.append(": ");
            }
            String msg = cur.getMessage();
            boolean plain = cur instanceof ServiceConfigurationError || cur instanceof DiscoveryException;
            if (!plain || msg == null) {
                b.append(cur.getClass().getSimpleName());
                if (msg != null) {
                    b.append(": ");
                }
            }
            if (msg != null) {
                b.append(msg.replace('\n', ' '));
            }
            Throwable next = cur.getCause();
            cur = next == cur ? null : next;
        }
        return b.toString();
    }
}

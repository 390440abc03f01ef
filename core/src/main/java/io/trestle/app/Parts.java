package io.trestle.app;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named parts of a running application, as Jetty's {@code ContainerLifeCycle} holds its beans:
 * each part is started when it is added, so parts start in the order they are added, and
 * {@link #close} closes them in the reverse order. A part whose close throws is logged with its
 * name and does not keep the others open; the first failure is thrown at the end, the later ones
 * added to it as suppressed.
 *
 * <pre>{@code
 * Parts parts = new Parts();
 * Deployment d = parts.start("deployment", () -> Deployment.discover(options), Deployment::close);
 * ...
 * parts.close(); // the last part added closes first
 * }</pre>
 */
final class Parts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Parts.class);

    /** Starts a part and returns it. */
    @FunctionalInterface
    interface Start<T, E extends Exception> {
        T start() throws E;
    }

    /** Closes a started part. */
    @FunctionalInterface
    interface Stop<T> {
        void stop(T part) throws Exception;
    }

    private record Part(String name, AutoCloseable closer) {}

    private final List<Part> started = new ArrayList<>();
    private boolean closed;

    /**
     * Starts a part now and registers how to close it. A start that throws registers nothing, and
     * a start that returns null (a part that is off) has nothing to close.
     */
    synchronized <T, E extends Exception> T start(String name, Start<T, E> start, Stop<? super T> stop) throws E {
        if (closed) {
            throw new IllegalStateException("cannot start " + name + ": the application is closed");
        }
        T part = start.start();
        if (part != null) {
            started.add(new Part(name, () -> stop.stop(part)));
        }
        return part;
    }

    /** The names of the parts started and not yet closed, in start order. */
    synchronized List<String> names() {
        return started.stream().map(Part::name).toList();
    }

    /**
     * Closes every started part, the last started first; a second call does nothing.
     *
     * @throws RuntimeException the first part's failure to close (a checked one wrapped), with
     *                          the later ones suppressed, after every part was closed
     */
    @Override
    public void close() {
        List<Part> parts;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            parts = List.copyOf(started);
            started.clear();
        }
        Exception first = null;
        for (Part part : parts.reversed()) {
            LOG.debug("closing {}", part.name());
            try {
                part.closer().close();
            } catch (Exception e) {
                // the stack trace travels with the exception thrown at the end
                LOG.warn("{} failed to close: {}", part.name(), String.valueOf(e));
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first != null) {
            throw new IllegalStateException("a part failed to close: " + first.getMessage(), first);
        }
    }
}

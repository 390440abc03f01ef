package io.trestle.routing;

/** Two different handlers claim the same method and pattern; the message names both and their sources. */
public final class RouteConflictException extends Exception {
    private static final long serialVersionUID = 1L;

    public RouteConflictException(String message) {
        super(message);
    }
}
